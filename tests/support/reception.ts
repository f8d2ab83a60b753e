import { functionCaller, type TestBackend } from './backend'

/** Demo identities the reception tests use, beyond ./actors.ts. */
export const rwho = {
  xwStaff: 'demo-staff-XW-STAFF1',
  xwTownshipStaff: 'demo-staff-XW-STAFF-城关镇', // 城关镇: XWT01, XWP01, XWP09 …
  xwOtherTownshipStaff: 'demo-staff-XW-STAFF-七贤镇',
  lyStaff: 'demo-staff-LY-STAFF1',
  xwAdmin: 'demo-admin-xiuwu',
  resident: 'demo-resident-1',
  otherResident: 'demo-resident-2',
  deputy: (code: string) => `demo-deputy-${code}`,
  supervisorXWT01: 'demo-supervisor-XWT01-M1',
}

/** Calls `reception.<action>`; `ok` throws with the Chinese message when it fails. */
export const reception = (backend: TestBackend) => functionCaller(backend, 'reception')

export type Reception = ReturnType<typeof reception>

let seq = 0
export const requestId = () => `rcpt-${process.pid}-${++seq}-${Date.now().toString(36)}`
