export default definePageConfig({
  navigationBarTitleText: '人大派单台',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
