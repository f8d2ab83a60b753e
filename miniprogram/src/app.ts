import { type PropsWithChildren } from 'react'
import { initTransport } from './api/client'
// NutUI's default theme variables and fonts, once for the whole app; our overrides follow.
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import './app.css'

// Before any page loads: in weapp this is the one Taro.cloud.init.
initTransport()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
