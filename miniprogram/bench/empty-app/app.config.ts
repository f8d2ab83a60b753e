// The render benchmark's baseline (scripts/bench-render.ts): the real app shell with one empty
// page, built with the same Taro config as the product (npm run build:empty → dist/h5-empty).
// Never part of the product build: only WDT_EMPTY_APP=1 points Taro's sourceRoot here.
export default defineAppConfig({
  pages: ['pages/empty/index'],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '五单通',
    navigationBarTextStyle: 'black',
  },
})
