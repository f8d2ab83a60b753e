/**
 * The 云调用 port: the calls this project makes as wx-server-sdk's `cloud.openapi` exposes them,
 * and how a failure says which. Kept apart from the SDK adapter (wx-openapi.ts) so that code which
 * only reads errors does not load the SDK into functions that never call WeChat.
 */

/** The four calls this project makes, as `cloud.openapi` exposes them (arguments in camelCase). */
export interface WxOpenApi {
  wxacode: {
    getUnlimited(args: { scene: string; page: string; checkPath: boolean; envVersion: 'release' | 'trial' | 'develop'; width: number }): Promise<{ contentType?: string; buffer?: Buffer }>
  }
  security: {
    msgSecCheck(args: { openid: string; scene: number; version: 2; content: string }): Promise<{ result?: { suggest?: string; label?: number } }>
  }
  subscribeMessage: {
    send(args: { touser: string; templateId: string; page?: string; miniprogramState: 'formal' | 'trial' | 'developer'; lang: string; data: Record<string, { value: string }> }): Promise<unknown>
  }
  phonenumber: {
    getPhoneNumber(args: { code: string }): Promise<{ phoneInfo?: { phoneNumber?: string; purePhoneNumber?: string; countryCode?: string } }>
  }
}

/** WeChat's errcode of a failed call (or the SDK's own negative code); null for any other error. */
export function wxErrCode(error: unknown): number | null {
  const code = (error as { errCode?: unknown } | null)?.errCode
  return typeof code === 'number' ? code : null
}
