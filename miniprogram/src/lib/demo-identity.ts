import Taro from '@tarojs/taro'

/**
 * Local demo identities (H5 against the local server only). The whole feature is compiled out of
 * the weapp / CloudBase build: LOCAL_MODE is a constant there, and the UI checks it first.
 */
export const LOCAL_MODE = process.env.TARO_ENV === 'h5' && process.env.TARO_APP_LOCAL_MODE === '1'

export const DEMO_IDENTITIES = [
  { openid: 'demo-resident-1', label: '群众 · 演示居民一' },
  { openid: 'demo-resident-2', label: '群众 · 演示居民二' },
  { openid: 'demo-deputy-XWT01-R1', label: '人大代表 · 王建国（城关镇联络站）' },
  { openid: 'demo-supervisor-XWT01-M1', label: '联络站管理员 · 宋桂英（城关镇联络站）' },
  { openid: 'demo-staff-XW-STAFF1', label: '人大工作人员 · 吕保国（修武县人大常委会代工委）' },
  { openid: 'demo-staff-XW-STAFF-城关镇', label: '乡镇人大 · 魏凤英（城关镇人大主席团）' },
  { openid: 'demo-department-XW-D09', label: '承办单位 · 修武县交通运输局' },
  { openid: 'demo-admin-xiuwu', label: '管理员 · 修武县（签发邀请码）' },
  { openid: 'demo-staff-LY-STAFF1', label: '人大工作人员 · 白小红（临颍县人大常委会）' },
] as const

export const DEFAULT_DEMO_OPENID = 'demo-resident-1'
const STORAGE_KEY = 'wudantong.demoOpenid'

export function getDemoOpenid(): string {
  try {
    const stored = Taro.getStorageSync(STORAGE_KEY)
    return typeof stored === 'string' && stored ? stored : DEFAULT_DEMO_OPENID
  } catch {
    return DEFAULT_DEMO_OPENID
  }
}

export function setDemoOpenid(openid: string): void {
  Taro.setStorageSync(STORAGE_KEY, openid)
}

export function demoLabel(openid: string): string {
  return DEMO_IDENTITIES.find((d) => d.openid === openid)?.label ?? openid
}

/**
 * The header that carries the demo identity to the local server (empty outside local mode).
 * Percent-encoded: browsers send header values as Latin-1, and some demo identities carry a
 * township's name.
 */
export function demoIdentityHeaders(): Record<string, string> {
  return LOCAL_MODE ? { 'x-wudantong-openid': encodeURIComponent(getDemoOpenid()) } : {}
}
