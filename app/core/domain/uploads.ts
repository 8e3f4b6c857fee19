import { fail, ok, type Result } from '#core/domain/result'

/**
 * What an uploaded file really is, read from its first bytes: the name and the type a browser
 * declares come from the sender and prove nothing, so a text file named `logo.png` is refused.
 */
export type FileType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/heic' | 'application/pdf'

/** Enough of a file's start to recognise every type above. */
export const SNIFF_BYTES = 16

const MB = 1024 * 1024

export const UPLOAD_PURPOSES = {
  /** Printed in every document's header: small, and a format Chromium draws (HEIC is not). */
  logo: { maxBytes: 1 * MB, types: ['image/png', 'image/jpeg', 'image/webp'] },
  /** Photos of an appliance taken on a phone (iPhones shoot HEIC), or a scanned PDF. */
  job_attachment: {
    maxBytes: 15 * MB,
    types: ['image/png', 'image/jpeg', 'image/webp', 'image/heic', 'application/pdf'],
  },
} as const satisfies Record<string, { maxBytes: number; types: readonly FileType[] }>

export type UploadPurpose = keyof typeof UPLOAD_PURPOSES

export type UploadRefusal =
  'empty' | 'too_large' | 'unrecognised' | 'type_not_allowed' | 'type_mismatch'

export interface UploadCandidate {
  /** The first bytes of the file (at least SNIFF_BYTES when the file is that long). */
  head: Uint8Array
  size: number
  /** The MIME type the client sent, if any. */
  declaredType?: string | null
  /** The client's file name, if any (its extension is a declaration too). */
  fileName?: string | null
}

export interface AcceptedUpload {
  contentType: FileType
  /** The extension to store the file under, from its real type. */
  extension: string
}

const EXTENSIONS: Record<FileType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
}

/** Declared MIME types and extensions, with the aliases clients really send. */
const DECLARED: Record<string, FileType> = {
  'image/png': 'image/png',
  'image/x-png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/webp': 'image/webp',
  'image/heic': 'image/heic',
  'image/heif': 'image/heic',
  'application/pdf': 'application/pdf',
  'application/x-pdf': 'application/pdf',
  'png': 'image/png',
  'jpg': 'image/jpeg',
  'jpeg': 'image/jpeg',
  'jpe': 'image/jpeg',
  'jfif': 'image/jpeg',
  'webp': 'image/webp',
  'heic': 'image/heic',
  'heif': 'image/heic',
  'pdf': 'application/pdf',
}

/** ISO-BMFF brands of HEIF stills and sequences (AVIF, also HEIF-based, is left out). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'])

const startsWith = (head: Uint8Array, bytes: number[], offset = 0) =>
  head.length >= offset + bytes.length &&
  bytes.every((byte, index) => head[offset + index] === byte)
const ascii = (head: Uint8Array, from: number, to: number) =>
  head.length >= to ? String.fromCharCode(...head.subarray(from, to)) : ''

export function detectFileType(head: Uint8Array): FileType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp'
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf'
  if (ascii(head, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(head, 8, 12))) return 'image/heic'
  return null
}

/** The type a declaration stands for; null when it says nothing we know (`application/octet-stream`). */
function declaredFileType(declaration: string | null | undefined): FileType | null {
  if (!declaration) return null
  return DECLARED[declaration.trim().toLowerCase()] ?? null
}

function extensionOf(fileName: string | null | undefined) {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '')
  return match ? match[1] : null
}

/**
 * Accepts a file for a purpose when its content is a type that purpose allows, within its size,
 * and neither its declared MIME type nor its extension claims another type.
 */
export function checkUpload(
  purpose: UploadPurpose,
  candidate: UploadCandidate
): Result<AcceptedUpload, { type: UploadRefusal }> {
  const rules = UPLOAD_PURPOSES[purpose]
  if (candidate.size <= 0 || candidate.head.length === 0) return fail({ type: 'empty' })
  if (candidate.size > rules.maxBytes) return fail({ type: 'too_large' })

  const claims = [candidate.declaredType, extensionOf(candidate.fileName)]
    .map(declaredFileType)
    .filter((type): type is FileType => type !== null)
  const actual = detectFileType(candidate.head)
  if (!actual) return fail({ type: claims.length > 0 ? 'type_mismatch' : 'unrecognised' })
  if (claims.some((claim) => claim !== actual)) return fail({ type: 'type_mismatch' })
  if (!(rules.types as readonly FileType[]).includes(actual)) {
    return fail({ type: 'type_not_allowed' })
  }
  return ok({ contentType: actual, extension: EXTENSIONS[actual] })
}

/** Translation key of a refusal (resources/lang/<locale>/uploads.json). */
export const uploadRefusalKey = (refusal: UploadRefusal) => `uploads.errors.${refusal}`

/** What a purpose accepts, for the messages: `{ maxMb: 1, formats: 'PNG, JPG, WEBP' }`. */
export function uploadLimits(purpose: UploadPurpose) {
  const rules = UPLOAD_PURPOSES[purpose]
  return {
    maxMb: rules.maxBytes / MB,
    formats: rules.types.map((type) => EXTENSIONS[type].toUpperCase()).join(', '),
  }
}
