import { cloudbaseEntry } from '../_core/runtime/cloudbase-entry'
import { directoryFunction } from './function'

export const main = cloudbaseEntry(directoryFunction)
