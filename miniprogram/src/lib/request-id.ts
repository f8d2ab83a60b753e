const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A client request id (shared/api/common.ts clientRequestId): 24 characters of [A-Za-z0-9]. */
export function newClientRequestId(): string {
  let out = Date.now().toString(36)
  while (out.length < 24) out += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return out
}
