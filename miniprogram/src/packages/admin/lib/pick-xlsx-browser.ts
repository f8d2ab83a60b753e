import type { PickedFile } from './pick-xlsx'

/** Bytes → base64 in chunks (String.fromCharCode on a 2 MB array at once overflows the call stack). */
function toBase64(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

/** H5: the browser's file picker; resolves null when the user closes it without choosing. */
export function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.id = 'import-file-input'
    input.style.display = 'none'
    input.onchange = () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) return resolve(null)
      file.arrayBuffer().then((b) => resolve({ name: file.name, size: file.size, base64: toBase64(new Uint8Array(b)) }), reject)
    }
    document.body.appendChild(input)
    input.click()
  })
}
