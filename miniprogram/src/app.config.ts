export default defineAppConfig({
  // Main package: the resident's first path only. Keep it small (npm run size checks it).
  pages: ['pages/station/index', 'pages/mine/index', 'pages/submit/index', 'pages/item/index'],
  // Role subpackages go here as later issues add them, each with its own root, e.g.
  //   { root: 'packages/deputy', pages: ['orders/index', 'order/index'] },
  //   { root: 'packages/supervisor', pages: [...] }, { root: 'packages/staff', pages: [...] },
  //   { root: 'packages/department', pages: [...] }, { root: 'packages/admin', pages: [...] }
  // and charts (ECharts / F2) only inside a subpackage.
  // subPackages: [],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '五单通',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#5c6270',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      // icons: drawn by miniprogram/tools/tab-icons.ts
      {
        pagePath: 'pages/station/index',
        text: '联络站',
        iconPath: 'assets/tabbar/station.png',
        selectedIconPath: 'assets/tabbar/station-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的反映',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
  // Inject only the components a page uses (smaller startup in weapp).
  lazyCodeLoading: 'requiredComponents',
})
