import { cloudbaseTimerEntry } from '../_core/runtime/cloudbase-entry'
import { timersFunction } from './function'

export const main = cloudbaseTimerEntry(timersFunction)
