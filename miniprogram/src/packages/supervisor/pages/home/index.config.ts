export default definePageConfig({
  navigationBarTitleText: '接待登记',
  enablePullDownRefresh: true,
})
