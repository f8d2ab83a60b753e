// This subpackage calls the stats function; its answer schemas load with the subpackage, not the main package.
import { registerApi } from '../../api/client'
import { statsActions } from '@shared/api/stats'

registerApi({ stats: statsActions })
