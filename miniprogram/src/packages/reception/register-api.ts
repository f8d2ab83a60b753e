// This subpackage calls the reception function; its answer schemas load with the subpackage, not the main package.
import { registerApi } from '../../api/client'
import { receptionActions } from '@shared/api/reception'

registerApi({ reception: receptionActions })
