import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionSheet } from '@nutui/nutui-react-taro'
import { DEMO_IDENTITIES, demoLabel, getDemoOpenid, setDemoOpenid } from '../lib/demo-identity'
import './DemoIdentity.css'

/**
 * 切换演示身份 — local demo only (H5 build with TARO_APP_LOCAL_MODE=1). The chosen openid goes
 * out as the x-wudantong-openid header, which only the local server accepts.
 */
export default function DemoIdentity({ onChange }: { onChange?: (openid: string) => void }) {
  const [current, setCurrent] = useState(getDemoOpenid)
  const [open, setOpen] = useState(false)

  return (
    <View className="demo-identity" id="demo-identity">
      <View className="demo-identity__text">
        <Text className="demo-identity__badge">本地演示</Text>
        <Text className="demo-identity__who" id="demo-identity-current">
          {demoLabel(current)}
        </Text>
      </View>
      <View className="demo-identity__switch" id="demo-identity-switch" onClick={() => setOpen(true)}>
        切换演示身份
      </View>
      <ActionSheet
        visible={open}
        title="切换演示身份"
        description="仅本地演示环境可用，正式小程序按微信身份识别"
        options={DEMO_IDENTITIES.map((d) => ({ name: d.label, openid: d.openid, description: d.openid === current ? '当前身份' : '' }))}
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onSelect={(item) => {
          const openid = String(item.openid)
          setOpen(false)
          if (openid === current) return
          setDemoOpenid(openid)
          setCurrent(openid)
          void Taro.showToast({ title: '已切换演示身份', icon: 'none' })
          onChange?.(openid)
        }}
      />
    </View>
  )
}
