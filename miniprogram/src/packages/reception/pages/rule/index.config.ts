export default definePageConfig({
  navigationBarTitleText: '接待日规则',
})
