import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import QRCode from 'qrcode'
import demoCounty from '../../shared/data/demo-county.json'
import { openStore } from '../_core/store'
import { seedDirectory } from '../_core/seed/seed-directory'
import { seedDemoItems } from '../_core/seed/seed-demo-items'
import { seedDemoSessions } from '../_core/seed/seed-demo-sessions'
import { BOOTSTRAP_CLAIM } from '../_core/usecases/directory/admin/bootstrap'
import type { DemoCountyFile } from '../_core/seed/demo-county'
import type { StationDoc } from '../_core/model'
import { createLocalServer } from './server'
import { localDeps } from './local-deps'

const root = resolve(__dirname, '..', '..')
const port = Number(process.env.PORT ?? 8787)
const host = process.env.HOST ?? '127.0.0.1'
/** `npm start -- --empty` or WDT_EMPTY=1: an empty county on its own data file, set up through 首次部署. */
const empty = process.argv.includes('--empty') || process.env.WDT_EMPTY === '1'
const dataFile = resolve(root, process.env.DATA_FILE ?? (empty ? 'data/wudantong-empty.sqlite' : 'data/wudantong.sqlite'))
// the demo start enables bootstrap only when WDT_BOOTSTRAP_SECRET is set; the empty start makes a one-time secret
if (empty && !process.env.WDT_BOOTSTRAP_SECRET) process.env.WDT_BOOTSTRAP_SECRET = randomBytes(18).toString('base64url')
const uploadsDir = resolve(dirname(dataFile), 'photos')

async function main() {
  mkdirSync(dirname(dataFile), { recursive: true })
  const store = await openStore({ kind: 'sqlite', file: dataFile })
  const stations = store.collection<StationDoc>('stations')
  const deps = localDeps(store)
  if (!empty && (await stations.count()) === 0) {
    await seedDirectory(store, demoCounty as DemoCountyFile, new Date().toISOString())
    await seedDemoItems(deps)
    await seedDemoSessions(deps)
    console.log(`已写入演示数据：${dataFile}`)
  }
  const server = createLocalServer({ deps, staticDir: resolve(root, 'dist', 'h5'), uploadsDir })
  server.listen(port, host, async () => {
    const base = `http://${host}:${port}`
    console.log(`\n五单通本地服务已启动：${base}\n`)
    const all = (await stations.find({ orderBy: { field: 'code', direction: 'asc' }, limit: 1000 })).items
    if (all.length) console.log('各站点页面：')
    for (const s of all) console.log(`  ${s.code.padEnd(6)} ${s.name}  ${base}/#/pages/station/index?code=${s.code}`)
    const first = all[0]
    if (first) {
      const link = `${base}/#/pages/station/index?code=${first.code}`
      console.log(`\n${first.name} 的二维码（手机与本机在同一网络时可扫码，需以 HOST=0.0.0.0 启动）：`)
      console.log(await QRCode.toString(link, { type: 'terminal', small: true }))
    }
    if (!process.env.WDT_TIMER_SECRET && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
      console.log('注意：未设置 WDT_TIMER_SECRET，监听非本机地址时定时任务 POST /timer/timers 一律拒绝（见 docs/deploy.md §6）。')
    }
    if (empty) {
      console.log('空白模式（无演示数据），数据文件：' + dataFile)
      if (await store.collection('system_claims').get(BOOTSTRAP_CLAIM)) {
        console.log('本数据文件已完成首次部署：请以管理员身份进入 我的 → 县级设置。（删除数据文件即重新开始。）')
      } else {
        console.log(`一次性初始化密钥：${process.env.WDT_BOOTSTRAP_SECRET}`)
        console.log(`首次部署：1. 打开 ${base}  2. 我的 → 我的身份 → 首次部署  3. 输入县代码（如 huojia）与上面的密钥，成为本县第一位管理员  4. 我的 → 县级设置，按“开通步骤”设置。`)
      }
      console.log('按 Ctrl+C 停止。')
    } else console.log('演示身份见 README「演示身份」一节；按 Ctrl+C 停止。')
  })
  const stop = () => server.close(() => store.close().then(() => process.exit(0)))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error('本地服务启动失败：', error)
  process.exit(1)
})
