import { cloudbaseEntry } from '../_core/runtime/cloudbase-entry'
import { statsFunction } from './function'

export const main = cloudbaseEntry(statsFunction)
