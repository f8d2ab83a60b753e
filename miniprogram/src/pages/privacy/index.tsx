import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import PrivacySheet from '../../components/PrivacySheet'
import { hasPrivacyConsent, takeParkedRequest, withdrawPrivacyConsent, type ConsentRequest } from '../../components/privacy-consent'
import './index.css'

/** What is collected and why (docs/privacy.md says the same; keep the two in step). */
const COLLECTED: Array<{ what: string; why: string; when: string }> = [
  { what: '称呼', why: '代表联系您时知道怎么称呼您', when: '选填；匿名反映时不收集' },
  { what: '手机号', why: '代表和工作人员就您反映的事联系您、回访办理结果', when: '实名反映时必填；匿名反映时不收集' },
  { what: '反映内容', why: '办理您反映的问题；去掉个人信息后用于统计', when: '每次反映' },
  { what: '照片', why: '让代表看清问题现场', when: '选填，最多3张，只上传您选中的照片' },
  { what: '位置', why: '标明问题发生的地点', when: '选填，只在您点“添加位置”时取一次，不持续定位' },
  { what: '微信身份标识', why: '确认是您本人，让您查看办理进度、评价结果；不获取昵称、头像和好友', when: '使用小程序时' },
]

/** Who sees what of an item: the rows of the visibility table (shared/domain/visibility.ts, docs/privacy.md) in plain words. */
const WHO_SEES: Array<{ who: string; sees: string }> = [
  { who: '您本人', sees: '您提交的全部内容和每一步办理进展' },
  { who: '接单的人大代表', sees: '内容、照片、位置、称呼和完整手机号（首问负责，全程跟进）' },
  { who: '联络站管理员和人大工作人员', sees: '职责范围内的事项，含联系方式，用于派单和督办' },
  { who: '本站其他代表', sees: '内容和照片；称呼只显示第一个字，手机号隐去中间四位' },
  {
    who: '承办单位',
    sees: '内容、照片和位置；称呼只显示第一个字，手机号隐去中间四位。您实名反映并同意“承办单位直接联系我”时，主办单位看到完整的称呼和手机号，每次查看都留下记录',
  },
  { who: '其他群众', sees: '关注同一件事的群众看不到您的称呼、照片和进展记录中的姓名，手机号隐去中间四位；相似事项只显示内容摘要' },
]

export default function PrivacyPage() {
  const router = useRouter()
  // Opened by the consent flow: the request another page could not show (see privacy-consent.ts).
  const [request] = useState<ConsentRequest | null>(() => (router.params.consent === '1' ? takeParkedRequest() : null))
  const [consented, setConsented] = useState(hasPrivacyConsent)

  const withdraw = () => {
    withdrawPrivacyConsent()
    setConsented(false)
    void Taro.showToast({ title: '已撤回同意', icon: 'none' })
  }

  return (
    <View className="page privacy-page" id="privacy-page">
      <View className="card privacy-intro">
        <View className="privacy-title">五单通隐私说明</View>
        <View className="privacy-text">
          五单通是县人大常委会为人大代表联络站提供的“五单”服务：群众点单、代表接单、人大派单、部门销单、群众验单。我们只收集办理您反映的事所必需的信息，不用于任何其他目的，不向第三方出售或提供。
        </View>
      </View>

      <View className="section-title">
        <Text>收集哪些信息，为什么</Text>
      </View>
      <View className="card" id="privacy-collected">
        {COLLECTED.map((row) => (
          <View className="privacy-row" key={row.what}>
            <View className="privacy-row__head">{row.what}</View>
            <View className="privacy-row__text">{row.why}</View>
            <View className="privacy-row__note">{row.when}</View>
          </View>
        ))}
      </View>

      <View className="section-title">
        <Text>谁能看到</Text>
      </View>
      <View className="card" id="privacy-who">
        {WHO_SEES.map((row) => (
          <View className="privacy-row" key={row.who}>
            <View className="privacy-row__head">{row.who}</View>
            <View className="privacy-row__text">{row.sees}</View>
          </View>
        ))}
      </View>

      <View className="section-title">
        <Text>保存多久</Text>
      </View>
      <View className="card privacy-text" id="privacy-retention">
        事项办理期间一直保存；办结（验单）后再保存3年，期满后匿名化：删除称呼、手机号、照片、位置和与您微信身份的关联，只保留类别、站点和办理结果等统计数据。保存期限由县人大常委会确定，以本县公布为准。
      </View>

      <View className="section-title">
        <Text>撤回和删除</Text>
      </View>
      <View className="card" id="privacy-withdraw">
        <View className="privacy-row">
          <View className="privacy-row__head">撤回反映</View>
          <View className="privacy-row__text">代表接单前，可以在“反映详情”中撤回。</View>
        </View>
        <View className="privacy-row">
          <View className="privacy-row__head">撤回授权</View>
          <View className="privacy-row__text">
            {process.env.TARO_ENV === 'h5'
              ? '在本页点“撤回同意”，以后用到手机号、照片或位置时会再次询问。'
              : '点小程序右上角“…”—“设置”，可关闭位置、相册等授权。'}
          </View>
        </View>
        <View className="privacy-row">
          <View className="privacy-row__head">删除个人信息</View>
          <View className="privacy-row__text">
            请联系您反映的联络站或县人大常委会代表工作委员会，核实是您本人后，15个工作日内删除或匿名化您的称呼、手机号、照片和位置。
          </View>
        </View>
        {process.env.TARO_ENV === 'h5' ? (
          consented && (
            <Button className="big-button privacy-action" fill="outline" block id="privacy-withdraw-button" onClick={withdraw}>
              撤回同意
            </Button>
          )
        ) : (
          <Button
            className="big-button privacy-action"
            fill="outline"
            block
            id="privacy-contract-button"
            onClick={() => Taro.openPrivacyContract({ fail: () => void Taro.showToast({ title: '请更新微信后查看', icon: 'none' }) })}
          >
            查看微信隐私保护指引
          </Button>
        )}
      </View>

      <PrivacySheet
        initial={request}
        onClosed={() => {
          setConsented(hasPrivacyConsent())
          // opened by the consent flow: back to the page that asked
          if (request) void Taro.navigateBack()
        }}
      />
    </View>
  )
}
