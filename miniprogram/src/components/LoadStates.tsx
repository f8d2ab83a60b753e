import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import Blank from './Blank'

/**
 * A page's loading and could-not-load states, for the main pages, the shared workbench parts and
 * the role subpackages (reception, stats, …).
 * Two looks: `page` fills the page (its own .page wrapper, 重新加载 as the call to action);
 * `card` sits inside a page that already has its header (重新加载, or 返回我的 when retrying
 * cannot help).
 */
export function LoadingCards({ id, cards, className, rows, label }: { id?: string; cards: number; className?: string; rows: [first: number, rest: number]; label?: string }) {
  return (
    <View className={className} id={id} ariaLabel={label}>
      {Array.from({ length: cards }, (_, i) => (
        <View className="card" key={i}>
          <Skeleton rows={i === 0 ? rows[0] : rows[1]} animated />
        </View>
      ))}
    </View>
  )
}

export interface ErrorStateProps {
  id?: string
  title: string
  message: string
  network?: boolean
  onRetry?: () => void
}

export function ErrorState({ id, title, message, network, onRetry, look, pageClass, retryClass }: ErrorStateProps & { look: 'page' | 'card'; pageClass?: string; retryClass?: string }) {
  const blank = <Blank picture={network ? 'network' : 'station'} title={title} description={message} />
  if (look === 'page') {
    return (
      <View className={pageClass} id={id}>
        <View className="card">
          {blank}
          {onRetry && (
            <Button className={retryClass} type="primary" onClick={onRetry}>
              重新加载
            </Button>
          )}
        </View>
      </View>
    )
  }
  return (
    <View className={pageClass} id={id}>
      {blank}
      {onRetry ? (
        <Button className="big-button" type="primary" fill="outline" block onClick={onRetry} id={id ? `${id}-retry` : undefined}>
          重新加载
        </Button>
      ) : (
        <Button className="big-button" type="primary" fill="outline" block onClick={() => void Taro.switchTab({ url: '/pages/mine/index' })} id={id ? `${id}-back` : undefined}>
          返回我的
        </Button>
      )}
    </View>
  )
}

/**
 * An item that could not be opened: not there for this person (not found, not theirs, a bad id:
 * no retry), or not reachable now (重新加载). `error` null: no id was given.
 */
export function ItemUnavailable({
  id,
  className,
  cardClass,
  error,
  notFound,
  onRetry,
}: {
  id: string
  className: string
  cardClass: string
  error: { code: string; message: string } | null
  notFound: string
  onRetry: () => void
}) {
  const missing = !error || ['not_found', 'forbidden', 'validation_failed'].includes(error.code)
  return (
    <View className={className} id={id}>
      <View className={cardClass}>
        <Blank picture={error?.code === 'network_error' ? 'network' : 'mine'} title={missing ? notFound : '暂时无法打开'} description={error?.message} />
        {!missing && (
          <Button className="big-button" type="primary" block onClick={onRetry}>
            重新加载
          </Button>
        )}
      </View>
    </View>
  )
}
