export default defineAppConfig({
  // Main package: the resident's first path only. Keep it small (npm run size checks it).
  pages: ['pages/station/index', 'pages/mine/index', 'pages/submit/index', 'pages/item/index'],
  // Role pages live in subpackages, one root per role, and charts
  // (ECharts / F2) only inside a subpackage.
  subPackages: [
    // 我的身份 (invitation codes) and 隐私说明: off the resident's first path, so not in the main
    // package; each folder is its own small subpackage and keeps its /pages/... address.
    { root: 'pages/identity', pages: ['index'] },
    { root: 'pages/privacy', pages: ['index'] },
    // 代表工作台: home (counts + 待接单), station queue, my items, item (accept / answer / escalate / rate / merge / refer)
    { root: 'packages/deputy', pages: ['home/index', 'queue/index', 'mine/index', 'item/index'] },
    // 人大派单台: board with filters, item (supervise / extension / release / merge / refer), dispatch form
    { root: 'packages/staff', pages: ['board/index', 'item/index', 'dispatch/index'] },
    // 承办工作台: queue with deadlines, item (acknowledge / progress / extension / send back / resolve)
    { root: 'packages/department', pages: ['queue/index', 'item/index'] },
    // 接待登记 (联络站管理员): home (today's sessions), visit form (offline drafts), records, record, missing fields, spot checks
    {
      root: 'packages/supervisor',
      pages: ['pages/home/index', 'pages/visit/index', 'pages/records/index', 'pages/record/index', 'pages/missing/index', 'pages/spot-checks/index'],
    },
    // 接待日 (issue 5): announcement (公告, anyone; reminders and ICS link here), deputy 我的接待 (duty,
    // reminder subscription, 亮码进站), staff calendar (sessions, generate, rules, compliance), edit, rule
    {
      root: 'packages/reception',
      pages: ['pages/session/index', 'pages/duty/index', 'pages/calendar/index', 'pages/edit/index', 'pages/rule/index'],
    },
    // 统计评议 (issue 7): 统计看板 and 年度评议通报 (staff), 履职档案 (a deputy's own, or any with
    // ?deputyCode= for staff). ECharts (tree-shaken) is bundled here only, never in the main package.
    { root: 'packages/stats', pages: ['dashboard/index', 'evaluation/index', 'deputy-record/index'] },
    // 县级设置 (issue 14, 管理员): home (county, directory by kind), edit (one record with its history), roles and invitations, history
    { root: 'packages/admin', pages: ['pages/home/index', 'pages/edit/index', 'pages/roles/index', 'pages/history/index', 'pages/leave/index', 'pages/import/index', 'pages/codes/index', 'pages/invite/index'] },
  ],
  // Preloading starts after the page has rendered, so it never delays a resident's first screen.
  // 提交 may open 隐私说明 (tiny: any network). The station page links to its reception days; 我的
  // is where a role holder finds the 工作台 entry and 我的身份 — those load on Wi-Fi only, since
  // most people opening them are residents on mobile data.
  preloadRule: {
    'pages/submit/index': { network: 'all', packages: ['pages/privacy'] },
    'pages/station/index': { network: 'wifi', packages: ['packages/reception'] },
    'pages/mine/index': {
      network: 'wifi',
      packages: ['pages/identity', 'packages/deputy', 'packages/staff', 'packages/department', 'packages/supervisor'],
    },
  },
  // chooseLocation (问题发生的地点) must be declared, or WeChat refuses the call.
  requiredPrivateInfos: ['chooseLocation'],
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
