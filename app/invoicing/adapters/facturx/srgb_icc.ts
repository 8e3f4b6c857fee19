/**
 * A small ICC v2.1 display profile for sRGB (IEC 61966-2-1), built from the standard's published
 * constants rather than copied from a vendor file, so that it carries no third-party licence:
 * D65 media white, Bradford-adapted D50 colorants, and the sRGB transfer curve sampled on 1,024
 * points. It is the PDF/A output intent of our Factur-X files (Chromium paints in DeviceRGB).
 * About 2.6 KB, built once and byte-identical every time.
 */

const HEADER_SIZE = 128
const CURVE_POINTS = 1024

/** Profile creation date written in the header: fixed, so the bytes never change. */
const CREATED = [2026, 1, 1, 0, 0, 0]

let cached: Uint8Array | null = null

export function srgbIccProfile(): Uint8Array {
  return (cached ??= build())
}

function build(): Uint8Array {
  const description = 'sRGB IEC61966-2.1 (Agoserve)'
  const tags: Array<[string, Uint8Array]> = [
    ['desc', textDescription(description)],
    ['cprt', textType('No copyright, use freely')],
    ['wtpt', xyz(0.9505, 1.0, 1.089)],
    ['rXYZ', xyz(0.436_074_7, 0.222_504_5, 0.013_932_2)],
    ['gXYZ', xyz(0.385_064_9, 0.716_878_6, 0.097_104_5)],
    ['bXYZ', xyz(0.143_080_4, 0.060_616_9, 0.714_173_3)],
    ['rTRC', srgbCurve()],
  ]
  // The three channels share one curve: tag table entries may point at the same data.
  const sharedTags = ['gTRC', 'bTRC']

  const tableSize = 4 + 12 * (tags.length + sharedTags.length)
  const offsets: number[] = []
  let offset = HEADER_SIZE + tableSize
  for (const [, data] of tags) {
    offsets.push(offset)
    offset = align4(offset + data.length)
  }
  const size = offset
  const bytes = new Uint8Array(size)
  const view = new DataView(bytes.buffer)

  view.setUint32(0, size)
  view.setUint32(8, 0x02_10_00_00) // version 2.1.0
  ascii(bytes, 12, 'mntr')
  ascii(bytes, 16, 'RGB ')
  ascii(bytes, 20, 'XYZ ')
  CREATED.forEach((value, index) => view.setUint16(24 + 2 * index, value))
  ascii(bytes, 36, 'acsp')
  // Preferred CMM, platform, flags, manufacturer, model, attributes: none. Rendering intent 0 (perceptual).
  writeXyzNumbers(view, 68, 0.9642, 1.0, 0.8249) // PCS illuminant D50

  view.setUint32(HEADER_SIZE, tags.length + sharedTags.length)
  let entry = HEADER_SIZE + 4
  tags.forEach(([signature, data], index) => {
    ascii(bytes, entry, signature)
    view.setUint32(entry + 4, offsets[index])
    view.setUint32(entry + 8, data.length)
    bytes.set(data, offsets[index])
    entry += 12
  })
  const curveIndex = tags.findIndex(([signature]) => signature === 'rTRC')
  for (const signature of sharedTags) {
    ascii(bytes, entry, signature)
    view.setUint32(entry + 4, offsets[curveIndex])
    view.setUint32(entry + 8, tags[curveIndex][1].length)
    entry += 12
  }
  return bytes
}

/** IEC 61966-2-1 decoding: linear below 0.04045, a 2.4 power with offset above. */
function srgbCurve() {
  const data = new Uint8Array(12 + 2 * CURVE_POINTS)
  const view = new DataView(data.buffer)
  ascii(data, 0, 'curv')
  view.setUint32(8, CURVE_POINTS)
  for (let index = 0; index < CURVE_POINTS; index++) {
    const encoded = index / (CURVE_POINTS - 1)
    const linear = encoded <= 0.040_45 ? encoded / 12.92 : ((encoded + 0.055) / 1.055) ** 2.4
    view.setUint16(12 + 2 * index, Math.round(linear * 65_535))
  }
  return data
}

function xyz(x: number, y: number, z: number) {
  const data = new Uint8Array(20)
  ascii(data, 0, 'XYZ ')
  writeXyzNumbers(new DataView(data.buffer), 8, x, y, z)
  return data
}

function textType(value: string) {
  const data = new Uint8Array(8 + value.length + 1)
  ascii(data, 0, 'text')
  ascii(data, 8, value)
  return data
}

/** ICC v2 textDescriptionType: ASCII part, empty Unicode part, empty ScriptCode part. */
function textDescription(value: string) {
  const count = value.length + 1
  const data = new Uint8Array(12 + count + 4 + 4 + 2 + 1 + 67)
  const view = new DataView(data.buffer)
  ascii(data, 0, 'desc')
  view.setUint32(8, count)
  ascii(data, 12, value)
  return data
}

function writeXyzNumbers(view: DataView, at: number, ...values: number[]) {
  values.forEach((value, index) => view.setInt32(at + 4 * index, Math.round(value * 65_536)))
}

function ascii(target: Uint8Array, at: number, value: string) {
  for (let index = 0; index < value.length; index++) target[at + index] = value.charCodeAt(index)
}

function align4(value: number) {
  return (value + 3) & ~3
}
