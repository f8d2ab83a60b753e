import { z } from 'zod'
import { suggestionActions } from './suggestion'
import { suggestionDetail } from './suggestion'
import { contactRead, queueInputs, queuePage, similarItem, workflowInputs } from './suggestion-workflow'
import { entityId } from './common'

const verb = <T extends z.ZodTypeAny>(input: T) => ({ input, output: suggestionDetail })

/** All actions of the `suggestion` function: 点单 and reads, then one verb per step of the loop. */
export const allSuggestionActions = {
  ...suggestionActions,
  similar: { input: workflowInputs.similar, output: z.object({ items: z.array(similarItem) }) },
  withdraw: verb(workflowInputs.withdraw),
  follow: verb(workflowInputs.follow),
  accept: verb(workflowInputs.accept),
  answer: verb(workflowInputs.answer),
  escalate: verb(workflowInputs.escalate),
  dispatch: verb(workflowInputs.dispatch),
  acknowledge: verb(workflowInputs.acknowledge),
  progress: verb(workflowInputs.progress),
  requestExtension: verb(workflowInputs.requestExtension),
  decideExtension: verb(workflowInputs.decideExtension),
  resolve: verb(workflowInputs.resolve),
  sendBack: verb(workflowInputs.sendBack),
  rate: verb(workflowInputs.rate),
  deputyRate: verb(workflowInputs.deputyRate),
  merge: verb(workflowInputs.merge),
  refer: verb(workflowInputs.refer),
  supervise: verb(workflowInputs.supervise),
  release: verb(workflowInputs.release),
  contactReads: { input: z.object({ id: entityId }), output: z.object({ items: z.array(contactRead) }) },
  stationQueue: { input: queueInputs.stationQueue, output: queuePage },
  dispatchBoard: { input: queueInputs.dispatchBoard, output: queuePage },
  departmentQueue: { input: queueInputs.departmentQueue, output: queuePage },
  myHandled: { input: queueInputs.myHandled, output: queuePage },
} as const
