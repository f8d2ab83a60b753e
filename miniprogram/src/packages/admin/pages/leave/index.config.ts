export default definePageConfig({ navigationBarTitleText: '代表离任' })
