/**
 * The station code printed on posters. Production: WeChat's unlimited mini-program code
 * (wxacode.getUnlimited, scene = station code, opens pages/station/index). Locally: a QR code of
 * the H5 link to the same page. (A candidate for ../../ports.ts `Deps` once other functions need it.)
 */
export type CodeImage =
  /** a QR code as rows of modules, '1' = dark, row after row (size × size) */
  | { kind: 'qr'; size: number; modules: string; target: string }
  /** WeChat's mini-program code (PNG or JPEG, as WeChat answers) */
  | { kind: 'image'; mime: 'image/png' | 'image/jpeg'; base64: string; target: string }

export interface MiniCodePort {
  stationCode(stationCode: string): Promise<CodeImage>
}
