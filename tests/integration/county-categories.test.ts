/**
 * 议题类别 per county (issue 14): the admin chooses which of the common categories the county uses
 * and in what order; deputies classify with that list at 接单, and a category the county does not
 * use is refused there. Other counties keep theirs. Through the real functions on SQLite.
 */
import { backendPerTest, fixedClock, functionCaller } from '../support/backend'

const clock = fixedClock('2026-09-14T02:00:00.000Z')
const backend = backendPerTest({ clock })
const dir = functionCaller(backend, 'directory')
const sug = functionCaller(backend, 'suggestion')
const ADMIN = 'demo-admin-xiuwu'
const DEPUTY = 'demo-deputy-XWT01-R1'
let seq = 0

async function saveCategories(categoryCodes: string[]) {
  const c = (await dir.ok(ADMIN, 'adminDirectory')).county
  return dir.ok(ADMIN, 'saveCounty', { name: c.name, prefix: c.prefix, townships: c.townships, categoryCodes })
}

async function submitted() {
  const { id } = await sug.ok('cat-resident', 'submit', { clientRequestId: `county-categories-item-${++seq}`, stationCode: 'XWT01', content: '村里的水渠堵了，下雨就漫到田里', anonymous: true, categoryCode: 'culture_tourism' })
  return id as string
}

describe('a county’s 议题类别', () => {
  it('are all the common categories until the admin chooses', async () => {
    const list = await dir.ok(DEPUTY, 'countyCategories')
    expect(list.items.map((c: { label: string }) => c.label)).toEqual(['经济发展', '司法公正', '文旅融合', '乡村振兴', '环境保护', '社会保障', '教育医疗', '交通出行', '城乡建设', '其他'])
    expect(await dir.refused('cat-resident', 'countyCategories')).toMatchObject({ code: 'forbidden' })
  })

  it('follow the admin’s choice and order, 其他 kept, with the change in the history; another county keeps its own', async () => {
    const saved = await saveCategories(['rural', 'environment', 'transport'])
    expect(saved.categoryCodes).toEqual(['rural', 'environment', 'transport', 'other'])
    expect((await dir.ok(DEPUTY, 'countyCategories')).items.map((c: { label: string }) => c.label)).toEqual(['乡村振兴', '环境保护', '交通出行', '其他'])
    expect((await dir.ok('demo-deputy-LYT01-R1', 'countyCategories')).items).toHaveLength(10)
    const history = (await dir.ok(ADMIN, 'directoryHistory', { kind: 'county', code: 'xiuwu' })).items
    expect(history[0].changes).toEqual([expect.objectContaining({ label: '议题类别', after: '乡村振兴、环境保护、交通出行、其他' })])
    // the same list again is no change
    clock.set('2026-09-14T03:00:00.000Z')
    await saveCategories(['rural', 'environment', 'transport', 'other'])
    expect((await dir.ok(ADMIN, 'directoryHistory', { kind: 'county', code: 'xiuwu' })).items).toHaveLength(history.length)
  })

  it('at 接单 a category the county does not use is refused in Chinese, and nothing changes', async () => {
    await saveCategories(['rural', 'environment'])
    const id = await submitted()
    const refused = await sug.refused(DEPUTY, 'accept', { id, categoryCode: 'culture_tourism' })
    expect(refused).toMatchObject({ code: 'validation_failed', field: 'categoryCode', message: '本县未使用“文旅融合”类别，请选择本县的议题类别' })
    expect((await sug.ok(DEPUTY, 'get', { id })).state).toBe('submitted')
    expect((await sug.ok(DEPUTY, 'accept', { id, categoryCode: 'rural' })).state).toBe('accepted')
  })

  it('refuses a category that is not one of the common ones', async () => {
    expect(await dir.refused(ADMIN, 'saveCounty', { name: '修武县', townships: ['城关镇'], categoryCodes: ['ancient_town'] })).toMatchObject({ code: 'validation_failed', message: '议题类别不正确' })
    expect(await dir.refused(ADMIN, 'saveCounty', { name: '修武县', townships: ['城关镇'], categoryCodes: [] })).toMatchObject({ message: '请至少选择一个议题类别' })
  })
})
