import { ApiError } from './client'
import { serverUrl } from './origin'
import { demoIdentityHeaders } from '../lib/demo-identity'

/**
 * H5 on the local server: a file the server answers at its own address (the evaluation workbook
 * `GET /export/evaluation/<县>/<年度>.xlsx`), asked with the demo identity in its header (the server
 * checks it like any call). Failures are ApiErrors like every call's: no answer is network_error,
 * a refusal forbidden, anything else internal with the server's message.
 */
export async function fetchServerFile(path: string): Promise<{ blob: Blob; filename: string | null }> {
  let res: Response
  try {
    res = await fetch(serverUrl(path), { headers: demoIdentityHeaders() })
  } catch {
    throw new ApiError('network_error')
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null
    throw new ApiError(res.status === 403 ? 'forbidden' : 'internal', body?.message)
  }
  const filename = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? null
  return { blob: await res.blob(), filename }
}
