/**
 * The calendar must not depend on the process time zone (cloud functions run in UTC, a developer's
 * laptop or a phone in +08:00).
 *
 * Assigning process.env.TZ inside a jest test proves nothing: jest hands each test file a copy of
 * process.env, so the zone of the running process never changes. Instead the same computations run
 * in child processes started with TZ set, and must print exactly what this process computes.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import * as reception from '@shared/domain/reception'

const run = promisify(execFile)
const root = path.resolve(__dirname, '../../..')
const tsxCli = path.join(root, 'node_modules/tsx/dist/cli.mjs')

/** Everything zone-sensitive in the module, as one JSON value. Also evaluated in the children. */
function probe(r: typeof reception): unknown {
  const rules = [
    { kind: 'weekly', weekday: 2 },
    { kind: 'monthly_first_week', weekday: 5 },
    { kind: 'monthly_first_week', weekday: 5, firstWeekDefinition: 'week_containing_first' },
    { kind: 'online_window', weekday: 7 },
  ] as const
  const expansions = rules.flatMap((rule) =>
    (['next_workday', 'previous_workday', 'skip'] as const).map((holidayPolicy) =>
      r.expandRuleDetailed(rule, { from: '2025-01-01', to: '2027-03-31', holidayPolicy, useAdjustedWorkdays: true }),
    ),
  )
  return {
    expansions,
    now: r.shanghaiDateTime(new Date('2026-10-12T23:30:00Z')),
    past: [r.isInPast('2026-10-13', '07:00', Date.UTC(2026, 9, 12, 23, 30)), r.isInPast('2026-10-13', '08:00', Date.UTC(2026, 9, 12, 23, 30))],
    compliance: r.dutyCompliance([{ code: 'A' }], [{ deputyCode: 'A', date: '2026-07-02' }], 2026, 2, '2026-07-02'),
    ics: r.toICS('x', [{ uid: 'u', date: '2026-10-13', startTime: '09:00', endTime: '12:00', summary: 's', location: 'l', description: 'd' }]),
  }
}

const script = `
import * as reception from ${JSON.stringify(path.join(root, 'shared/domain/reception/index.ts'))}
const probe = ${probe.toString()}
process.stdout.write(JSON.stringify({ offset: new Date(2026, 0, 1).getTimezoneOffset(), result: probe(reception) }))
`

describe('independent of the process time zone', () => {
  const expected = JSON.parse(JSON.stringify(probe(reception)))

  test.each([
    ['UTC', 0],
    ['Asia/Shanghai', -480],
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
  ])('TZ=%s computes the same calendar, times and feed', async (tz, offset) => {
    const { stdout } = await run(process.execPath, [tsxCli, '-e', script], { cwd: root, env: { ...process.env, TZ: tz }, maxBuffer: 64 * 1024 * 1024 })
    const child = JSON.parse(stdout)
    expect(child.offset).toBe(offset) // the child really runs in that zone
    expect(child.result).toEqual(expected)
  })

  test('the probe covers moved sessions and 待确认 dates', () => {
    expect(expected.expansions.every((e: { ok: boolean }) => e.ok)).toBe(true)
    const first = expected.expansions[0] as { ok: true; data: { dates: { moved: boolean; confirmed: boolean }[] } }
    expect(first.data.dates.some((d) => d.moved)).toBe(true)
    expect(first.data.dates.some((d) => !d.confirmed)).toBe(true)
    expect(expected.now).toEqual({ date: '2026-10-13', time: '07:30' })
  })
})
