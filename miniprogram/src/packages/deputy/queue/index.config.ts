export default definePageConfig({
  navigationBarTitleText: '站点待办',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
