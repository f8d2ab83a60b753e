// The same app component, transport, theme and styles as the product (src/app.ts).
export { default } from '../../src/app'
