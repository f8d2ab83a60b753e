import type { z } from 'zod'
import { directoryActions } from './directory'
import { directoryAdminActions } from './directory-admin'
import { directoryImportActions } from './directory-import'
import { directoryCodesActions } from './directory-codes'
import { directoryCategoryActions } from './directory-categories'
import { allSuggestionActions } from './suggestion-actions'
import { receptionActions } from './reception'
import { statsActions } from './stats'
import { visitActions } from './visit'

/**
 * Every cloud function and its actions, with the zod schema of each action's input and output.
 * The function entries parse with `input`; the client validates answers with `output`.
 */
export const api = {
  // 县级设置's schemas are kept apart so the main package (which registers directoryActions for
  // the resident path) does not carry them; the admin subpackage registers both.
  directory: { ...directoryActions, ...directoryAdminActions, ...directoryImportActions, ...directoryCodesActions, ...directoryCategoryActions },
  suggestion: allSuggestionActions,
  reception: receptionActions,
  stats: statsActions,
  visit: visitActions,
} as const

export type Api = typeof api
export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
type Def<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { input: z.ZodTypeAny; output: z.ZodTypeAny }
  ? Api[F][A]
  : never
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<Def<F, A>['input']>
export type ActionParsed<F extends FunctionName, A extends ActionName<F>> = z.output<Def<F, A>['input']>
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = z.output<Def<F, A>['output']>

/** The event body of every function call: `wx.cloud.callFunction({name, data: {action, payload}})`. */
export interface CallEvent {
  action: string
  payload?: unknown
}
