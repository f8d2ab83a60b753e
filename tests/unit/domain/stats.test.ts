import {
  addCounts,
  clusterAdvice,
  departmentScore,
  emptyCounts,
  monthsBetween,
  open311Status,
  ratesOf,
  shanghaiMonth,
} from '../../../shared/domain/stats'

describe('statistics domain rules', () => {
  it('takes the month in Beijing time', () => {
    expect(shanghaiMonth('2026-01-31T15:59:59.000Z')).toBe('2026-01')
    expect(shanghaiMonth('2026-01-31T16:00:00.000Z')).toBe('2026-02')
    expect(shanghaiMonth('2025-12-31T16:00:00.000Z')).toBe('2026-01')
  })

  it('lists the months of a period across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03'])
    expect(monthsBetween('2026-03', '2026-02')).toEqual([])
  })

  it('computes the rates from counts, null without a denominator', () => {
    const c = addCounts(emptyCounts(), {
      submitted: 10, withdrawn: 2, responded: 6, respondedOnTime: 3, resolved: 4, solved: 2, planned: 1, explained: 1,
      resolvedOnTime: 3, dispatched: 5, satisfied: 2, basicallySatisfied: 1, unsatisfied: 1, ignored: 99,
    })
    expect(ratesOf(c)).toEqual({
      responseRate: 0.75, responseOnTimeRate: 0.5, resolutionRate: 0.75, satisfactionRate: 0.75, onTimeRate: 0.75,
      completionRate: 0.8, deputySatisfactionRate: null,
    })
    expect(ratesOf(emptyCounts()).satisfactionRate).toBeNull()
    // 销单 of items dispatched in an earlier period: the completion rate stops at 100%
    expect(ratesOf(addCounts(emptyCounts(), { dispatched: 1, resolved: 3 })).completionRate).toBe(1)
  })

  it('scores a department on the rates it has, minus reopens', () => {
    const perfect = addCounts(emptyCounts(), { dispatched: 2, resolved: 2, solved: 2, resolvedOnTime: 2, satisfied: 2 })
    expect(departmentScore(perfect)).toBe(100)
    expect(departmentScore({ ...perfect, reopened: 1 })).toBe(98)
    expect(departmentScore({ ...perfect, reopened: 9 })).toBe(90) // at most 10 points off
    // nobody rated: satisfaction is left out, the other three weigh 20 each
    const unrated = addCounts(emptyCounts(), { dispatched: 2, resolved: 2, solved: 1, explained: 1, resolvedOnTime: 2 })
    expect(departmentScore(unrated)).toBe(83.33)
    expect(departmentScore(emptyCounts())).toBeNull()
  })

  it('advises a joint 建议 across townships and a thematic day within one', () => {
    expect(clusterAdvice(['城关镇', '七贤镇'])).toBe('joint_suggestion')
    expect(clusterAdvice(['城关镇', '城关镇'])).toBe('thematic_reception')
  })

  it('maps states to Open311 open/closed', () => {
    expect(['submitted', 'accepted', 'escalated', 'dispatched', 'in_progress'].map((s) => open311Status(s as never))).toEqual(Array(5).fill('open'))
    expect(['answered', 'resolved', 'verified', 'merged'].map((s) => open311Status(s as never))).toEqual(Array(4).fill('closed'))
  })
})
