// scratch (reception helper): inspect pages; removed when done
import { fixedClock } from './tests/support/backend'
import { startE2E, visible } from './tests/e2e/harness'
async function main() {
  process.env.TARO_SKIP_BUILD = '1'
  const clock = fixedClock('2026-09-14T02:00:00.000Z')
  const e2e = await startE2E({ clock })
  const r = await e2e.backend.call('reception', { action: 'generateSessions', payload: { stationCode: 'XWT01', months: 1 } }, 'demo-staff-XW-STAFF1')
  const list: any = await e2e.backend.call('reception', { action: 'listSessions', payload: { stationCode: 'XWT01' } }, 'demo-staff-XW-STAFF1')
  const id = list.data.items[0].id
  const mode = process.argv[2]
  const page = await e2e.open(mode === 'deputy' ? 'demo-deputy-XWT01-R1' : mode === 'resident' ? 'demo-resident-1' : 'demo-staff-XW-STAFF1')
  const target = process.argv[3].replace('{id}', id)
  await page.goto(`${e2e.base}/#/${target}`)
  await page.waitForTimeout(2500)
  for (const sel of process.argv.slice(4)) {
    if (sel.startsWith('click:')) { await page.locator(visible(sel.slice(6))).first().click(); await page.waitForTimeout(800); continue }
    if (sel.startsWith('shot:')) { await page.screenshot({ path: `/tmp/rc-${sel.slice(5)}.png`, fullPage: true }); continue }
    if (sel.startsWith('eval:')) { console.log(await page.evaluate(sel.slice(5))); continue }
    const html = await page.evaluate(`(() => { const el = document.querySelector(${JSON.stringify(visible(sel))}); const out = []; const walk = (n, d) => { const cs = getComputedStyle(n); out.push('  '.repeat(d) + n.tagName.toLowerCase() + '.' + n.className + ' h=' + n.offsetHeight + ' lh=' + cs.lineHeight + ' disp=' + cs.display + ' ai=' + cs.alignItems + ' pad=' + cs.padding + ' fs=' + cs.fontSize + ' text=' + (n.children.length ? '' : n.textContent)); for (const c of Array.from(n.children)) walk(c, d + 1) }; walk(el, 0); return out.join('\\n') })()`)
    console.log(html)
  }
  await e2e.close()
}
main().catch((e) => { console.error(e); process.exit(1) })
