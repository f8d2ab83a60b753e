import QRCode from 'qrcode'
import { STATION_PAGE } from '@shared/domain/sessions'
import type { CodeImage, MiniCodePort } from '../usecases/reception/ports'

/** The H5 link a station's code opens on the local server or a self-hosted install. */
export const stationLink = (baseUrl: string, stationCode: string) =>
  `${baseUrl.replace(/\/+$/, '')}/#/${STATION_PAGE}?code=${encodeURIComponent(stationCode)}`

/** Local and self-hosted: a plain QR code (SVG) of the station page's H5 link. */
export function createH5LinkCode(baseUrl: string): MiniCodePort {
  return {
    async stationCode(stationCode: string): Promise<CodeImage> {
      const target = stationLink(baseUrl, stationCode)
      const svg = await QRCode.toString(target, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      return { kind: 'svg', svg, target }
    },
  }
}
