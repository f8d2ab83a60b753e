import { type ReactNode, useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { SuggestionDetail } from '@shared/api/suggestion'
import { ItemUnavailable, LoadingCards } from './LoadStates'
import { HandlingCard, ItemSummary, Timeline } from './ItemDetail'
import { verbOf, verbsShownOn, type Workbench } from '@shared/domain/verbs'
import './WorkForm.css'
import './Workbench.css'
import { call } from '../api/client'
import { useLoad } from '../lib/use-load'

export interface PanelApi {
  item: SuggestionDetail
  /** the verb went through: show the item it returned and close the form */
  done: (next: SuggestionDetail) => void
  cancel: () => void
}

/**
 * The item page of a role's workbench (deputy, staff, department): the item as everyone sees it,
 * the verbs this person may use now (from the item's allowedActions, never guessed), and the form
 * of the chosen verb opened in place. Loads on open, again when the page shows after another
 * page, and on pull-down.
 */
export default function WorkItemShell({
  workbench,
  renderPanel,
  onPick,
  banner,
}: {
  /** whose workbench: its verbs, labels and order come from the verb registry (shared/domain/verbs.ts) */
  workbench: Exclude<Workbench, 'item'>
  renderPanel: (verb: string, api: PanelApi) => ReactNode
  /** a verb handled elsewhere (e.g. 派单 opens its own page): return true to skip the panel */
  onPick?: (verb: string, item: SuggestionDetail) => boolean
  /** something role-specific above the item (a hint, a warning) */
  banner?: (item: SuggestionDetail) => ReactNode
}) {
  const router = useRouter()
  const id = router.params.id ? decodeURIComponent(router.params.id) : null
  // loaded on open, again when the page shows after another page (the item may have moved on) and
  // on pull-down; `data` is the last load or the answer of a verb (no second request)
  const { state: loaded, reload, data, setData } = useLoad(id, () => call('suggestion', 'get', { id: id as string }), { refreshOnShow: true, pullDownRefresh: true })
  const [active, setActive] = useState<string | null>(null)

  useEffect(() => {
    if (!active) return
    // bring the opened form into view (below the item's text)
    const t = setTimeout(() => {
      Taro.pageScrollTo({ selector: `#panel-${active}`, duration: 200, offsetTop: -56 } as Taro.pageScrollTo.Option)?.catch?.(() => {})
    }, 60)
    return () => clearTimeout(t)
  }, [active])

  if (!id || (!data && loaded.status === 'error')) {
    const error = loaded.status === 'error' ? loaded.error : null
    return <ItemUnavailable id="work-item-error" className="page work-item" cardClass="card work-item__state" error={error} notFound="没有找到这件事项" onRetry={() => void reload()} />
  }

  if (!data) {
    return <LoadingCards className="page work-item" id="work-item-loading" cards={2} rows={[5, 2]} />
  }

  const allowed = new Set(data.allowedActions)
  const buttons: ActionButton[] = verbsShownOn(workbench)
    .filter((v) => v.action && allowed.has(v.action))
    .map((v) => ({ verb: v.action as string, primary: v.primary, label: v.button }))

  const api: PanelApi = {
    item: data,
    done: (next) => {
      setData(next)
      setActive(null)
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
    },
    cancel: () => setActive(null),
  }

  return (
    <View className="page work-item" id="work-item">
      {banner?.(data)}
      <ItemSummary d={data} contact />
      {active ? (
        <View>
          <View className="section-title">
            <View>{verbOf(active)?.heading ?? '办理'}</View>
          </View>
          {renderPanel(active, api)}
        </View>
      ) : buttons.length > 0 ? (
        <ActionBar
          actions={buttons}
          title="现在可以办理"
          onPick={(verb) => {
            if (onPick?.(verb, data)) return
            setActive(verb)
          }}
        />
      ) : (
        <View className="work-item__none" id="work-item-none">
          此事项当前无需您办理，进展会显示在下方。
        </View>
      )}
      <HandlingCard d={data} />
      <Timeline d={data} />
    </View>
  )
}

export interface ActionButton {
  verb: string
  label: string
  /** the step that moves the item forward; the others are outlined */
  primary?: boolean
}

/** The verbs the caller may use now (from allowedActions), the main one first and filled. */
export function ActionBar({ actions, onPick, title = '办理' }: { actions: ActionButton[]; onPick: (verb: string) => void; title?: string }) {
  if (actions.length === 0) return null
  return (
    <View>
      <View className="section-title">
        <Text>{title}</Text>
      </View>
      <View className="card action-bar" id="action-bar">
        {actions.map((a) => (
          <Button
            key={a.verb}
            id={`action-${a.verb}`}
            className={`action-bar__button ${a.primary ? 'action-bar__button--primary' : ''}`}
            type={a.primary ? 'primary' : 'default'}
            fill={a.primary ? 'solid' : 'outline'}
            onClick={() => onPick(a.verb)}
          >
            {a.label}
          </Button>
        ))}
      </View>
    </View>
  )
}
