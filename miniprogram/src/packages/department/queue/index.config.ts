export default definePageConfig({
  navigationBarTitleText: '承办工作台',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
