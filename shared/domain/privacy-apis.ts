/**
 * The WeChat APIs this mini-program calls that WeChat puts under 用户隐私保护指引: each must be
 * declared in the mini-program's privacy guide (微信公众平台 → 设置 → 服务内容声明), or WeChat
 * disables the call. `tests/unit/privacy-apis.test.ts` scans the source for every call of an API on
 * WeChat's list and fails when one is missing here, or listed here and no longer called; and
 * checks that docs/deploy.md names each item.
 */
export interface PrivacyApi {
  /** The item as the guide's form names it. */
  item: string
  /** What we say we use it for (the guide asks for a purpose per item). */
  purpose: string
}

export const PRIVACY_APIS: Record<string, PrivacyApi> = {
  getPhoneNumber: { item: '手机号', purpose: '群众提交意见建议时一键填写联系电话' },
  chooseMedia: { item: '选中的照片或视频信息', purpose: '群众反映问题时附现场照片；管理员上传代表照片' },
  chooseLocation: { item: '选择的位置信息', purpose: '标注问题发生的地点；设置联络站的位置' },
  saveImageToPhotosAlbum: { item: '相册（仅写入）权限', purpose: '保存接待日海报到相册' },
  setClipboardData: { item: '剪切板', purpose: '复制邀请码、接待日链接' },
  chooseMessageFile: { item: '选中的文件', purpose: '管理员从微信聊天中选择要导入的 Excel 名录' },
  addPhoneCalendar: { item: '日历（仅写入）权限', purpose: '把接待日加入代表的手机日历' },
}

/**
 * WeChat's list of APIs that need the privacy guide (开发者文档 “小程序隐私协议开发指南” 涉及的接口),
 * as far as a county mini-program could come to use them.
 */
export const WECHAT_PRIVACY_APIS = [
  'getPhoneNumber',
  'getRealtimePhoneNumber',
  'chooseMedia',
  'chooseImage',
  'chooseVideo',
  'saveImageToPhotosAlbum',
  'saveVideoToPhotosAlbum',
  'chooseLocation',
  'getLocation',
  'getFuzzyLocation',
  'choosePoi',
  'startLocationUpdate',
  'chooseAddress',
  'setClipboardData',
  'getClipboardData',
  'chooseMessageFile',
  'addPhoneCalendar',
  'addPhoneRepeatCalendar',
  'addPhoneContact',
  'getRecorderManager',
  'startRecord',
  'createCameraContext',
  'getWeRunData',
  'getUserProfile',
  'chooseInvoice',
  'chooseInvoiceTitle',
  'chooseLicensePlate',
] as const
