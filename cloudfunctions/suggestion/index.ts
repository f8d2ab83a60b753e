import { cloudbaseEntry } from '../_core/runtime/cloudbase-entry'
import { suggestionFunction } from './function'

export const main = cloudbaseEntry(suggestionFunction)
