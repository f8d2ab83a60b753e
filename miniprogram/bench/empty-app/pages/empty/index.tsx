import { View } from '@tarojs/components'

/** An empty Taro page: what the station page's first render is compared with. */
export default function EmptyPage() {
  return <View className="page" id="empty-page" />
}
