import type { Deps } from '../../ports'
import { eraseExpiredVisitors } from '../visit/retention'

/** Visitors' personal data is erased once each county's retention period has passed. */
export async function applyVisitRetention(deps: Deps): Promise<Record<string, unknown>> {
  const report: Record<string, unknown> = {}
  for (const county of await deps.repos.directory.allCounties()) {
    report[county.code] = await eraseExpiredVisitors(deps, county.code)
  }
  return report
}
