import { backendPerTest } from '../support/backend'

const backend = backendPerTest()

const resident = 'demo-resident-1'
let seq = 0
const submit = (payload: Record<string, unknown>, openid = resident) =>
  backend.call(
    'suggestion',
    {
      action: 'submit',
      payload: { clientRequestId: `req-${Date.now()}-${++seq}`, stationCode: 'XWT01', anonymous: false, contactName: '张女士', contactPhone: '13912345678', ...payload },
    },
    openid,
  )

describe('suggestion.submit (选民点单)', () => {
  it('files a concern at the scanned station as 已点单', async () => {
    const res = await submit({ content: '台创园区路面损毁严重，雨雪天气存在安全隐患', categoryCode: 'transport' })
    expect(res.ok).toBe(true)
    if (!res.ok) return
    expect(res.data).toMatchObject({ state: 'submitted', stateLabel: '已点单', stationName: '城关镇人大代表联络站', categoryLabel: '交通出行' })
    expect(res.data.number).toMatch(/^XW\d{8}-[0-9A-F]{5}$/)
  })

  it('makes one item however often the same request is retried', async () => {
    const payload = { clientRequestId: 'retry-same-request-1', content: '路灯不亮' }
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(payload)))
    const ids = new Set(results.map((r) => (r.ok ? r.data.id : r.code)))
    expect(ids.size).toBe(1)
    const mine = await backend.call('suggestion', { action: 'listMine', payload: {} }, resident)
    expect(mine.ok && mine.data.items).toHaveLength(1)
  })

  it('refuses an empty concern with a clear message', async () => {
    const res = await submit({ content: '   ' })
    expect(res).toEqual({ ok: false, code: 'validation_failed', message: '请填写反映内容', field: 'content' })
  })

  it('refuses a concern over 2,000 characters and writes nothing', async () => {
    const res = await submit({ content: '长'.repeat(2001) })
    expect(res).toEqual({ ok: false, code: 'validation_failed', message: '反映内容不能超过2000个字', field: 'content' })
    const mine = await backend.call('suggestion', { action: 'listMine', payload: {} }, resident)
    expect(mine.ok && mine.data.items).toHaveLength(0)
  })

  it('accepts exactly 2,000 characters', async () => {
    const res = await submit({ content: '长'.repeat(2000) })
    expect(res.ok).toBe(true)
  })

  it('asks a named resident for a valid mainland mobile number', async () => {
    expect(await submit({ content: '噪音扰民', contactPhone: '12345' })).toMatchObject({ code: 'validation_failed', field: 'contactPhone' })
    expect(await submit({ content: '噪音扰民', contactPhone: undefined })).toMatchObject({ code: 'validation_failed', field: 'contactPhone' })
  })

  it('lets a resident stay anonymous without a phone number', async () => {
    const res = await submit({ content: '村口垃圾清运不及时', anonymous: true, contactName: undefined, contactPhone: undefined })
    expect(res.ok).toBe(true)
  })

  it('refuses a concern for a station that does not exist', async () => {
    expect(await submit({ content: '路灯不亮', stationCode: 'ZZ99' })).toMatchObject({ ok: false, code: 'station_not_found', field: 'stationCode' })
  })

  it('refuses text the content check marks risky', async () => {
    expect(await submit({ content: '这里有人开设赌博网站' })).toMatchObject({ ok: false, code: 'content_risky', field: 'content' })
  })

  it('refuses more than three photos', async () => {
    const res = await submit({ content: '路面塌陷', photos: ['cloud://env/a.jpg', 'cloud://env/b.jpg', 'cloud://env/c.jpg', 'cloud://env/d.jpg'] })
    expect(res).toMatchObject({ code: 'validation_failed', field: 'photos', message: '最多上传3张照片' })
  })
})

describe('suggestion.listMine (我的)', () => {
  it('shows only my own items, newest first, in pages', async () => {
    for (let i = 1; i <= 5; i++) await submit({ content: `第${i}条反映` })
    await submit({ content: '别人的反映' }, 'demo-resident-2')
    const first = await backend.call('suggestion', { action: 'listMine', payload: { limit: 3 } }, resident)
    if (!first.ok) throw new Error(first.message)
    expect(first.data.items).toHaveLength(3)
    expect(first.data.nextCursor).not.toBeNull()
    const second = await backend.call('suggestion', { action: 'listMine', payload: { limit: 3, cursor: first.data.nextCursor } }, resident)
    if (!second.ok) throw new Error(second.message)
    const all = [...first.data.items, ...second.data.items].map((i: { excerpt: string }) => i.excerpt)
    expect(all).toHaveLength(5)
    expect(new Set(all).size).toBe(5)
    expect(all).not.toContain('别人的反映')
  })
})

describe('suggestion.get (事项详情)', () => {
  it('shows the submitter the item with its first timeline entry and full phone', async () => {
    const created = await submit({ content: '学校门口缺少减速带', categoryCode: 'transport' })
    if (!created.ok) throw new Error(created.message)
    const res = await backend.call('suggestion', { action: 'get', payload: { id: created.data.id } }, resident)
    if (!res.ok) throw new Error(res.message)
    expect(res.data.contactPhone).toBe('13912345678')
    expect(res.data.history).toEqual([expect.objectContaining({ event: 'submit', eventLabel: '选民点单', to: 'submitted', actorName: '张女士' })])
  })

  it("answers not_found to a resident asking for someone else's item", async () => {
    const created = await submit({ content: '学校门口缺少减速带' })
    if (!created.ok) throw new Error(created.message)
    const res = await backend.call('suggestion', { action: 'get', payload: { id: created.data.id } }, 'demo-resident-2')
    expect(res).toMatchObject({ ok: false, code: 'not_found' })
  })

  it("shows the station's deputy the item with the phone masked", async () => {
    const created = await submit({ content: '学校门口缺少减速带' })
    if (!created.ok) throw new Error(created.message)
    const res = await backend.call('suggestion', { action: 'get', payload: { id: created.data.id } }, 'demo-deputy-XWT01-R1')
    expect(res.ok && res.data.contactPhone).toBe('139****5678')
  })
})
