import { ensureTaroBuild } from './support/taro-build'

/**
 * Before any test file: production builds of the mini-program (for miniprogram-simulate) and of
 * H5 (for the browser tests), each skipped when it is newer than its sources.
 */
export default function globalSetup(): void {
  ensureTaroBuild('weapp')
  ensureTaroBuild('h5')
}
