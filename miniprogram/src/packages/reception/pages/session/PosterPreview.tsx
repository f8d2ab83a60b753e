import { Canvas, Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { SessionView } from '@shared/api/reception'
import { openServerFile } from '../../lib/links'
import { H5, POSTER_CANVAS, type PosterApi } from './use-poster'

/** The generated poster: preview, 保存海报, 重新生成 after a failure, H5's printable SVG. */
export default function PosterPreview({ s, p }: { s: SessionView; p: PosterApi }) {
  const { poster, posterImage, posterError } = p
  if (!poster) return null
  return (
    <View className="card rc-poster-card" id="poster-preview">
      <View className="rc-poster-card__head">
        <Text className="rc-poster-card__title">接待日海报</Text>
        <Text className="rc-poster-card__size">A4 · {poster.width}×{poster.height}</Text>
      </View>
      {posterImage ? (
        <Image className="rc-poster" id="poster-image" src={posterImage} mode="widthFix" showMenuByLongpress onClick={p.previewPoster} />
      ) : (
        <View className="rc-poster-placeholder" id="poster-status">
          {posterError ?? '正在绘制海报…'}
        </View>
      )}
      <View className="rc-poster-actions">
        <Button className="rc-poster-actions__button" type="primary" id="poster-save" disabled={!posterImage} onClick={() => void p.savePoster()}>
          保存海报
        </Button>
        {posterError && (
          <Button className="rc-poster-actions__button" fill="outline" type="primary" id="poster-retry" onClick={() => void p.generatePoster()}>
            重新生成
          </Button>
        )}
        {H5 && s.posterPath && (
          <Button className="rc-poster-actions__button" fill="outline" id="poster-print" onClick={() => openServerFile(s.posterPath as string)}>
            打印版（SVG）
          </Button>
        )}
      </View>
      <View className="rc-hint">
        {H5 ? `保存为 PNG 图片（${poster.filename}），可直接打印张贴。` : '保存到相册后可打印或转发；点海报放大查看，长按可转发给他人。'}
      </View>
      {!H5 && !posterImage && !posterError && (
        // CSS size = pixel size (inline px are not scaled), so canvasToTempFilePath's area means the same in either unit
        <Canvas type="2d" id={POSTER_CANVAS} className="rc-poster-canvas" style={{ width: `${poster.width}px`, height: `${poster.height}px` }} />
      )}
    </View>
  )
}
