import { itemOutcome } from '../../../cloudfunctions/_core/views/visit-views'
import { drawAtRandom } from '../../../cloudfunctions/_core/usecases/visit/supervision'
import { monthsBefore } from '../../../cloudfunctions/_core/usecases/visit/retention'
import type { SuggestionDoc } from '../../../cloudfunctions/_core/model'

const item = (over: Partial<SuggestionDoc>): SuggestionDoc =>
  ({
    _id: 'i1',
    number: 'XW20260915-AAAAA',
    state: 'submitted',
    departmentName: null,
    deadline: null,
    overdue: false,
    resolution: null,
    answer: null,
    referralReason: null,
    ownerDeputyName: null,
    mergedIntoId: null,
    milestones: {},
    ...over,
  }) as SuggestionDoc

describe('办理结果 read from a 交办单’s item', () => {
  it('waits while the item is handled, saying where it stands', () => {
    expect(itemOutcome(item({}), null, 'township')).toEqual({ result: null, resultAt: null, progress: '等待乡镇人大主席团派单' })
    expect(itemOutcome(item({}), null, 'county').progress).toBe('等待县人大常委会代工委研究交办')
    expect(itemOutcome(item({ state: 'dispatched', departmentName: '修武县交通运输局', deadline: '2026-09-29' })).progress).toBe('已派单：修武县交通运输局，9月29日前办结')
    expect(itemOutcome(item({ state: 'in_progress', departmentName: '城关镇人民政府', deadline: '2026-09-22', overdue: true })).progress).toBe('城关镇人民政府办理中，9月22日前办结（已超期）')
  })

  it('is the department’s reply with its outcome once 销单', () => {
    const resolution = { reply: '已列入明年道路改造计划', outcome: 'planned' as const, promisedDate: '2027-06-30', at: '2026-09-20T02:00:00.000Z' }
    expect(itemOutcome(item({ state: 'resolved', departmentName: '修武县交通运输局', resolution }))).toEqual({
      result: '列入计划逐步解决：已列入明年道路改造计划（承诺2027年6月30日前完成）',
      resultAt: '2026-09-20T02:00:00.000Z',
      progress: '修武县交通运输局已销单，待回访群众意见',
    })
  })

  it('is a deputy’s answer, a referral, or the result of the item it was merged into', () => {
    expect(itemOutcome(item({ state: 'answered', answer: '政策已解释', milestones: { answeredAt: 't' } })).result).toBe('代表答复：政策已解释')
    expect(itemOutcome(item({ state: 'referred', referralReason: '属诉讼事项' })).result).toBe('转法定途径：属诉讼事项')
    const target = item({ _id: 'i2', number: 'XW-2', state: 'resolved', departmentName: '交通局', resolution: { reply: '已修', outcome: 'solved', promisedDate: null, at: 't' } })
    const merged = itemOutcome(item({ state: 'merged', mergedIntoId: 'i2' }), target)
    expect(merged).toMatchObject({ result: '（并案办理）已解决：已修', progress: '已与XW-2并案：交通局已销单，待回访群众意见' })
    expect(itemOutcome(item({ state: 'withdrawn' })).result).toBeNull()
  })
})

describe('spot-check draws', () => {
  it('picks distinct elements, all of them when asked for more', () => {
    const pool = Array.from({ length: 10 }, (_, i) => i)
    const drawn = drawAtRandom(pool, 4)
    expect(new Set(drawn).size).toBe(4)
    expect(drawn.every((x) => pool.includes(x))).toBe(true)
    expect(drawAtRandom(pool, 50).sort((a, b) => a - b)).toEqual(pool)
    expect(drawAtRandom([], 3)).toEqual([])
  })

  it('gives every element the same chance', () => {
    const hits = new Array(5).fill(0)
    for (let i = 0; i < 5000; i++) hits[drawAtRandom([0, 1, 2, 3, 4], 1)[0]]++
    for (const h of hits) expect(h).toBeGreaterThan(850)
  })

  it('follows the generator it is given', () => {
    expect(drawAtRandom(['a', 'b', 'c'], 2, () => 0)).toEqual(['a', 'b'])
    expect(drawAtRandom(['a', 'b', 'c'], 1, (max) => max - 1)).toEqual(['c'])
  })
})

describe('retention cut-off', () => {
  it('counts whole months back, clamping the day', () => {
    expect(monthsBefore(new Date('2027-09-16T02:00:00.000Z'), 12)).toBe('2026-09-16T02:00:00.000Z')
    expect(monthsBefore(new Date('2027-03-31T00:00:00.000Z'), 1)).toBe('2027-02-28T00:00:00.000Z')
    expect(monthsBefore(new Date('2026-01-15T00:00:00.000Z'), 36)).toBe('2023-01-15T00:00:00.000Z')
  })
})
