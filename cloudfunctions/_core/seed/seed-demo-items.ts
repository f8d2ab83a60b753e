import type { Clock, Deps } from '../ports'
import { FUNCTIONS, TIMERS } from '../functions'
import { demoOpenid } from './seed-directory'

type Step = [openid: string, action: string, payload: Record<string, unknown>]

interface DemoItem {
  key: string
  station: string
  resident: string
  content: string
  daysAgo: number
  steps: (id: string) => Step[]
}

const R1 = demoOpenid.resident(1)
const R2 = demoOpenid.resident(2)
const D = demoOpenid.deputy('XWT01-R1')
const D5 = demoOpenid.deputy('XWT05-R1')
const S = demoOpenid.staff('XW-STAFF1')
const T = demoOpenid.department('XW-D09')
const TOUR = demoOpenid.department('XW-D12')
const POWER = demoOpenid.department('XW-D01')

const accept = (openid: string, categoryCode: string, grade = 'normal'): Step => [openid, 'accept', { categoryCode, grade }]
const escalate = (openid: string, note: string): Step => [openid, 'escalate', { target: 'county', note }]
const dispatch = (departmentCode: string, requirements: string, workdays = 15): Step => [S, 'dispatch', { departmentCode, requirements, workdays }]

/**
 * Demo items in every state of the loop, made through the real functions (never inserted by
 * hand), so what a county sees locally is exactly what the use cases produce.
 */
const ITEMS: DemoItem[] = [
  { key: 'submitted', station: 'XWT01', resident: R1, daysAgo: 1, content: '城关镇东关村路灯坏了三个多月，晚上出行很不方便，希望尽快修复。', steps: () => [] },
  {
    key: 'accepted',
    station: 'XWT01',
    resident: R2,
    daysAgo: 3,
    content: '希望在城关镇增设老年助餐点，解决独居老人吃饭难的问题。',
    steps: () => [accept(D, 'social_security', 'important')],
  },
  {
    key: 'answered',
    station: 'XWT01',
    resident: R1,
    daysAgo: 6,
    content: '想了解城乡居民医保个人缴费标准和缴费截止时间。',
    steps: () => [accept(D, 'social_security'), [D, 'answer', { answer: '2026年度城乡居民医保个人缴费标准为每人每年400元，集中缴费期至12月31日，可在微信“河南医保”小程序缴纳。' }]],
  },
  {
    key: 'escalated',
    station: 'XWT01',
    resident: R2,
    daysAgo: 8,
    content: '台创园区路面损毁严重，车流高峰期或雨雪天气时存在安全隐患，建议尽快改造。',
    steps: () => [accept(D, 'transport', 'important'), escalate(D, '路面损毁面积较大，需交通运输部门立项改造')],
  },
  {
    key: 'dispatched',
    station: 'XWT05',
    resident: R1,
    daysAgo: 10,
    content: '夏季旅游高峰期云台山景区周边停车难、游客投诉多，影响游客体验。',
    steps: () => [accept(D5, 'culture_tourism', 'important'), escalate(D5, '涉及景区管理与交通疏导'), dispatch('XW-D12', '会同云台山镇政府建立巡查机制，张贴温馨提示', 20)],
  },
  {
    key: 'in_progress',
    station: 'XWT01',
    resident: R2,
    daysAgo: 12,
    content: '产业集聚区企业反映用电质量不稳定、频繁停电，影响正常生产。',
    steps: () => [accept(D, 'economy', 'urgent'), escalate(D, '企业反映集中'), dispatch('XW-D01', '协调供电部门排查线路，提出整改方案'), [POWER, 'acknowledge', {}], [POWER, 'progress', { note: '已会同供电公司排查，确定两处线路老化' }]],
  },
  {
    key: 'resolved',
    station: 'XWT01',
    resident: R1,
    daysAgo: 5,
    content: '城关镇第二小学门口缺少减速带和斑马线，上下学时段很危险。',
    steps: () => [accept(D, 'transport'), escalate(D, '涉及学生安全'), dispatch('XW-D09', '实地察看，增设交通安全设施', 10), [T, 'acknowledge', {}], [T, 'resolve', { reply: '已在校门口增设减速带两道、施划斑马线并设置警示标志。', outcome: 'solved' }]],
  },
  {
    key: 'verified',
    station: 'XWT01',
    resident: R2,
    daysAgo: 30,
    content: '小区生活垃圾清运不及时，夏天气味很大。',
    steps: () => [accept(D, 'environment'), escalate(D, '需城管部门加密清运'), dispatch('XW-D16', '调整清运频次', 5), [demoOpenid.department('XW-D16'), 'acknowledge', {}], [demoOpenid.department('XW-D16'), 'resolve', { reply: '已将清运频次调整为每日两次。', outcome: 'solved' }], [R2, 'rate', { rating: 'satisfied', comment: '现在干净多了' }], [D, 'deputyRate', { rating: 'satisfied' }]],
  },
  { key: 'withdrawn', station: 'XWT01', resident: R1, daysAgo: 4, content: '楼道灯不亮（已自行联系物业解决）。', steps: () => [[R1, 'withdraw', { reason: '已联系物业解决' }]] },
  {
    key: 'referred',
    station: 'XWT01',
    resident: R2,
    daysAgo: 5,
    content: '与邻居的宅基地纠纷已经起诉到法院，希望代表过问判决结果。',
    steps: () => [[D, 'refer', { reason: '属于已进入诉讼程序的个案，依法通过司法途径解决，代表已告知当事人诉讼服务渠道。' }]],
  },
  {
    key: 'overdue',
    station: 'XWT01',
    resident: R1,
    daysAgo: 40,
    content: '东关村排水沟堵塞，下雨时路面积水严重。',
    steps: () => [accept(D, 'urban_rural_construction'), escalate(D, '需住建部门处理'), dispatch('XW-D08', '疏通排水沟', 10), [demoOpenid.department('XW-D08'), 'acknowledge', {}]],
  },
  {
    key: 'linying',
    station: 'LYT01',
    resident: R1,
    daysAgo: 2,
    content: '城关街道农贸市场周边占道经营严重，早晚高峰交通拥堵。',
    steps: () => [],
  },
]

