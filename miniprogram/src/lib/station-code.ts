import Taro from '@tarojs/taro'

const LAST_STATION_KEY = 'wudantong.lastStation'

/**
 * The station a page was opened for:
 * - mini-program code: `scene` (the bare code "XWT01", or "code=XWT01" / "s=XWT01"), URL-encoded;
 * - link / H5: `?code=XWT01`.
 */
export function stationCodeFromParams(params: Partial<Record<string, string>>): string | null {
  const scene = safeDecode(params.scene)
  if (scene) {
    if (!scene.includes('=')) return normalise(scene)
    for (const pair of scene.split('&')) {
      const [k, v] = pair.split('=')
      if ((k === 'code' || k === 's') && v) return normalise(v)
    }
  }
  const code = safeDecode(params.code)
  return code ? normalise(code) : null
}

function normalise(code: string): string {
  return code.trim().toUpperCase()
}

/** A route parameter decoded, or as it came when it is not valid percent-encoding. */
export function safeDecode(v: string | undefined): string {
  if (!v) return ''
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}

export function rememberStation(code: string): void {
  try {
    Taro.setStorageSync(LAST_STATION_KEY, code)
  } catch {
    /* storage full or unavailable: not worth bothering the user */
  }
}

export function lastStation(): string | null {
  try {
    const v = Taro.getStorageSync(LAST_STATION_KEY)
    return typeof v === 'string' && v ? v : null
  } catch {
    return null
  }
}

export function forgetStation(): void {
  try {
    Taro.removeStorageSync(LAST_STATION_KEY)
  } catch {
    /* ignore */
  }
}
