import '../../register-api'
import { Text, View } from '@tarojs/components'
import { FieldError } from '../../../../components/WorkForm'
import { go, sessionUrl } from '../../lib/links'
import { ErrorState, LoadingCards, Notice } from '../../lib/ui'
import EditHeader from './EditHeader'
import HeldNotes from './HeldNotes'
import SessionActions from './SessionActions'
import SessionForm from './SessionForm'
import { useSessionEditor } from './use-session-editor'
import '../../lib/reception.css'

/**
 * One session for staff: edit the date, time, theme, deputies on duty, invited officials (四进站)
 * and the announcement; confirm a 待确认 date; mark it held (who attended); cancel with a reason.
 * With `?new=thematic[&station=]` it creates a thematic day (主题接待日) instead.
 */
export default function EditPage() {
  const ed = useSessionEditor()
  const { id, creating, loaded, loadError, form, session, planned, done, error } = ed

  if (!id && !creating) return <ErrorState id="edit-error" title="没有指定接待活动" message="请从“接待日管理”进入。" />
  if (loadError) return <ErrorState id="edit-error" title="暂时无法打开" message={loadError} onRetry={() => void ed.load.reload()} />
  if (!loaded || !form) return <LoadingCards id="edit-loading" cards={3} />

  const editable = planned
  return (
    <View className="page rc-page" id="edit-page">
      <EditHeader session={session} />

      {done && (
        <Notice tone="ok" id="edit-done">
          {done}
        </Notice>
      )}

      {session && planned && <SessionActions ed={ed} session={session} />}

      {editable && <SessionForm ed={ed} session={session} loaded={loaded} form={form} />}
      {session && session.status === 'held' && <HeldNotes ed={ed} session={session} />}
      {session && session.status === 'cancelled' && error && <FieldError message={error.text} id="edit-error-text" />}

      {session && (
        <View className="card rc-links">
          <View className="rc-link" id="link-announcement" onClick={() => go(sessionUrl(session.id))}>
            <Text>查看公告（群众看到的页面）</Text>
            <Text className="rc-link__arrow">›</Text>
          </View>
        </View>
      )}
    </View>
  )
}
