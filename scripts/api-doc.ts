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
import { callerRule, type CallerRule } from '../shared/api/callers'
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

/** Who may call, in words, and whether no identity is needed (shared/api/callers.ts). */
function whoText(who: string | undefined, rule: CallerRule | undefined): string {
  return `${who ?? '—'}${rule?.anonymous ? '（无需登录）' : ''}`
}

/**
 * The action's error codes: the documented ones, plus the entry's refusal when the action is
 * closed to some callers (its rule's refusal code, else forbidden).
 */
function errorsOf(errors: readonly string[], rule: CallerRule | undefined): string[] {
  const out = [...errors]
  const refusal = rule && !rule.roles.includes('resident') ? (rule.refusal?.code ?? 'forbidden') : null
  if (refusal && !out.includes(refusal)) out.push(refusal)
  return out
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
    '每次调用先按 `action` 找到操作（只认本函数自己的操作名，未知的回答 `not_found`、缺少操作名的回答 `validation_failed`，field 均为 `action`），再确认身份：标注“无需登录”的操作也回答没有身份的调用者，其余操作没有身份时回答 `unauthenticated`；然后检查调用者的角色能否调用该操作（`shared/api/callers.ts`），不能的回答 `forbidden`（按编号读取一条登记的回答 `not_found`），不会告诉他输入应当是什么；最后才检查输入（`validation_failed`）。是否够得着具体的事项、站点、乡镇或县，由各操作再判断。',
    '',
    '## 错误码',
    '',
    '| code | 含义（默认提示） |',
    '|---|---|',
    ...Object.entries(ERROR_MESSAGES).map(([code, message]) => `| \`${code}\` | ${message} |`),
    '',
    '定时任务函数 `timers` 由定时触发器每15分钟调用（`config.json`：`0 */15 * * * * *`），依次执行：标记超期、期限前一工作日提醒、评价期满自动验单、承诺日期回访、接待日提醒（代表提前N天与前一天、受邀人员、订阅群众）、按保存期限清除来访群众个人信息、发送订阅消息。它拒绝一切带用户身份的调用；本地服务用 `POST /timer/timers` 手动触发：设置了环境变量 `WDT_TIMER_SECRET` 时须在请求头 `x-wudantong-timer-secret` 中带上它；未设置时只接受本机（127.0.0.1 / ::1）发给只监听本机地址的服务的请求，监听其他地址（如 `HOST=0.0.0.0`）时一律拒绝；带演示身份请求头的请求总是拒绝（`forbidden`）。不存在的函数或定时任务名回答 `not_found`（HTTP 404）。',
    '',
  ]
  for (const [fn, actions] of Object.entries(api)) {
    out.push(`## \`${fn}\``, '')
    for (const [action, def] of Object.entries(actions as Record<string, { input: z.ZodTypeAny; output: z.ZodTypeAny }>)) {
      const doc = ACTION_DOCS[fn]?.[action]
      const rule = callerRule(fn, action)
      out.push(`### \`${fn}.${action}\``, '', doc?.summary ?? '（缺少说明）', '', `**谁可以调用：** ${whoText(doc?.who, rule)}`, '')
      const input = fields(def.input, 'input')
      out.push('**输入 payload：**', '', ...(input.length ? ['| 字段 | 类型 | 要求 |', '|---|---|---|', ...input] : ['（无）']), '')
      const output = fields(def.output, 'output')
      out.push('**输出 data：**', '', ...(output.length ? ['| 字段 | 类型 | |', '|---|---|---|', ...output] : ['（见模式）']), '')
      out.push(`**错误码：** ${errorsOf(doc?.errors ?? [], rule).map((c) => `\`${c}\``).join('、') || '—'}；任何函数都可能返回 \`unauthenticated\`、\`internal\`。`, '')
    }
  }
  return out.join('\n')
}

if (require.main === module) {
  writeFileSync(join(__dirname, '..', 'docs', 'API.md'), renderApiDoc())
  console.log('docs/API.md written')
}
