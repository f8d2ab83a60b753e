import type { ReactNode } from 'react'
import { Image } from '@tarojs/components'
import { Empty } from '@nutui/nutui-react-taro'
import stationImg from '../assets/empty/station.png'
import mineImg from '../assets/empty/mine.png'
import networkImg from '../assets/empty/network.png'
import './Blank.css'

const PICTURES = { station: stationImg, mine: mineImg, network: networkImg } as const

/**
 * An empty / error state. NutUI's Empty loads its default pictures from a third-party CDN; ours
 * are small local PNGs (miniprogram/tools/tab-icons.ts), inlined by the build.
 */
export default function Blank({
  picture,
  title,
  description,
}: {
  picture: keyof typeof PICTURES
  title: ReactNode
  description?: ReactNode
}) {
  return (
    <Empty
      className="blank"
      imageSize={88}
      // decorative: the title says it all (H5: an empty alt keeps screen readers quiet)
      image={<Image className="blank__picture" src={PICTURES[picture]} mode="aspectFit" nativeProps={{ alt: '' }} />}
      title={title}
      description={description}
    />
  )
}
