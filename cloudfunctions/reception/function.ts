import { createH5LinkCode } from '../_core/adapters/h5-link-code'
import type { Deps } from '../_core/ports'
import { defineFunction } from '../_core/runtime/define-function'
import { clearRule, listRules, setCountySettings, setRule } from '../_core/usecases/reception/calendar'
import { checkIn } from '../_core/usecases/reception/check-in'
import { generateSessions } from '../_core/usecases/reception/generate'
import { icsFeed } from '../_core/usecases/reception/ics-feed'
import { currentOnlineWindow } from '../_core/usecases/reception/online-window'
import type { MiniCodePort } from '../_core/usecases/reception/ports'
import { posterAction } from '../_core/usecases/reception/poster'
import { dutyCompliance, getSession, listSessions, myDuty } from '../_core/usecases/reception/reads'
import { cancelSession, confirmSession, createSession, markHeld, updateSession } from '../_core/usecases/reception/sessions'
import { recordSubscription, subscribeSession } from '../_core/usecases/reception/subscriptions'

/**
 * 接待日: calendar rules, sessions and other meetings, duty, check-in, reminders, online windows,
 * ICS feeds and posters. `miniCode` makes the station code on posters: WeChat's mini-program
 * code in CloudBase (./index.ts), a QR code of the H5 link locally.
 */
export function createReceptionFunction(miniCode: (deps: Deps) => MiniCodePort) {
  return defineFunction('reception', {
    listRules,
    setRule,
    clearRule,
    setCountySettings,
    generateSessions,
    createSession,
    updateSession,
    confirmSession,
    cancelSession,
    markHeld,
    listSessions,
    getSession,
    myDuty,
    dutyCompliance,
    subscribeSession,
    recordSubscription,
    checkIn,
    currentOnlineWindow,
    icsFeed,
    poster: posterAction(miniCode),
  })
}

/** Base of H5 links on a local or self-hosted server (PUBLIC_BASE_URL, else the local server's address). */
export const localBaseUrl = () => process.env.PUBLIC_BASE_URL ?? `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 8787}`

/** The local and self-hosted build: posters carry a QR code of the station page's H5 link. */
export const receptionFunction = createReceptionFunction(() => createH5LinkCode(localBaseUrl()))
