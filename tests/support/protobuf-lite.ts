/**
 * Just enough protobuf for the stand-in to read and write the two messages of CloudBase's
 * `wx.openApi` call as wx-server-sdk 4.0.2 encodes them (CommApiData in, CommOpenApiResp out):
 * varints and length-delimited fields, nothing else.
 */

/** Field number → its values in order: numbers for varints, Buffers for length-delimited. */
export type Fields = Map<number, Array<number | Buffer>>

function readVarint(b: Buffer, at: number): [number, number] {
  let value = 0
  let shift = 0
  for (;;) {
    if (at >= b.length) throw new Error('protobuf: truncated varint')
    const byte = b[at++]
    value += (byte & 0x7f) * 2 ** shift
    if (!(byte & 0x80)) return [value, at]
    shift += 7
  }
}

export function decodeFields(b: Buffer): Fields {
  const out: Fields = new Map()
  let at = 0
  while (at < b.length) {
    const [tag, next] = readVarint(b, at)
    at = next
    const field = Math.floor(tag / 8)
    const wire = tag & 7
    let value: number | Buffer
    if (wire === 0) [value, at] = readVarint(b, at)
    else if (wire === 2) {
      const [len, start] = readVarint(b, at)
      value = b.subarray(start, start + len)
      at = start + len
    } else throw new Error(`protobuf: wire type ${wire} not expected here`)
    out.set(field, [...(out.get(field) ?? []), value])
  }
  return out
}

function varint(n: number): Buffer {
  // a negative int32 is written as its 64-bit two's complement (ten bytes), as protobuf does
  let v = n < 0 ? (1n << 64n) + BigInt(n) : BigInt(n)
  const bytes: number[] = []
  do {
    let byte = Number(v & 0x7fn)
    v >>= 7n
    if (v > 0n) byte |= 0x80
    bytes.push(byte)
  } while (v > 0n)
  return Buffer.from(bytes)
}

/** Fields in order; a string or Buffer is length-delimited, a number a varint (0 is left out, as proto3 does). */
export function encodeFields(fields: Array<[number, number | string | Buffer | undefined]>): Buffer {
  const parts: Buffer[] = []
  for (const [field, value] of fields) {
    if (value === undefined || value === 0 || value === '') continue
    if (typeof value === 'number') parts.push(varint(field * 8), varint(value))
    else {
      const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value
      parts.push(varint(field * 8 + 2), varint(bytes.length), bytes)
    }
  }
  return Buffer.concat(parts)
}

/** multipart/form-data → field name → its bytes. */
export function parseMultipart(body: Buffer, contentType: string): Map<string, Buffer> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType)
  if (!boundary) throw new Error('multipart: no boundary')
  const sep = Buffer.from(`--${boundary[1] ?? boundary[2]}`)
  const out = new Map<string, Buffer>()
  let at = body.indexOf(sep)
  while (at !== -1) {
    const start = at + sep.length
    if (body.subarray(start, start + 2).toString() === '--') break
    const next = body.indexOf(sep, start)
    if (next === -1) break
    const part = body.subarray(start + 2, next - 2) // after CRLF, before the CRLF ahead of the next boundary
    const headerEnd = part.indexOf('\r\n\r\n')
    const name = /name="([^"]+)"/.exec(part.subarray(0, headerEnd).toString('utf8'))?.[1]
    if (name) out.set(name, part.subarray(headerEnd + 4))
    at = next
  }
  return out
}
