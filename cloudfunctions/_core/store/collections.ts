/**
 * Every collection and the indexes its queries need. The SQLite adapter creates these at
 * migration time; docs/deploy.md and scripts/cloudbase-collections.ts apply the same list to
 * CloudBase. A query whose filter is not covered here is a bug (tests/contract/sqlite-indexes.test.ts
 * checks each index serves its query).
 */
export interface IndexSpec {
  name: string
  fields: Array<[field: string, direction: 'asc' | 'desc']>
  unique?: boolean
}

export interface CollectionSpec {
  name: string
  description: string
  indexes: IndexSpec[]
}

export const COLLECTIONS = [
  { name: 'counties', description: '县（区）与其设置', indexes: [] },
  {
    name: 'stations',
    description: '联络站、联络点、代表工作室',
    indexes: [{ name: 'by_county', fields: [['countyCode', 'asc'], ['code', 'asc']] }],
  },
  {
    name: 'deputies',
    description: '人大代表',
    indexes: [{ name: 'by_county', fields: [['countyCode', 'asc'], ['code', 'asc']] }],
  },
  {
    name: 'departments',
    description: '承办单位',
    indexes: [{ name: 'by_county', fields: [['countyCode', 'asc'], ['code', 'asc']] }],
  },
  {
    name: 'focus_groups',
    description: '专题关注组',
    indexes: [{ name: 'by_county', fields: [['countyCode', 'asc'], ['code', 'asc']] }],
  },
  {
    name: 'people',
    description: '联络站管理员与人大工作人员（邀请码据此签发）',
    indexes: [{ name: 'by_county', fields: [['countyCode', 'asc'], ['code', 'asc']] }],
  },
  {
    name: 'directory_history',
    description: '县级设置的变更历史（谁、何时、修改前→修改后）',
    indexes: [
      { name: 'by_county_at', fields: [['countyCode', 'asc'], ['at', 'desc']] },
      { name: 'by_record_at', fields: [['countyCode', 'asc'], ['kind', 'asc'], ['code', 'asc'], ['at', 'desc']] },
    ],
  },
  { name: 'users', description: '微信身份（OPENID）与其角色绑定', indexes: [] },
  {
    name: 'role_grants',
    description: '谁在本县持有什么角色（含已解除的）',
    indexes: [
      { name: 'by_county_held', fields: [['countyCode', 'asc'], ['revokedAt', 'asc'], ['grantedAt', 'desc']] },
      { name: 'by_county_role_held', fields: [['countyCode', 'asc'], ['role', 'asc'], ['revokedAt', 'asc'], ['grantedAt', 'desc']] },
      { name: 'by_openid', fields: [['openid', 'asc'], ['grantedAt', 'desc']] },
    ],
  },
  { name: 'system_claims', description: '一次性的系统操作（初始化第一位管理员）', indexes: [] },
  { name: 'redeem_attempts', description: '输错邀请码（或初始化密钥）的次数，按身份与15分钟时段', indexes: [] },
  {
    name: 'invitations',
    description: '一次性邀请码（_id 即邀请码）',
    indexes: [{ name: 'by_county_open', fields: [['countyCode', 'asc'], ['redeemedBy', 'asc'], ['cancelledAt', 'asc'], ['createdAt', 'desc']] }],
  },
  {
    name: 'suggestions',
    description: '意见建议（五单事项）',
    indexes: [
      { name: 'by_submitter', fields: [['submitterOpenid', 'asc'], ['createdAt', 'desc']] },
      { name: 'by_station_state', fields: [['stationCode', 'asc'], ['state', 'asc'], ['createdAt', 'desc']] },
      { name: 'by_station', fields: [['stationCode', 'asc'], ['createdAt', 'desc']] },
      { name: 'by_county_state', fields: [['countyCode', 'asc'], ['state', 'asc'], ['updatedAt', 'desc']] },
      { name: 'by_department_state', fields: [['departmentCode', 'asc'], ['state', 'asc'], ['deadline', 'asc']] },
      // The dispatch board filtered by department lists the most recently changed first.
      { name: 'by_department_state_updated', fields: [['departmentCode', 'asc'], ['state', 'asc'], ['updatedAt', 'desc']] },
      { name: 'by_department_updated', fields: [['departmentCode', 'asc'], ['updatedAt', 'desc']] },
      // 延期审批: the county's pending extension requests
      { name: 'by_county_extension', fields: [['countyCode', 'asc'], ['extension.status', 'asc'], ['updatedAt', 'desc']] },
      { name: 'by_state_deadline', fields: [['state', 'asc'], ['deadline', 'asc']] },
      { name: 'by_county_township_state', fields: [['countyCode', 'asc'], ['township', 'asc'], ['state', 'asc'], ['updatedAt', 'desc']] },
      { name: 'by_county_overdue', fields: [['countyCode', 'asc'], ['overdue', 'asc'], ['deadline', 'asc']] },
      { name: 'by_owner_deputy', fields: [['ownerDeputyCode', 'asc'], ['updatedAt', 'desc']] },
      { name: 'by_state_rating_due', fields: [['state', 'asc'], ['ratingDueDate', 'asc']] },
      { name: 'by_follow_up', fields: [['followUpDate', 'asc']] },
    ],
  },
  {
    name: 'contact_reads',
    description: '承办单位在群众同意后查看其称呼与手机号的记录（每次一条）',
    indexes: [{ name: 'by_suggestion', fields: [['suggestionId', 'asc'], ['at', 'desc']] }],
  },
  {
    name: 'follows',
    description: '群众关注的事项（提交者本人也算关注）',
    indexes: [
      { name: 'by_openid', fields: [['openid', 'asc'], ['createdAt', 'desc']] },
      { name: 'by_suggestion', fields: [['suggestionId', 'asc'], ['createdAt', 'asc']] },
    ],
  },
  {
    name: 'outbox',
    description: '待发送的订阅消息（发件箱，_id 即幂等键）',
    indexes: [
      { name: 'by_status', fields: [['status', 'asc'], ['createdAt', 'asc']] },
      { name: 'by_recipient', fields: [['toOpenid', 'asc'], ['createdAt', 'desc']] },
    ],
  },
  // reception (issue 5)
  { name: 'reception_settings', description: '各县接待日设置（节假日处理、调休、提醒天数；_id 即县代码）', indexes: [] },
  {
    name: 'reception_rules',
    description: '站点接待日规则（_id 为 站点:类别）',
    indexes: [{ name: 'by_county', fields: [['countyCode', 'asc'], ['stationCode', 'asc']] }],
  },
  {
    name: 'reception_sessions',
    description: '接待活动：接待日、主题接待日、网上接待日、约见、视察、关注组督办',
    indexes: [
      { name: 'by_station_date', fields: [['stationCode', 'asc'], ['date', 'asc']] },
      { name: 'by_county_date', fields: [['countyCode', 'asc'], ['date', 'asc']] },
      { name: 'by_status_date', fields: [['status', 'asc'], ['date', 'asc']] },
    ],
  },
  {
    name: 'reception_duties',
    description: '代表值班安排（每场每位代表一条）',
    indexes: [{ name: 'by_deputy_date', fields: [['deputyCode', 'asc'], ['date', 'asc']] }],
  },
  {
    name: 'reception_attendance',
    description: '代表到站签到（亮码进站）',
    indexes: [
      { name: 'by_deputy_date', fields: [['deputyCode', 'asc'], ['date', 'asc']] },
      { name: 'by_county_date', fields: [['countyCode', 'asc'], ['date', 'asc']] },
      { name: 'by_session', fields: [['sessionId', 'asc'], ['checkedInAt', 'asc']] },
    ],
  },
  {
    name: 'reception_subscribers',
    description: '预约接待日提醒的群众',
    indexes: [{ name: 'by_session', fields: [['sessionId', 'asc'], ['createdAt', 'asc']] }],
  },
  { name: 'subscriptions', description: '订阅消息额度（_id 为 OPENID:消息类型）', indexes: [] },
  // stats (issue 7)
  {
    name: 'stats_counters',
    description: '统计计数（县/乡镇范围 × 月份 × 维度 × 键），由各用例随办理步骤累加',
    indexes: [
      { name: 'by_scope_dimension_month', fields: [['countyCode', 'asc'], ['scope', 'asc'], ['dimension', 'asc'], ['month', 'asc']] },
      { name: 'by_county_month', fields: [['countyCode', 'asc'], ['month', 'asc']] },
    ],
  },
  {
    name: 'stats_ledger',
    description: '每次办理步骤对统计计数的增减（_id 为 事项编号:v版本），与步骤同一事务写入，供计数核对',
    indexes: [{ name: 'by_county_at', fields: [['countyCode', 'asc'], ['at', 'asc']] }],
  },
  {
    name: 'stats_comments',
    description: '代表对办理结果的评价意见（每件事项保留最新一条），供年终评议',
    indexes: [{ name: 'by_county_year_department', fields: [['countyCode', 'asc'], ['year', 'asc'], ['departmentCode', 'asc'], ['at', 'desc']] }],
  },
  { name: 'stats_snapshots', description: '已冻结年度的评议结果（_id 为 县代码:年度）', indexes: [] },
  // visit register (issue 6)
  {
    name: 'visit_records',
    description: '接待登记（每位来访人一条；交办单关联五单事项）',
    indexes: [
      { name: 'by_station_status_visited', fields: [['stationCode', 'asc'], ['status', 'asc'], ['visitedAt', 'asc']] },
      { name: 'by_station_visited', fields: [['stationCode', 'asc'], ['visitedAt', 'desc']] },
      { name: 'by_session_status_visited', fields: [['sessionId', 'asc'], ['status', 'asc'], ['visitedAt', 'asc']] },
      { name: 'by_session_visited', fields: [['sessionId', 'asc'], ['visitedAt', 'asc']] },
      { name: 'by_county_township_status_visited', fields: [['countyCode', 'asc'], ['township', 'asc'], ['status', 'asc'], ['visitedAt', 'asc']] },
      { name: 'by_county_township_visited', fields: [['countyCode', 'asc'], ['township', 'asc'], ['visitedAt', 'desc']] },
      { name: 'by_county_status_visited', fields: [['countyCode', 'asc'], ['status', 'asc'], ['visitedAt', 'asc']] },
      { name: 'by_county_status_closed', fields: [['countyCode', 'asc'], ['status', 'asc'], ['closedAt', 'asc']] },
      { name: 'by_county_visited', fields: [['countyCode', 'asc'], ['visitedAt', 'desc']] },
    ],
  },
  {
    name: 'visit_spot_checks',
    description: '接待登记抽查（每次抽取一条）',
    indexes: [{ name: 'by_county_drawn', fields: [['countyCode', 'asc'], ['drawnAt', 'desc']] }],
  },
  {
    name: 'visit_callbacks',
    description: '抽查回访（每条被抽中的登记一条，_id 为 抽查编号:登记编号）',
    indexes: [
      { name: 'by_spot_check', fields: [['spotCheckId', 'asc'], ['recordId', 'asc']] },
      { name: 'by_county_township_drawn', fields: [['countyCode', 'asc'], ['township', 'asc'], ['drawnAt', 'desc']] },
      { name: 'by_county_drawn', fields: [['countyCode', 'asc'], ['drawnAt', 'desc']] },
      { name: 'by_station_drawn', fields: [['stationCode', 'asc'], ['drawnAt', 'desc']] },
    ],
  },
  {
    name: 'visit_problems',
    description: '问题清单（责任人、整改状态）',
    indexes: [
      { name: 'by_county_township_status_created', fields: [['countyCode', 'asc'], ['township', 'asc'], ['status', 'asc'], ['createdAt', 'desc']] },
      { name: 'by_county_township_created', fields: [['countyCode', 'asc'], ['township', 'asc'], ['createdAt', 'desc']] },
      { name: 'by_county_status_created', fields: [['countyCode', 'asc'], ['status', 'asc'], ['createdAt', 'desc']] },
      { name: 'by_county_created', fields: [['countyCode', 'asc'], ['createdAt', 'desc']] },
      { name: 'by_station_status_created', fields: [['stationCode', 'asc'], ['status', 'asc'], ['createdAt', 'desc']] },
      { name: 'by_station_created', fields: [['stationCode', 'asc'], ['createdAt', 'desc']] },
    ],
  },
  { name: 'visit_settings', description: '各县接待登记设置（个人信息保存期限；_id 即县代码）', indexes: [] },
] as const satisfies readonly CollectionSpec[]

export type CollectionName = (typeof COLLECTIONS)[number]['name']
