/**
 * Where a resident's photo lives. In the mini-program it is a CloudBase storage fileID
 * (`cloud://…`); on the local server (H5 build, self-hosting) a path the server serves under
 * `/files/photos/`. Anything else is not a photo this system stored, so submit refuses it.
 */
export const LOCAL_PHOTO_PREFIX = '/files/photos/'
export const MAX_PHOTOS = 3

/** A photo the local server keeps: its day folder, random name and type. */
export const LOCAL_PHOTO_PATH = /^\/files\/photos\/(\d{4}-\d{2}-\d{2})\/([a-z0-9]{32})\.(jpg|png|gif|webp)$/

export function isPhotoRef(value: string): boolean {
  return value.startsWith('cloud://') || LOCAL_PHOTO_PATH.test(value)
}
