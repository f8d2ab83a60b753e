// 县级设置's answer schemas load with this subpackage, not the main package (which knows only the resident's directory actions).
import { registerApi } from '../../api/client'
import { directoryAdminActions } from '@shared/api/directory-admin'
import { directoryImportActions } from '@shared/api/directory-import'
import { directoryCodesActions } from '@shared/api/directory-codes'

registerApi({ directory: { ...directoryAdminActions, ...directoryImportActions, ...directoryCodesActions } })
