/**
 * Lists every collection and its indexes from cloudfunctions/_core/store/collections.ts, the
 * same declarations the SQLite store migrates from, for creating them in CloudBase (控制台 →
 * 数据库 → 索引管理). Also writes dist/cloudbase/collections.json for scripted setups.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { COLLECTIONS } from '../cloudfunctions/_core/store/collections'

const out = join(__dirname, '..', 'dist', 'cloudbase')
mkdirSync(out, { recursive: true })
const spec = COLLECTIONS.map((c) => ({
  name: c.name,
  description: c.description,
  permission: 'ADMINONLY',
  indexes: c.indexes.map((i) => ({
    name: i.name,
    unique: 'unique' in i ? Boolean(i.unique) : false,
    keys: i.fields.map(([field, direction]) => ({ name: field, direction: direction === 'asc' ? '1' : '-1' })),
  })),
}))
writeFileSync(join(out, 'collections.json'), JSON.stringify(spec, null, 2) + '\n')
for (const c of spec) {
  console.log(`${c.name}（${c.description}）  权限：仅管理端（云函数）可读写`)
  for (const i of c.indexes) {
    console.log(`  索引 ${i.name}${i.unique ? '（唯一）' : ''}: ${i.keys.map((k) => `${k.name} ${k.direction === '1' ? '升序' : '降序'}`).join('，')}`)
  }
}
console.log(`\n已写入 ${join('dist', 'cloudbase', 'collections.json')}`)
