import { defineFunction } from '../_core/runtime/define-function'
import { submitSuggestion } from '../_core/usecases/suggestion/submit'
import { listMine } from '../_core/usecases/suggestion/list-mine'
import { getSuggestion } from '../_core/usecases/suggestion/get-suggestion'
import { similar } from '../_core/usecases/suggestion/similar'
import { follow, rate, withdraw } from '../_core/usecases/suggestion/resident-verbs'
import { accept, answer, deputyRate, escalate } from '../_core/usecases/suggestion/deputy-verbs'
import { decideExtension, dispatch, refer, supervise } from '../_core/usecases/suggestion/staff-verbs'
import { acknowledge, progress, requestExtension, resolve, sendBack } from '../_core/usecases/suggestion/department-verbs'
import { merge } from '../_core/usecases/suggestion/merge'
import { release } from '../_core/usecases/suggestion/release'
import { contactReads } from '../_core/usecases/suggestion/contact-reads'
import { departmentQueue, dispatchBoard, myHandled, stationQueue } from '../_core/usecases/suggestion/queues'

/** 五单事项: 点单 and every later step of the loop, one use case per verb. */
export const suggestionFunction = defineFunction('suggestion', {
  submit: submitSuggestion,
  listMine,
  get: getSuggestion,
  similar,
  withdraw,
  follow,
  accept,
  answer,
  escalate,
  dispatch,
  acknowledge,
  progress,
  requestExtension,
  decideExtension,
  resolve,
  sendBack,
  rate,
  deputyRate,
  merge,
  refer,
  supervise,
  release,
  contactReads,
  stationQueue,
  dispatchBoard,
  departmentQueue,
  myHandled,
})
