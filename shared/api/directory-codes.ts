/**
 * 县级设置 → 站点二维码: every active station's standing code of the admin's own county, to print
 * and post at the station. Action of the `directory` function, admin of their own county only.
 *
 * | action        | who            | what                                                                   |
 * |---------------|----------------|------------------------------------------------------------------------|
 * | stationCodes  | 管理员（本县） | active stations in code order: name, kind, township, address and code  |
 *
 * The code is WeChat's mini-program code (wxacode.getUnlimited, PNG or JPEG) in CloudBase, a QR code of the
 * station page's H5 link (its modules) on the local server or a self-hosted install.
 */
import { z } from 'zod'

/** A station's code image: QR modules ('1' = dark, row after row, size × size) or WeChat's image (base64). */
export const stationCodeImage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('qr'), target: z.string(), size: z.number().int().min(21).max(177), modules: z.string().regex(/^[01]+$/) }),
  z.object({ kind: z.literal('image'), mime: z.enum(['image/png', 'image/jpeg']), target: z.string(), base64: z.string() }),
])
export type StationCodeImage = z.infer<typeof stationCodeImage>

export const stationCodeCard = z.object({
  code: z.string(),
  name: z.string(),
  kindLabel: z.string(),
  township: z.string(),
  address: z.string(),
  image: stationCodeImage,
})
export type StationCodeCard = z.infer<typeof stationCodeCard>

export const stationCodesView = z.object({ countyName: z.string(), stations: z.array(stationCodeCard) })
export type StationCodesView = z.infer<typeof stationCodesView>

export const directoryCodesActions = {
  stationCodes: { input: z.object({}), output: stationCodesView },
} as const
