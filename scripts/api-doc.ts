/**
 * Renders docs/API.md from the schemas in shared/api and the one-line docs in
 * shared/api/action-docs.ts. `tsx scripts/api-doc.ts` writes it; tests/unit/api-doc.test.ts
 * fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { api } from '../shared/api'
import { ACTION_DOCS } from '../shared/api/action-docs'
import { ERROR_MESSAGES } from '../shared/errors'

type Json = { type?: string | string[]; enum?: unknown[]; properties?: Record<string, Json>; required?: string[]; items?: Json; default?: unknown; anyOf?: Json[]; maxItems?: number }

function typeOf(s: Json): string {
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ')
  if (s.anyOf) return s.anyOf.map(typeOf).filter((t) => t !== 'null').join(' \\| ') + (s.anyOf.some((x) => x.type === 'null') ? '（可为空）' : '')
  if (s.type === 'array') return `${s.items ? typeOf(s.items) : '任意'}[]`
  if (s.type === 'object') return '对象'
  return Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? '任意')
}

function fields(schema: z.ZodTypeAny, io: 'input' | 'output'): string[] {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json
  const props = json.properties ?? {}
  const required = new Set(json.required ?? [])
  return Object.entries(props).map(([name, s]) => {
    const need = io === 'input' ? (required.has(name) ? '必填' : s.default !== undefined ? `默认 ${JSON.stringify(s.default)}` : '可选') : ''
    return `| \`${name}\` | ${typeOf(s)} | ${need} |`
  })
}

export function renderApiDoc(): string {
  const out: string[] = [
    '# 云函数接口',
    '',
    '本文件由 `npx tsx scripts/api-doc.ts` 根据 `shared/api` 的 zod 模式生成，请勿手改。',
    '',
    '调用方式：`wx.cloud.callFunction({ name, data: { action, payload } })`；本地服务为 `POST /fn/<name>`，请求体相同。',
    '调用者身份只取自微信上下文（OPENID），从不取自请求体。所有函数返回 `{ ok: true, data }` 或 `{ ok: false, code, message, field? }`。',
    '',
    '## 错误码',
    '',
    '| code | 含义（默认提示） |',
    '|---|---|',
    ...Object.entries(ERROR_MESSAGES).map(([code, message]) => `| \`${code}\` | ${message} |`),
    '',
    '定时任务函数 `timers` 由定时触发器每15分钟调用（`config.json`：`0 */15 * * * * *`），依次执行：标记超期、期限前一工作日提醒、评价期满自动验单、承诺日期回访、接待日提醒（代表提前N天与前一天、受邀人员、订阅群众）、按保存期限清除来访群众个人信息、发送订阅消息。它拒绝一切带用户身份的调用；本地服务用 `POST /timer/timers` 手动触发。',
    '',
  ]
  for (const [fn, actions] of Object.entries(api)) {
    out.push(`## \`${fn}\``, '')
    for (const [action, def] of Object.entries(actions as Record<string, { input: z.ZodTypeAny; output: z.ZodTypeAny }>)) {
      const doc = ACTION_DOCS[fn]?.[action]
      out.push(`### \`${fn}.${action}\``, '', doc?.summary ?? '（缺少说明）', '', `**谁可以调用：** ${doc?.who ?? '—'}`, '')
      const input = fields(def.input, 'input')
      out.push('**输入 payload：**', '', ...(input.length ? ['| 字段 | 类型 | 要求 |', '|---|---|---|', ...input] : ['（无）']), '')
      const output = fields(def.output, 'output')
      out.push('**输出 data：**', '', ...(output.length ? ['| 字段 | 类型 | |', '|---|---|---|', ...output] : ['（见模式）']), '')
      out.push(`**错误码：** ${(doc?.errors ?? []).map((c) => `\`${c}\``).join('、') || '—'}；任何函数都可能返回 \`unauthenticated\`、\`internal\`。`, '')
    }
  }
  return out.join('\n')
}

if (require.main === module) {
  writeFileSync(join(__dirname, '..', 'docs', 'API.md'), renderApiDoc())
  console.log('docs/API.md written')
}
