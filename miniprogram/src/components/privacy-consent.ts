import Taro from '@tarojs/taro'

/**
 * Consent before personal data leaves the phone (phone number, photos, location).
 *
 * weapp — WeChat's privacy-guide flow: WeChat itself checks consent whenever a privacy API is used
 * (getPhoneNumber, chooseMedia, getLocation, …) and, because app.ts registered
 * `onNeedPrivacyAuthorization`, asks us to show our own sheet (PrivacySheet). Its 同意 button is
 * `open-type="agreePrivacyAuthorization"`; the answer goes back through WeChat's `resolve`.
 * `ensurePrivacyConsent()` asks up front (`requirePrivacyAuthorize`), before the picker opens.
 *
 * H5 — there is no platform flow: the same sheet is shown once and the answer is kept in local
 * storage (with the version of 隐私说明 it was given for).
 *
 * A page that uses such data renders <PrivacySheet /> once. When a request comes while the current
 * page has none, the sheet opens on the 隐私说明 page (weapp) or as a plain modal (H5).
 */
export type PrivacyPurpose = 'phone' | 'photos' | 'location'

export const PURPOSES: Record<PrivacyPurpose, { label: string; why: string }> = {
  phone: { label: '手机号', why: '方便代表和工作人员就您反映的事联系您' },
  photos: { label: '照片', why: '让代表看清问题现场' },
  location: { label: '位置', why: '标明问题发生的地点' },
}

/** Bump when 隐私说明 changes in a way people must agree to again (H5 asks again). */
export const PRIVACY_VERSION = '2026-11-v1'
const STORAGE_KEY = 'wudantong.privacyConsent'
export const PRIVACY_PAGE = '/pages/privacy/index'

type WxResolve = (result: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void

export interface ConsentRequest {
  purpose: PrivacyPurpose | null
  /** weapp: WeChat's resolve for this request */
  wxResolve?: WxResolve
  /** H5 / ensurePrivacyConsent: the answer */
  done?: (agreed: boolean) => void
}

interface Opener {
  route: string
  open(request: ConsentRequest): void
}

const openers: Opener[] = []
/** A request waiting for the 隐私说明 page to open (weapp fallback). */
let parked: ConsentRequest | null = null

const bareRoute = (path: string | undefined) => (path ?? '').split('?')[0].replace(/^\/+/, '')

function currentRoute(): string {
  return bareRoute(Taro.getCurrentInstance().router?.path)
}

/** PrivacySheet registers itself for the page it is on; returns the unregister function. */
export function registerSheet(route: string, open: (request: ConsentRequest) => void): () => void {
  const opener = { route: bareRoute(route), open }
  openers.push(opener)
  return () => {
    const i = openers.indexOf(opener)
    if (i >= 0) openers.splice(i, 1)
  }
}

/** The request parked for the 隐私说明 page, taken once. */
export function takeParkedRequest(): ConsentRequest | null {
  const r = parked
  parked = null
  return r
}

/** Called by the sheet once the person has answered. */
export function answer(request: ConsentRequest, agreed: boolean, buttonId?: string): void {
  if (process.env.TARO_ENV === 'h5' && agreed) rememberConsent()
  request.wxResolve?.(agreed ? { event: 'agree', buttonId } : { event: 'disagree' })
  request.done?.(agreed)
}

function show(request: ConsentRequest): void {
  const here = currentRoute()
  const opener = [...openers].reverse().find((o) => o.route === here)
  if (opener) {
    opener.open(request)
    return
  }
  if (process.env.TARO_ENV === 'h5') {
    const what = request.purpose ? PURPOSES[request.purpose] : null
    void Taro.showModal({
      title: '隐私保护提示',
      content: `${what ? `使用您的${what.label}是为了${what.why}。` : ''}我们只把您提供的信息用于处理您反映的事项，详见“我的—隐私说明”。`,
      confirmText: '同意',
      cancelText: '不同意',
    }).then(
      (res) => answer(request, Boolean(res.confirm)),
      () => answer(request, false),
    )
    return
  }
  parked = request
  void Taro.navigateTo({ url: `${PRIVACY_PAGE}?consent=1` }).catch(() => {
    parked = null
    answer(request, false)
  })
}

/** H5: the answer given on this device for the current 隐私说明. */
export function hasPrivacyConsent(): boolean {
  try {
    const stored = Taro.getStorageSync(STORAGE_KEY) as { version?: string } | string | undefined
    return typeof stored === 'object' && stored?.version === PRIVACY_VERSION
  } catch {
    return false
  }
}

function rememberConsent(): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, { version: PRIVACY_VERSION, at: new Date().toISOString() })
  } catch {
    /* not kept: asked again next time */
  }
}

/** H5: 撤回同意 — the next use of phone, photos or location asks again. */
export function withdrawPrivacyConsent(): void {
  try {
    Taro.removeStorageSync(STORAGE_KEY)
  } catch {
    /* ignore */
  }
}

/**
 * Before the phone number, photos or location are used: resolves true once the person has agreed
 * (at once if they already had), false if they declined.
 */
export function ensurePrivacyConsent(purpose: PrivacyPurpose): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5') {
    if (hasPrivacyConsent()) return Promise.resolve(true)
    return new Promise((resolve) => show({ purpose, done: resolve }))
  }
  if (typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve(true) // base library < 2.32.3
  return new Promise((resolve) => {
    pendingPurpose = purpose
    Taro.requirePrivacyAuthorize({
      success: () => resolve(true),
      fail: () => resolve(false),
      complete: () => {
        pendingPurpose = null
      },
    })
  })
}

/** What ensurePrivacyConsent is asking for, so the sheet WeChat triggers can say it. */
let pendingPurpose: PrivacyPurpose | null = null

/** WeChat's names for the APIs that trigger the flow. */
function purposeOf(referrer: string | undefined): PrivacyPurpose | null {
  const api = String(referrer ?? '')
  if (/phone/i.test(api)) return 'phone'
  if (/media|image|photo|camera|video/i.test(api)) return 'photos'
  if (/location/i.test(api)) return 'location'
  return null
}

/** app.ts, once (weapp): our sheet instead of WeChat's generic one. */
export function installPrivacyHandler(): void {
  if (process.env.TARO_ENV === 'h5') return
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve, eventInfo) => {
    const purpose = pendingPurpose ?? purposeOf((eventInfo as { referrer?: string } | undefined)?.referrer)
    show({ purpose, wxResolve: resolve as unknown as WxResolve })
  })
}
