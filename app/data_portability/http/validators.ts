import vine from '@vinejs/vine'
import { IMPORT_KINDS } from '#data_portability/domain/format'

/** The largest file an import accepts (the body parser's limit is raised for that route only). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export const kindParam = vine.create({
  params: vine.object({ kind: vine.enum(IMPORT_KINDS) }),
})

export const importValidator = vine.create({
  kind: vine.enum(IMPORT_KINDS),
  file: vine.file({ size: MAX_IMPORT_BYTES, extnames: ['csv', 'txt', 'tsv', 'CSV', 'TXT', 'TSV'] }),
})

export const errorsPageValidator = vine.create({
  page: vine.number().withoutDecimals().min(1).max(10_000).optional(),
})
