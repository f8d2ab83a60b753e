export default definePageConfig({
  navigationBarTitleText: '变更历史',
  enablePullDownRefresh: true,
})
