export default definePageConfig({
  navigationBarTitleText: '县级设置',
  enablePullDownRefresh: true,
})
