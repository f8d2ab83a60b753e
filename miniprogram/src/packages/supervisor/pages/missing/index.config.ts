export default definePageConfig({
  navigationBarTitleText: '待补填',
  enablePullDownRefresh: true,
})
