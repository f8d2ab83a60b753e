import { cloudbaseEntry } from '../_core/runtime/cloudbase-entry'
import { visitFunction } from './function'

export const main = cloudbaseEntry(visitFunction)
