import { test } from '@japa/runner'
import {
  checkUpload,
  detectFileType,
  UPLOAD_PURPOSES,
  uploadLimits,
  uploadRefusalKey,
} from '#core/domain/uploads'

const bytes = (...values: Array<number | string>) =>
  new Uint8Array(
    values.flatMap((value) =>
      typeof value === 'string' ? [...value].map((char) => char.charCodeAt(0)) : [value]
    )
  )

const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR')
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'JFIF', 0, 1, 1, 0, 0, 1)
const WEBP = bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 ')
const PDF = bytes('%PDF-1.7\n%âãÏÓ\n')
const HEIC = bytes(0, 0, 0, 24, 'ftypheic', 0, 0, 0, 0)
const TEXT = bytes('Bonjour, je suis un texte.')

test.group('detectFileType', () => {
  test('{name} is recognised from its first bytes')
    .with([
      { name: 'PNG', head: PNG, type: 'image/png' },
      { name: 'JPEG', head: JPEG, type: 'image/jpeg' },
      { name: 'WEBP', head: WEBP, type: 'image/webp' },
      { name: 'PDF', head: PDF, type: 'application/pdf' },
      { name: 'HEIC', head: HEIC, type: 'image/heic' },
      { name: 'HEIF (mif1)', head: bytes(0, 0, 0, 24, 'ftypmif1', 0, 0, 0, 0), type: 'image/heic' },
    ])
    .run(({ assert }, { head, type }) => {
      assert.equal(detectFileType(head), type)
    })

  test('{name} is not recognised')
    .with([
      { name: 'plain text', head: TEXT },
      { name: 'an empty file', head: new Uint8Array() },
      { name: 'a truncated PNG signature', head: PNG.subarray(0, 5) },
      { name: 'a RIFF that is not WEBP (WAV)', head: bytes('RIFF', 0x24, 0, 0, 0, 'WAVEfmt ') },
      { name: 'AVIF (HEIF-based, not accepted)', head: bytes(0, 0, 0, 24, 'ftypavif', 0, 0, 0, 0) },
      { name: 'an MP4 video', head: bytes(0, 0, 0, 24, 'ftypisom', 0, 0, 0, 0) },
      { name: 'SVG', head: bytes('<svg xmlns="http://www.w3.org/2000/svg">') },
    ])
    .run(({ assert }, { head }) => {
      assert.isNull(detectFileType(head))
    })
})

test.group('checkUpload', () => {
  test('a logo in PNG, JPEG or WEBP is accepted with its real type and extension', ({ assert }) => {
    assert.deepEqual(
      checkUpload('logo', {
        head: PNG,
        size: 4096,
        declaredType: 'image/png',
        fileName: 'logo.png',
      }),
      { ok: true, value: { contentType: 'image/png', extension: 'png' } }
    )
    const jpeg = checkUpload('logo', {
      head: JPEG,
      size: 4096,
      declaredType: 'image/jpg',
      fileName: 'LOGO.JPEG',
    })
    assert.deepEqual(jpeg, { ok: true, value: { contentType: 'image/jpeg', extension: 'jpg' } })
    assert.isTrue(checkUpload('logo', { head: WEBP, size: 10, fileName: 'logo.webp' }).ok)
  })

  test('a declaration that says nothing (octet-stream, no extension) defers to the content', ({
    assert,
  }) => {
    const result = checkUpload('logo', {
      head: PNG,
      size: 10,
      declaredType: 'application/octet-stream',
      fileName: 'logo',
    })
    assert.isTrue(result.ok)
  })

  test('a lying file is refused: {case}')
    .with([
      { case: 'text named .png', head: TEXT, declaredType: 'image/png', fileName: 'logo.png' },
      { case: 'JPEG named .png', head: JPEG, declaredType: 'image/png', fileName: 'logo.png' },
      { case: 'PNG sent as JPEG', head: PNG, declaredType: 'image/jpeg', fileName: 'logo' },
      { case: 'PDF named .jpg', head: PDF, declaredType: null, fileName: 'scan.jpg' },
    ])
    .run(({ assert }, { head, declaredType, fileName }) => {
      assert.deepEqual(checkUpload('job_attachment', { head, size: 100, declaredType, fileName }), {
        ok: false,
        type: 'type_mismatch',
      })
    })

  test('content of no known type, declared as nothing known, is unrecognised', ({ assert }) => {
    assert.deepEqual(checkUpload('logo', { head: TEXT, size: 26, fileName: 'notes.txt' }), {
      ok: false,
      type: 'unrecognised',
    })
  })

  test('a real type the purpose does not take is refused (PDF or HEIC as a logo)', ({ assert }) => {
    for (const [head, fileName] of [
      [PDF, 'logo.pdf'],
      [HEIC, 'IMG_0001.HEIC'],
    ] as const) {
      assert.deepEqual(checkUpload('logo', { head, size: 100, fileName }), {
        ok: false,
        type: 'type_not_allowed',
      })
    }
    assert.isTrue(checkUpload('job_attachment', { head: HEIC, size: 100, fileName: 'IMG.HEIC' }).ok)
    assert.isTrue(checkUpload('job_attachment', { head: PDF, size: 100, fileName: 'bon.pdf' }).ok)
  })

  test('sizes: {purpose} takes {max} bytes and refuses one more; empty files are refused')
    .with([
      { purpose: 'logo' as const, max: 1024 * 1024 },
      { purpose: 'job_attachment' as const, max: 15 * 1024 * 1024 },
    ])
    .run(({ assert }, { purpose, max }) => {
      assert.equal(UPLOAD_PURPOSES[purpose].maxBytes, max)
      assert.isTrue(checkUpload(purpose, { head: JPEG, size: max }).ok)
      assert.deepEqual(checkUpload(purpose, { head: JPEG, size: max + 1 }), {
        ok: false,
        type: 'too_large',
      })
      assert.deepEqual(checkUpload(purpose, { head: new Uint8Array(), size: 0 }), {
        ok: false,
        type: 'empty',
      })
    })

  test('refusals map to translation keys, limits to message arguments', ({ assert }) => {
    assert.equal(uploadRefusalKey('type_mismatch'), 'uploads.errors.type_mismatch')
    assert.deepEqual(uploadLimits('logo'), { maxMb: 1, formats: 'PNG, JPG, WEBP' })
    assert.deepEqual(uploadLimits('job_attachment'), {
      maxMb: 15,
      formats: 'PNG, JPG, WEBP, HEIC, PDF',
    })
  })
})
