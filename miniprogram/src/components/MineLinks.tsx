import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { useElderMode } from '../lib/elder-mode'
import './MineLinks.css'

/** The 我的 page's settings rows: 我的身份, 长辈模式 (1.4× text), 隐私说明. */
export default function MineLinks() {
  const [elder, setElder] = useElderMode()
  const go = (url: string) => () => void Taro.navigateTo({ url })
  return (
    <View className="card mine-links" id="mine-links">
      <View className="mine-links__row" id="link-identity" onClick={go('/pages/identity/index')}>
        <Text className="mine-links__label">我的身份</Text>
        <Text className="mine-links__extra">代表、工作人员绑定 ›</Text>
      </View>
      {/* the whole row toggles (a bigger target than the switch); the switch only shows the state */}
      <View className="mine-links__row" id="elder-mode-row" onClick={() => setElder(!elder)}>
        <View className="mine-links__label-wrap">
          <Text className="mine-links__label">长辈模式</Text>
          <Text className="mine-links__hint">文字放大到1.4倍</Text>
        </View>
        <Switch className="mine-links__switch" id="elder-mode-switch" checked={elder} ariaLabel="长辈模式" />
      </View>
      <View className="mine-links__row" id="link-privacy" onClick={go('/pages/privacy/index')}>
        <Text className="mine-links__label">隐私说明</Text>
        <Text className="mine-links__extra">收集什么、谁能看到 ›</Text>
      </View>
    </View>
  )
}
