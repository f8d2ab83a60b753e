export default definePageConfig({
  navigationBarTitleText: '履职档案',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
