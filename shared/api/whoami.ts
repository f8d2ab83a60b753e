import { z } from 'zod'
import { ROLES } from '../domain/roles'

/** Who the caller is (directory.whoami, also the answer of redeeming a code or the bootstrap secret). */
export const whoami = z.object({
  displayName: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  /** true only on the local server: lets the demo role switcher show itself. */
  localMode: z.boolean(),
})
export type Whoami = z.infer<typeof whoami>
