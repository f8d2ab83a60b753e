// This subpackage calls the visit function; its answer schemas load with the subpackage, not the main package.
import { registerApi } from '../../api/client'
import { visitActions } from '@shared/api/visit'

registerApi({ visit: visitActions })
