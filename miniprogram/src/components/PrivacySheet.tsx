import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { answer, PRIVACY_PAGE, PURPOSES, registerSheet, type ConsentRequest } from './privacy-consent'
import './PrivacySheet.css'

const AGREE_ID = 'privacy-agree'

/**
 * 隐私保护提示: the consent sheet shown before the phone number, photos or location are used
 * (see privacy-consent.ts). Render it once on every page that uses such data; `initial` opens it
 * straight away with a request handed over from another page.
 */
export default function PrivacySheet({ initial = null, onClosed }: { initial?: ConsentRequest | null; onClosed?: (agreed: boolean) => void }) {
  const router = useRouter()
  const [request, setRequest] = useState<ConsentRequest | null>(initial)
  const current = useRef<ConsentRequest | null>(initial)

  useEffect(() => {
    const unregister = registerSheet(router.path, (next) => {
      // A second request while one is open (two pickers at once): the older one is declined.
      if (current.current && current.current !== next) answer(current.current, false)
      current.current = next
      setRequest(next)
    })
    return unregister
  }, [router.path])

  useEffect(() => {
    // WeChat wants to know the sheet was actually shown.
    request?.wxResolve?.({ event: 'exposureAuthorization' })
  }, [request])

  if (!request) return null
  const what = request.purpose ? PURPOSES[request.purpose] : null

  const close = (agreed: boolean) => {
    current.current = null
    setRequest(null)
    answer(request, agreed, agreed ? AGREE_ID : undefined)
    onClosed?.(agreed)
  }

  const openGuide = () => {
    if (process.env.TARO_ENV !== 'h5' && typeof Taro.openPrivacyContract === 'function') {
      Taro.openPrivacyContract({ fail: () => void Taro.navigateTo({ url: PRIVACY_PAGE }) })
      return
    }
    if (router.path.includes('pages/privacy/')) return
    void Taro.navigateTo({ url: PRIVACY_PAGE })
  }

  return (
    <View className="privacy-sheet" id="privacy-sheet">
      <View className="privacy-sheet__mask" />
      <View className="privacy-sheet__panel">
        <View className="privacy-sheet__title">隐私保护提示</View>
        <View className="privacy-sheet__body">
          {what ? (
            <View>
              接下来需要使用您的<Text className="privacy-sheet__em">{what.label}</Text>，用于{what.why}。
            </View>
          ) : (
            <View>接下来需要使用您的个人信息。</View>
          )}
          <View className="privacy-sheet__para">
            您的称呼和联系方式只给接单的代表和负责此事的工作人员看，承办单位只看到隐去中间四位的手机号。不同意也可以匿名反映。
          </View>
        </View>
        <View className="privacy-sheet__link" id="privacy-sheet-guide" onClick={openGuide}>
          阅读《五单通隐私保护指引》
        </View>
        <View className="privacy-sheet__actions">
          <Button className="privacy-sheet__button" fill="outline" id="privacy-disagree" onClick={() => close(false)}>
            不同意
          </Button>
          {process.env.TARO_ENV === 'h5' ? (
            <Button className="privacy-sheet__button" type="primary" id={AGREE_ID} onClick={() => close(true)}>
              同意
            </Button>
          ) : (
            <Button
              className="privacy-sheet__button"
              type="primary"
              id={AGREE_ID}
              openType="agreePrivacyAuthorization"
              onAgreePrivacyAuthorization={() => close(true)}
            >
              同意
            </Button>
          )}
        </View>
      </View>
    </View>
  )
}
