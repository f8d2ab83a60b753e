export default definePageConfig({
  navigationBarTitleText: '角色与邀请码',
  enablePullDownRefresh: true,
})
