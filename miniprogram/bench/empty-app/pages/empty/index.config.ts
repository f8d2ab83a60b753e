export default definePageConfig({
  navigationBarTitleText: '五单通',
})
