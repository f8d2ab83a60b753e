export default definePageConfig({ navigationBarTitleText: '从Excel导入' })
