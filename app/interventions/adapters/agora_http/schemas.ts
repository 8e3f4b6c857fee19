import vine from '@vinejs/vine'
import type { SchemaTypes } from '@vinejs/vine/types'
import {
  claimReportStatuses,
  mandateStatuses,
  partsOrderOutcomes,
  warrantyRequestStatuses,
} from '#interventions/domain/portal_statuses'

/*
 * The shape of every `data` the AGORA API answers (see api.md). Anything else is a malformed
 * answer: checked here so the rest of the app can trust the port's types. Wire enumerations are
 * upper case; they come out as the domain's lower-case names.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

const date = () => vine.string().regex(ISO_DATE)
const instant = () => vine.string().regex(ISO_INSTANT)
const cents = () => vine.number({ strict: true }).withoutDecimals().min(0)
const count = () => vine.number({ strict: true }).withoutDecimals().min(0)
const text = () => vine.string()
const nullableText = () => vine.string().nullable()

/** An upper-case wire code checked against a domain table, then renamed. */
function coded<T extends string>(table: {
  codes: string[]
  fromPortal: (code: string) => T | null
}) {
  return vine.enum(table.codes).transform((code) => table.fromPortal(code)!)
}

function upperEnum<const T extends string>(values: readonly T[]) {
  const byCode = new Map(values.map((value) => [value.toUpperCase(), value]))
  return vine.enum([...byCode.keys()]).transform((code) => byCode.get(code)!)
}

const fieldErrors = () => vine.array(vine.object({ field: text(), message: text() }))

const customer = () =>
  vine.object({
    title: vine.enum(['M.', 'Mme'] as const).nullable(),
    lastName: text(),
    firstName: nullableText(),
    address: vine.object({
      street: text(),
      postcode: text(),
      city: text(),
      country: vine.string().regex(/^[A-Z]{2}$/),
    }),
    phones: vine.array(text()),
    email: nullableText(),
  })

const mandate = () =>
  vine.object({
    id: text(),
    status: coded(mandateStatuses),
    manufacturer: text(),
    brand: text(),
    productType: text(),
    modelReference: text(),
    commercialName: nullableText(),
    serialNumber: nullableText(),
    purchaseDate: date().nullable(),
    customer: customer(),
    retailer: vine.object({ name: text(), city: nullableText() }).nullable(),
    symptom: text(),
    irisSymptomCode: nullableText(),
    warrantyType: upperEnum(['manufacturer', 'extended', 'out_of_warranty'] as const),
    appointmentWish: nullableText(),
    createdAt: instant(),
  })

const partInfo = () =>
  vine.object({
    partNumber: text(),
    label: text(),
    brandCode: text(),
    priceCents: cents(),
    retailPriceInclVatCents: cents().nullable(),
    availability: upperEnum(['in_stock', 'on_order', 'discontinued'] as const),
    deliveryDays: count().nullable(),
    replacedBy: nullableText(),
    compatibleModels: vine.array(text()),
  })

const page = <T extends SchemaTypes>(item: T) =>
  vine.object({ items: vine.array(item), nextCursor: nullableText() })

export const mandatePage = vine.create(page(mandate()))
export const mandateAnswer = vine.create(mandate())

export const mandateAccepted = vine.create(
  vine.object({ mandateId: text(), status: coded(mandateStatuses), afterSalesFileRef: text() })
)
export const mandateRefused = vine.create(
  vine.object({ mandateId: text(), status: coded(mandateStatuses) })
)
export const statusRecorded = vine.create(
  vine.object({
    eventId: text(),
    mandateId: text(),
    statusCode: text(),
    mandateStatus: coded(mandateStatuses),
    recordedAt: instant(),
  })
)

export const warrantyRequest = vine.create(
  vine.object({
    id: text(),
    status: coded(warrantyRequestStatuses),
    errors: fieldErrors(),
    transmittedAt: instant().nullable(),
    paidAt: instant().nullable(),
    paidAmountCents: cents().nullable(),
    updatedAt: instant(),
  })
)

export const claimReport = vine.create(
  vine.object({
    id: text(),
    status: coded(claimReportStatuses),
    claimedCents: cents(),
    acceptedCents: cents().nullable(),
    reason: nullableText(),
    updatedAt: instant(),
  })
)

export const partsLookup = vine.create(
  vine.object({ items: vine.array(partInfo()), unknown: vine.array(text()) })
)

export const partsOrder = vine.create(
  vine.object({
    id: text(),
    status: upperEnum(['analysing', 'answered'] as const),
    createdAt: instant(),
    lines: vine.array(
      vine.object({
        partNumber: text(),
        quantity: count(),
        outcome: coded(partsOrderOutcomes).nullable(),
        supplierOrderRef: nullableText(),
        unitPriceCents: cents().nullable(),
        expectedOn: date().nullable(),
        replacementProductRef: nullableText(),
        returnAuthorisation: vine.object({ number: text(), url: text() }).nullable(),
      })
    ),
  })
)

export const referentialPages = {
  brands: vine.create(page(vine.object({ code: text(), name: text(), manufacturer: text() }))),
  models: vine.create(
    page(
      vine.object({
        reference: text(),
        brandCode: text(),
        commercialName: text(),
        productType: text(),
      })
    )
  ),
  parts: vine.create(page(partInfo())),
  refusal_reasons: vine.create(page(vine.object({ code: text(), label: text() }))),
}
