import QRCode from 'qrcode'
import { STATION_PAGE } from '@shared/domain/sessions'
import type { CodeImage, MiniCodePort } from '../usecases/reception/ports'

/** The H5 link a station's code opens on the local server or a self-hosted install. */
export const stationLink = (baseUrl: string, stationCode: string) =>
  `${baseUrl.replace(/\/+$/, '')}/#/${STATION_PAGE}?code=${encodeURIComponent(stationCode)}`

/**
 * Local and self-hosted: a plain QR code of the station page's H5 link, as its module matrix, so
 * the poster draws it (SVG here, canvas on the phone) without a QR library on the phone.
 */
export function createH5LinkCode(baseUrl: string): MiniCodePort {
  return {
    async stationCode(stationCode: string): Promise<CodeImage> {
      const target = stationLink(baseUrl, stationCode)
      const qr = QRCode.create(target, { errorCorrectionLevel: 'M' })
      return { kind: 'qr', size: qr.modules.size, modules: Array.from(qr.modules.data, (dark) => (dark ? '1' : '0')).join(''), target }
    },
  }
}

/** Base of H5 links on a local or self-hosted server (PUBLIC_BASE_URL, else the local server's address); as reception/function.ts. */
export const localH5Base = () => process.env.PUBLIC_BASE_URL ?? `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? 8787}`
