export default definePageConfig({
  navigationBarTitleText: '年度评议通报',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
