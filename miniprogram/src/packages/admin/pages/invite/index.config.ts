export default definePageConfig({ navigationBarTitleText: '签发邀请码' })
