export default definePageConfig({ navigationBarTitleText: '站点码', enablePullDownRefresh: true })
