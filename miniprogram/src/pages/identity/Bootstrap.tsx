import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { Whoami } from '@shared/api/directory'
import { directoryBootstrapActions } from '@shared/api/directory-bootstrap'
import { call, registerApi, toApiError } from '../../api/client'

// only this action of 县级设置 is called here; its answer schema comes with this subpackage
registerApi({ directory: { bootstrapAdmin: directoryBootstrapActions.bootstrapAdmin } })

/**
 * 首次部署: the person the county named becomes its first admin with the one-time secret set on
 * the directory function (docs/deploy.md §6). Folded away: almost nobody ever needs it.
 */
export default function Bootstrap({ onDone }: { onDone: (me: Whoami) => void }) {
  const [open, setOpen] = useState(false)
  const [countyCode, setCountyCode] = useState('')
  const [secret, setSecret] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (!open) {
    return (
      <View className="muted identity-bootstrap-link" id="bootstrap-open" onClick={() => setOpen(true)}>
        <Text>首次部署：用初始化密钥成为本县第一位管理员</Text>
      </View>
    )
  }
  const submit = async () => {
    if (busy) return
    const checked = directoryBootstrapActions.bootstrapAdmin.input.safeParse({ secret, countyCode })
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? '请填写县代码和初始化密钥')
    setBusy(true)
    setError(null)
    try {
      onDone(await call('directory', 'bootstrapAdmin', checked.data))
    } catch (err) {
      setError(toApiError(err).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="card" id="identity-bootstrap">
      <View className="muted">部署人员在云函数 directory 设置的一次性初始化密钥，只能使用一次。</View>
      <Input className="identity-bootstrap__input" id="bootstrap-county" placeholder="县代码，如 xiuwu" value={countyCode} onChange={setCountyCode} />
      <Input className="identity-bootstrap__input" id="bootstrap-secret" placeholder="初始化密钥" type="password" value={secret} onChange={setSecret} />
      {error && (
        <View className="field-error" id="error-bootstrap">
          {error}
        </View>
      )}
      <Button className="big-button" type="primary" block loading={busy} id="bootstrap-button" onClick={() => void submit()}>
        成为本县管理员
      </Button>
    </View>
  )
}
