/**
 * The resident's item page in the weapp build (miniprogram-simulate, real functions): after the
 * department's reply (已销单) the resident rates it. 不满意 offers 重新办理 while reopens remain and
 * then needs a reason; the answer sends the item back to the department (已派单).
 */
import { STATE_RESIDENT_TEXT } from '../../shared/domain/states'
import { actions, who } from '../support/actors'
import { openPageForFile } from './page-fixture'

let id: string
const { page, sim, backend } = openPageForFile({
  prepare: async (b) => void (id = await actions(b).walkTo('resolved')),
  as: who.resident, route: 'pages/item/index', query: () => ({ id }), ready: ['#item-rate', 'the rating form'],
})

const rateCalls = () => sim.cloudCalls.filter((c) => c.name === 'suggestion' && c.data.action === 'rate')

test('shows the department reply and asks the resident to rate it', () => {
  expect(page.text('#item-hint')).toBe(STATE_RESIDENT_TEXT.resolved)
  expect(page.text('#item-handling')).toContain('已完成路面修补')
  expect(page.text('#item-rate')).toContain('满意')
  expect(page.text('#item-rate')).toContain('基本满意')
  expect(page.text('#item-rate')).toContain('不满意')
  expect(page.text('#reopen-row')).toBeNull()
})

test('不满意 offers 重新办理 and then wants a reason before anything is sent', async () => {
  await page.tap('chip-rating-unsatisfied')
  const row = await page.waitFor(() => page.text('#reopen-row'), 'the reopen switch')
  expect(row).toContain('还可重新办理2次')
  await page.tap('confirm-rate')
  const error = await page.waitFor(() => page.text('#error-comment'), 'the reason error')
  expect(error).toContain('请写明不满意的原因')
  expect(rateCalls()).toHaveLength(0)
})

test('with a reason the item goes back to the department', async () => {
  const textarea = page.comp.querySelectorAll('.nut-textarea-textarea')[0]
  textarea.dispatchEvent('input', { detail: { value: '只补了一半，另一半还是坑。', cursor: 12 } })
  await page.waitFor(() => !page.text('#error-comment'), 'the error to clear')
  await page.tap('confirm-rate')
  await page.waitFor(() => page.text('#item-hint') === STATE_RESIDENT_TEXT.dispatched, 'the item back at the department')
  expect(rateCalls()[0].data.payload).toEqual({ id, rating: 'unsatisfied', comment: '只补了一半，另一半还是坑。', reopen: true })
  expect(page.text('#item-rate')).toBeNull()
  expect(page.text('#item-timeline')).toContain('重新办理')

  const stored = (await backend.call('suggestion', { action: 'get', payload: { id } }, who.resident)) as { ok: true; data: { state: string; reopenCount: number } }
  expect(stored.data).toMatchObject({ state: 'dispatched', reopenCount: 1 })
})
