import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ActionOutput } from '@shared/api'
import { call } from '../../../../api/client'
import { explain } from '../../../../lib/errors'
import { downloadBlob, posterPngBlob, PosterError, savePosterToAlbum, weappPosterFile } from '../../lib/poster-canvas'

export const H5 = process.env.TARO_ENV === 'h5'
export type Poster = ActionOutput<'reception', 'poster'>

/** The weapp canvas the poster is drawn on before it becomes a PNG file. */
export const POSTER_CANVAS = 'poster-canvas'

/**
 * 生成海报 / 保存海报 of one session: the content from the server, drawn on the phone (it has the
 * fonts) into a PNG; H5 keeps it as an object URL of the blob, weapp as a temp file.
 */
export function usePoster(sessionId: string) {
  const [poster, setPoster] = useState<Poster | null>(null)
  /** weapp: the PNG's temp file; H5: an object URL of the PNG blob */
  const [posterImage, setPosterImage] = useState<string | null>(null)
  const [posterBusy, setPosterBusy] = useState(false)
  const [posterError, setPosterError] = useState<string | null>(null)
  const posterBlob = useRef<Blob | null>(null)

  // H5: the preview's object URL lives as long as it is shown
  useEffect(() => {
    if (!H5 || !posterImage) return undefined
    return () => URL.revokeObjectURL(posterImage)
  }, [posterImage])

  const scrollToPreview = () => {
    try {
      void Promise.resolve(Taro.pageScrollTo({ selector: '#poster-preview', duration: 300 })).catch(() => undefined)
    } catch {
      /* an old base library: the preview is there all the same */
    }
  }

  // 生成海报: the content from the server, drawn here (the phone has the fonts) into a PNG.
  const generatePoster = async () => {
    if (posterBusy) return
    setPosterBusy(true)
    setPosterError(null)
    setPosterImage(null)
    posterBlob.current = null
    Taro.showLoading({ title: '正在生成海报', mask: true })
    try {
      const out = await call('reception', 'poster', { id: sessionId })
      setPoster(out)
      if (H5) {
        const blob = await posterPngBlob(out.content)
        posterBlob.current = blob
        setPosterImage(URL.createObjectURL(blob))
      } else {
        // the hidden canvas renders with the preview card
        await new Promise((resolve) => setTimeout(resolve, 60))
        setPosterImage(await weappPosterFile(`#${POSTER_CANVAS}`, out.content))
      }
      Taro.hideLoading()
      scrollToPreview()
    } catch (err) {
      const message = err instanceof PosterError ? err.message : explain(err)
      setPosterError(message)
      Taro.hideLoading()
      void Taro.showToast({ title: message, icon: 'none', duration: 3000 })
    } finally {
      setPosterBusy(false)
    }
  }

  // 保存海报: H5 downloads the PNG; WeChat saves it to the photo album (asking for the permission).
  const savePoster = async () => {
    if (!poster || !posterImage) return
    if (H5) {
      if (posterBlob.current) downloadBlob(posterBlob.current, poster.filename)
      return
    }
    try {
      const result = await savePosterToAlbum(posterImage)
      if (result === 'saved') void Taro.showToast({ title: '已保存到相册', icon: 'success' })
      if (result === 'denied') {
        const answer = await Taro.showModal({
          title: '无法保存到相册',
          content: '保存海报需要“保存到相册”权限。请点“去设置”，打开“添加到相册”后再点保存海报。',
          confirmText: '去设置',
          cancelText: '取消',
        })
        if (answer.confirm) void Taro.openSetting()
      }
    } catch (err) {
      void Taro.showToast({ title: err instanceof PosterError ? err.message : explain(err), icon: 'none' })
    }
  }

  const previewPoster = () => {
    if (H5 || !posterImage) return
    void Taro.previewImage({ urls: [posterImage], current: posterImage })
  }

  return { poster, posterImage, posterError, generatePoster, savePoster, previewPoster }
}

export type PosterApi = ReturnType<typeof usePoster>
