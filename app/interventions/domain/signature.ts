/** A drawn signature is a PNG; anything bigger than this is not a signature. */
const MAX_SIGNATURE_BYTES = 300_000
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Whether these bytes are a PNG small enough to be a signature drawn on screen. */
export function isDrawnSignature(png: Uint8Array): boolean {
  return (
    png.length > PNG_MAGIC.length &&
    png.length <= MAX_SIGNATURE_BYTES &&
    PNG_MAGIC.every((byte, index) => png[index] === byte)
  )
}