function shifted(base: Clock, days: number): Clock {
  return { now: () => new Date(base.now().getTime() - days * 86_400_000) }
}

export async function seedDemoItems(deps: Deps): Promise<void> {
  const ids: Record<string, string> = {}
  for (const item of ITEMS) {
    const at = { ...deps, clock: shifted(deps.clock, item.daysAgo) }
    const created = await FUNCTIONS.suggestion(
      {
        action: 'submit',
        payload: {
          clientRequestId: `demo-${item.key}`,
          stationCode: item.station,
          content: item.content,
          anonymous: false,
          contactName: item.resident === R1 ? '张秀兰' : '李建军',
          contactPhone: item.resident === R1 ? '13903910001' : '13903910002',
        },
      },
      item.resident,
      at,
    )
    if (!created.ok) throw new Error(`demo ${item.key}: ${created.message}`)
    const id = (created.data as { id: string }).id
    ids[item.key] = id
    // Each step a little after the one before (at most a day and a half apart, never in the
    // future), so the dashboard's average days per stage have something real to average.
    const steps = item.steps(id)
    const gap = Math.min(1.5, item.daysAgo / (steps.length + 1))
    for (const [n, [openid, action, payload]] of steps.entries()) {
      const when = { ...deps, clock: shifted(deps.clock, item.daysAgo - gap * (n + 1)) }
      const res = await FUNCTIONS.suggestion({ action, payload: { id, ...payload } }, openid, when)
      if (!res.ok) throw new Error(`demo ${item.key} ${action}: ${res.message}`)
    }
  }
  const dup = await FUNCTIONS.suggestion(
    { action: 'submit', payload: { clientRequestId: 'demo-merged', stationCode: 'XWT01', content: '东关村的路灯一直不亮，晚上黑漆漆的。', anonymous: true } },
    R2,
    deps,
  )
  if (!dup.ok) throw new Error(dup.message)
  await FUNCTIONS.suggestion({ action: 'merge', payload: { id: (dup.data as { id: string }).id, intoId: ids.submitted, reason: '同一处路灯' } }, D, deps)
  await TIMERS.timers(deps)
}
