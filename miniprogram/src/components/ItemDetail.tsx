import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { SuggestionDetail } from '@shared/api/suggestion'
import { FINAL_STATES, STATE_LABELS } from '@shared/domain/states'
import { ACTOR_ROLE_LABELS } from '@shared/domain/transitions'
import StateChip from './StateChip'
import { formatDate, formatPhone, formatTime } from '../lib/format'
import './ItemDetail.css'

/**
 * The parts of an item every role reads the same way: what was raised, how it is being handled,
 * and the timeline of every transition (newest first). The resident page and the deputy, staff
 * and department pages all render these, so an item looks the same to everyone.
 */

function roleLabel(role: string): string {
  return (ACTOR_ROLE_LABELS as Record<string, string>)[role] ?? role
}

export function Fact({ label, value, id, alert }: { label: string; value: string; id?: string; alert?: boolean }) {
  return (
    <View className="fact" id={id}>
      <Text className="fact__label">{label}</Text>
      <Text className={`fact__value ${alert ? 'fact__value--alert' : ''}`}>{value}</Text>
    </View>
  )
}

/** Number, state, grade, the text itself, photos, and the facts around it. */
export function ItemSummary({ d, contact = false }: { d: SuggestionDetail; contact?: boolean }) {
  const who = d.anonymous ? '匿名反映' : [d.contactName, d.contactPhone ? formatPhone(d.contactPhone) : null].filter(Boolean).join(' ') || '未留'
  const dialable = contact && !d.anonymous && d.contactPhone && /^\d{11}$/.test(d.contactPhone)
  return (
    <View className="card">
      <View className="item-head">
        <Text className="item-number">{d.number}</Text>
        <View className="item-head__chips">
          {d.gradeLabel && d.gradeLabel !== '一般' && <Text className="grade-chip">{d.gradeLabel}</Text>}
          <StateChip state={d.state} />
        </View>
      </View>
      <View className="item-content" id="item-content">
        {d.content}
      </View>
      {d.photos.length > 0 && (
        <View className="item-photos">
          {d.photos.map((src) => (
            <Image
              key={src}
              className="item-photo"
              src={src}
              mode="aspectFill"
              onClick={() => void Taro.previewImage({ current: src, urls: d.photos })}
            />
          ))}
        </View>
      )}
      <View className="item-facts">
        <Fact label="联络站" value={d.stationName} />
        <Fact label="类别" value={d.categoryLabel} />
        <Fact label="渠道" value={d.channelLabel} />
        <Fact label="提交时间" value={formatTime(d.createdAt)} />
        <Fact label="联系人" value={who} id="item-contact" />
        {d.followerCount > 1 && <Fact label="关注" value={`${d.followerCount}位群众关注此事`} />}
      </View>
      {dialable && (
        <View className="item-call" onClick={() => void Taro.makePhoneCall({ phoneNumber: d.contactPhone as string })}>
          拨打反映人电话
        </View>
      )}
    </View>
  )
}

/** Owner, answer, department, deadline, result and ratings: only the rows that exist yet. */
export function HandlingCard({ d }: { d: SuggestionDetail }) {
  const rows: Array<[string, string | null, boolean?]> = [
    ['负责代表', d.ownerDeputyName],
    ['即时答复', d.answer],
    ['提交给', d.escalationTarget ? (d.escalationTarget === 'county' ? '县人大常委会' : '乡镇人大主席团') : null],
    ['承办单位', d.departmentName],
    ['协办单位', d.coDepartmentNames.length ? d.coDepartmentNames.join('、') : null],
    ['办理要求', d.requirements],
    ['办理时限', d.deadline ? `${formatDate(d.deadline)}前${d.overdue ? '（已超期）' : ''}` : null, d.overdue],
    [
      '延期申请',
      d.extension
        ? `${d.extension.workdays}个工作日（${{ pending: '待审批', approved: '已同意', rejected: '未同意' }[d.extension.status]}）：${d.extension.reason}`
        : null,
    ],
    ['办理结果', d.resolution ? d.resolution.outcomeLabel : null],
    ['答复内容', d.resolution ? d.resolution.reply : null],
    ['承诺时间', d.resolution?.promisedDate ? `${formatDate(d.resolution.promisedDate)}前完成` : null],
    ['群众评价', d.residentRating ? withComment(d.residentRating.ratingLabel, d.residentRating.comment) : d.verifiedWithoutRating ? '期满未评价，自动验单' : null],
    ['代表评价', d.deputyRating ? withComment(d.deputyRating.ratingLabel, d.deputyRating.comment) : null],
    ['重新办理', d.reopenCount > 0 ? `${d.reopenCount}次` : null],
    ['转办原因', d.referralReason],
  ]
  const shown = rows.filter((r): r is [string, string, boolean?] => Boolean(r[1]))
  if (shown.length === 0) return null
  return (
    <View>
      <View className="section-title">
        <Text>办理情况</Text>
      </View>
      <View className="card item-handling" id="item-handling">
        {shown.map(([label, value, alert]) => (
          <Fact key={label} label={label} value={value} alert={alert} />
        ))}
      </View>
    </View>
  )
}

function withComment(label: string, comment: string | null): string {
  return comment ? `${label}：${comment}` : label
}

/** Every transition, newest first, with who (and in which role), the note and the time. */
export function Timeline({ d }: { d: SuggestionDetail }) {
  const history = [...d.history].reverse()
  const finished = FINAL_STATES.includes(d.state)
  return (
    <View>
      <View className="section-title">
        <Text>办理进度</Text>
        <Text className="section-title__extra">{finished ? '已办结' : `共${history.length}步 · 随时更新`}</Text>
      </View>
      <View className="card timeline" id="item-timeline">
        {history.length === 0 && <View className="muted">暂无进展</View>}
        {history.map((h, i) => (
          <View className={`timeline__entry ${i === 0 ? 'timeline__entry--latest' : ''}`} key={`${h.at}-${i}`}>
            <View className="timeline__rail">
              <View className="timeline__dot" />
              {i < history.length - 1 && <View className="timeline__line" />}
            </View>
            <View className="timeline__body">
              <View className="timeline__title">
                <Text className="timeline__event">{h.eventLabel}</Text>
                <Text className="timeline__state">{STATE_LABELS[h.to]}</Text>
              </View>
              <View className="timeline__who">
                {h.actorName}
                {/* a name that already says where the person works (吕保国（县人大常委会代工委）) needs no role,
                    nor does a role shown in place of a name (what other residents see: docs/privacy.md) */}
                {h.role && !h.actorName.endsWith('）') && h.actorName !== roleLabel(h.role) ? `（${roleLabel(h.role)}）` : ''}
              </View>
              {h.note && <View className="timeline__note">{h.note}</View>}
              <View className="timeline__time">{formatTime(h.at)}</View>
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
