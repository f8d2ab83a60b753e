/// <reference types="@tarojs/taro" />

// Globals and module shapes the Taro app (miniprogram/) relies on.

declare module '*.png'
declare module '*.jpg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Replaced at compile time by Taro: 'weapp' | 'h5' | … */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn' | undefined
    /** CloudBase environment id for Taro.cloud.init (miniprogram/.env). */
    TARO_APP_CLOUD_ENV?: string
    /** '1' in H5 builds for the local server (demo identity switcher, x-wudantong-openid header). */
    TARO_APP_LOCAL_MODE?: string
    /** H5: origin of POST /fn/<name>; empty means the page's own origin. */
    TARO_APP_API_ORIGIN?: string
  }
}
