export default definePageConfig({
  navigationBarTitleText: '我接的单',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
