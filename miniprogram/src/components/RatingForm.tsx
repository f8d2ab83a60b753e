import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import type { SuggestionDetail } from '@shared/api/suggestion'
import { MAX_REOPENS, RATING_LABELS, RATINGS, type Rating } from '@shared/domain/transitions'
import { ratingEvent, reopenable } from '@shared/domain/verbs'
import { ChipGroup, FieldError, NoteField, VerbPanel } from './WorkForm'
import { useVerb } from './work'

const OPTIONS = RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }))

/**
 * 验单: 满意 / 基本满意 / 不满意 with a comment. For the resident, 不满意 offers 重新办理 while
 * reopens remain (the item goes back to the department; a reason is then required). The deputy's
 * own rating of the department's reply (deputyRate) uses the same form without reopening.
 */
export default function RatingForm({
  item,
  verb,
  onDone,
  onCancel,
}: {
  item: SuggestionDetail
  verb: 'rate' | 'deputyRate'
  onDone: (item: SuggestionDetail) => void
  onCancel?: () => void
}) {
  const [rating, setRating] = useState<Rating | undefined>()
  const [comment, setComment] = useState('')
  const reopensLeft = Math.max(0, MAX_REOPENS - item.reopenCount)
  // what the rating leads to is the shared decision (residentRatingEvent of the transition table)
  const canReopen = verb === 'rate' && rating !== undefined && ratingEvent(item, rating, true) === 'reopen'
  const limitReached = verb === 'rate' && rating === 'unsatisfied' && reopenable(item) && !canReopen
  const [reopen, setReopen] = useState(true)
  const { busy, errors, setErrors, run, clearing } = useVerb((next) => onDone(next))

  const submit = () => {
    const wantsReopen = canReopen && rating !== undefined && ratingEvent(item, rating, reopen) === 'reopen'
    if (wantsReopen && !comment.trim()) {
      setErrors({ comment: '要求重新办理时，请写明不满意的原因，方便承办单位改进' })
      return
    }
    const payload: Record<string, unknown> = { id: item.id, rating, comment: comment.trim() || undefined }
    if (verb === 'rate') payload.reopen = wantsReopen
    void run(verb, payload, wantsReopen ? '已要求重新办理' : '感谢您的评价')
  }

  const resident = verb === 'rate'
  return (
    <VerbPanel
      verb={verb}
      title={resident ? (item.state === 'answered' ? '评价代表的答复' : '评价办理结果') : '评价承办单位的答复'}
      hint={resident ? '您的评价会记入承办单位的年度评议。' : '代表的评价与群众评价一起，作为承办单位办理质量的依据。'}
      busy={busy === verb}
      error={errors.form}
      confirmText={canReopen && reopen ? '提交并要求重新办理' : '提交评价'}
      onConfirm={submit}
      onCancel={onCancel}
    >
      <ChipGroup
        name="rating"
        options={OPTIONS}
        value={rating}
        onChange={clearing(setRating)}
      />
      <FieldError message={errors.rating} id="error-rating" />
      {canReopen && (
        <View className="reopen-row" id="reopen-row">
          <View className="reopen-row__text">
            <View className="reopen-row__title">要求重新办理</View>
            <Text className="muted">
              {item.state === 'answered' ? '请代表重新了解、办理' : '退回承办单位重新办理'}，本事项还可重新办理{reopensLeft}次
            </Text>
          </View>
          <Switch ariaLabel="要求重新办理" checked={reopen} onChange={(v) => setReopen(v)} />
        </View>
      )}
      {limitReached && (
        <View className="muted reopen-row__none">本事项重新办理次数已达上限（{MAX_REOPENS}次），提交后将按“不满意”办结。</View>
      )}
      <NoteField
        name="comment"
        label={rating === 'unsatisfied' ? '不满意的原因' : '评价'}
        required={canReopen && reopen}
        value={comment}
        onChange={(v) => {
          setComment(v)
          if (errors.comment) setErrors({})
        }}
        max={500}
        placeholder={rating === 'unsatisfied' ? '请写明哪里没有解决，例如：路灯修好后又坏了' : '选填，说说您的感受'}
        error={errors.comment}
      />
    </VerbPanel>
  )
}
