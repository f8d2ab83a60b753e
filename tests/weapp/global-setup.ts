import { ensureWeappBuild } from './build'

/**
 * jest globalSetup for the weapp suite: one production build of dist/weapp before any test file
 * runs (skipped when dist/weapp is newer than its sources). The suite also calls
 * ensureWeappBuild() itself, so it works without this hook, only slower on the first run.
 */
export default function globalSetup(): void {
  ensureWeappBuild()
}
