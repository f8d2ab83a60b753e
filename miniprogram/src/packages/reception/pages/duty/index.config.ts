export default definePageConfig({
  navigationBarTitleText: '我的接待',
  enablePullDownRefresh: true,
})
