import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {
    // Keep the bundle's dependencies in separate, long-cached files.
    enableExtract: true,
  },
} satisfies UserConfigExport<'webpack5'>
