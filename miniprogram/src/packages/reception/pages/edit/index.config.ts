export default definePageConfig({
  navigationBarTitleText: '接待活动',
})
