export default definePageConfig({
  navigationBarTitleText: '接待日管理',
  enablePullDownRefresh: true,
})
