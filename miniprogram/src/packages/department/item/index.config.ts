export default definePageConfig({
  navigationBarTitleText: '承办事项',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
