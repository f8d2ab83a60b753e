/**
 * Renders docs/privacy.md. The "谁能看到" section is the field-visibility table of
 * shared/domain/visibility.ts, rendered; the rest is the county-facing prose below.
 * `npx tsx scripts/privacy-doc.ts` writes the file; tests/unit/domain/visibility.test.ts fails
 * when the committed file differs from what this renders.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  ITEM_PERSONAL_FIELDS,
  ITEM_RELATIONS,
  ITEM_RELATION_LABELS,
  SESSION_INTERNAL_FIELDS,
  SESSION_RELATIONS,
  SESSION_RELATION_LABELS,
  VISIBILITY_LABELS,
  VISIT_LIST_CAP,
  VISIT_PERSONAL_FIELDS,
  VISIT_RELATIONS,
  VISIT_RELATION_LABELS,
  ruleText,
  type FieldRow,
} from '../shared/domain/visibility'

function table<R extends string>(rows: Record<string, FieldRow<R>>, relations: readonly R[], labels: Record<R, string>, extra: string[][] = []): string[] {
  const fields = Object.values(rows)
  return [
    `| 谁 | ${fields.map((f) => f.label).join(' | ')} |`,
    `|---|${fields.map(() => '---').join('|')}|`,
    ...relations.map((r) => `| ${labels[r]} | ${fields.map((f) => ruleText(f as FieldRow<string>, r)).join(' | ')} |`),
    ...extra.map((cells) => `| ${cells.join(' | ')} |`),
  ]
}

const HEAD = `# 隐私说明与个人信息处理

本文件由 \`npx tsx scripts/privacy-doc.ts\` 生成，请勿手改：“谁能看到”一节就是程序中的可见范围表
（\`shared/domain/visibility.ts\`），云函数按这张表组织每一个回答，自动测试保证本文与它一致。

五单通收集的个人信息、用途、可见范围、保存期限和撤回方式。小程序内的“我的—隐私说明”页
（\`miniprogram/src/pages/privacy/index.tsx\`）向群众说同样的内容，两处须同步修改。

> **需县里确认的设置**：保存期限（下文默认“办结后3年，期满匿名化”）、受理删除申请的部门与
> 时限（默认“县人大常委会代表工作委员会，15个工作日”）。确认后改 \`scripts/privacy-doc.ts\` 和隐私说明页，并在
> 微信公众平台“设置—服务内容声明—用户隐私保护指引”中填写一致的内容。

## 收集什么、为什么

| 信息 | 用途 | 何时收集 |
|---|---|---|
| 称呼 | 代表联系时知道怎么称呼 | 选填；匿名反映不收集 |
| 手机号 | 代表、工作人员就所反映的事联系群众，回访办理结果；群众同意时，承办单位直接联系 | 实名反映必填；匿名反映不收集 |
| 同意承办单位联系 | 群众实名反映时可以勾选“同意承办单位直接联系我” | 选填，默认不同意 |
| 反映内容 | 办理所反映的问题；去掉个人信息后用于统计 | 每次反映 |
| 照片 | 让代表看清问题现场 | 选填，最多3张，只上传群众选中的照片 |
| 位置 | 标明问题发生地点 | 选填，只在点“添加位置”时取一次，不持续定位 |
| 微信身份标识（OpenID） | 确认是本人，查看进度、评价结果；不获取昵称、头像、好友 | 使用小程序时 |

接待登记（联络站管理员在接待日登记的来访群众姓名、电话、村组）按下文“接待登记”一表处理。`

function whoSees(): string[] {
  return [
    '## 谁能看到',
    '',
    '谁能看到一件事项、一条登记、一次活动，由权限规则判定（`shared/domain/permissions.ts` 等）；看不到的人一律得到“没有找到”。',
    '能看到的人看到多少个人信息，见下面三张表：“完整”即原样显示，“遮盖”只显示一部分，“不显示”则不给出。',
    '一个人同时有几种身份时（如代表也关注了该事项），每项按其中最宽的一种显示。',
    '',
    '### 五单事项（群众的反映）',
    '',
    ...table(ITEM_PERSONAL_FIELDS, ITEM_RELATIONS, ITEM_RELATION_LABELS),
    '',
    `其余内容（反映内容、类别、站点、状态与每一步的时间和说明、办理结果等）对能看到该事项的人${VISIBILITY_LABELS.whole}显示。`,
    '点单前查看相似事项的群众只看到内容摘要、状态和关注人数，看不到事项编号和任何姓名。',
    '联络站管理员代来访群众填写的交办单，按“本站联络站管理员”一行显示，填写人不因此成为“群众本人”（也不能撤回）。',
    '',
    '群众实名反映并勾选“同意承办单位直接联系我”时，主办承办单位看到完整的称呼和手机号，以便直接联系；',
    '每次这样查看都留下记录（查看单位与人员、时间、所做操作），职责范围内的人大工作人员可以查阅（`suggestion.contactReads`）。',
    '没有勾选的，承办单位只看到遮盖后的称呼和手机号，需要联系时请人大工作人员或首问代表转达。',
    '',
    '### 接待登记',
    '',
    ...table(VISIT_PERSONAL_FIELDS, VISIT_RELATIONS, VISIT_RELATION_LABELS, [
      ['列表中与选择“脱敏导出”时（任何读者）', ...Object.values(VISIT_PERSONAL_FIELDS).map((f) => ruleText({ ...f, rules: { list: VISIT_LIST_CAP } }, 'list'))],
    ]),
    '',
    `其他人看不到接待登记；登记的其余内容（反映事项、办理方式、办理结果、群众意见等）对上表中的人${VISIBILITY_LABELS.whole}显示。缺项清单、抽查回访和完整导出用于回访，按上表显示。`,
    '',
    '### 接待活动',
    '',
    ...table(SESSION_INTERNAL_FIELDS, SESSION_RELATIONS, SESSION_RELATION_LABELS),
    '',
    '活动的其余内容（日期、时间、地点、主题、值班代表、受邀人员、公告）对能看到该活动的人完整显示。',
  ]
}

const TAIL = `## 保存多久（县级设置，默认值待确认）

- 事项办理期间一直保存。
- **办结（验单，含期满自动验单）后保存3年**，期满后匿名化：删除称呼、手机号、照片、位置，
  解除与微信身份的关联，只保留类别、站点、承办单位、办理结果和各时间点，供统计和年终评议。
- 撤回、并案、转法定途径的事项，自关闭之日起按同样期限处理。
- 匿名化由定时任务执行（待实现：\`timers\` 中按县设置的期限清理，写入事件历史“已匿名化”）。

## 撤回与删除

- **撤回反映**：代表接单前，群众可在“反映详情”中撤回。
- **撤回授权**：微信小程序中，点右上角“…—设置”关闭相册、位置等授权；网页版在隐私说明页点
  “撤回同意”，以后用到手机号、照片或位置时会再次询问。
- **删除个人信息**：群众联系所反映的联络站或县人大常委会代表工作委员会，核实本人后
  15个工作日内删除或匿名化其称呼、手机号、照片和位置；已用于办理的记录保留匿名部分。

## 同意的流程

- **微信小程序**：采用微信隐私保护指引流程。\`app.ts\` 注册 \`wx.onNeedPrivacyAuthorization\`；
  群众第一次使用手机号（\`getPhoneNumber\`）、照片（\`chooseMedia\`）或位置（\`chooseLocation\` /
  \`getLocation\`）时，微信暂停该调用，页面弹出“隐私保护提示”（\`components/PrivacySheet.tsx\`），
  “同意”按钮为 \`open-type="agreePrivacyAuthorization"\`，结果经 \`resolve\` 交回微信；页面也可先调用
  \`ensurePrivacyConsent()\`（\`wx.requirePrivacyAuthorize\`）再打开选择器。当前页面没有放置提示框时，
  提示在“隐私说明”页打开，同意后返回原页面。
- **网页版（H5）**：没有平台流程，第一次使用上述信息前弹出同样的提示，同意结果连同隐私说明
  版本号（\`PRIVACY_VERSION\`）保存在本机；隐私说明有实质修改时提高版本号，群众会被再次询问。
- 不同意不影响匿名反映和查看进度。
`

export function renderPrivacyDoc(): string {
  return [HEAD, '', ...whoSees(), '', TAIL].join('\n')
}

if (require.main === module) {
  writeFileSync(join(__dirname, '..', 'docs', 'privacy.md'), renderPrivacyDoc())
  console.log('docs/privacy.md written')
}
