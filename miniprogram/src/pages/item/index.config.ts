export default definePageConfig({
  navigationBarTitleText: '反映详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
