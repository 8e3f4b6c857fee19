import { nationalFrenchPhone } from '#core/domain/phone_numbers'
import type {
  ClaimReport,
  EndCustomer,
  IrisCodes,
  PurchaseProof,
  WarrantyRequestDraft,
} from '#interventions/application/manufacturer_portal'
import type {
  ClaimFacts,
  PartyFacts,
  WarrantyFacts,
} from '#interventions/application/portal_sync_store'

/** A call ready to go, or the fields the job lacks for it (named as the portal names them). */
export type Draft<T> = { ready: T } | { missing: string[] }

function endUserOf(customer: PartyFacts): EndCustomer {
  const company = customer.kind === 'company'
  return {
    title: company
      ? null
      : customer.civility === 'mr'
        ? 'M.'
        : customer.civility === 'mrs'
          ? 'Mme'
          : null,
    lastName: (company ? customer.displayName : customer.lastName) ?? customer.displayName,
    firstName: company ? null : customer.firstName,
    address: {
      street: customer.addressLine1 ?? '',
      postcode: customer.postcode ?? '',
      city: customer.city ?? '',
      country: customer.country,
    },
    phones: [customer.mobile, customer.phone]
      .filter((phone) => phone !== null)
      .map(nationalFrenchPhone),
    email: customer.email,
  }
}

/**
 * The warranty request ("demande de solution SAV") of a warranty job. What the portal checks
 * itself (a purchase proof, a known product reference, the warranty period) is left to its check:
 * the answer says what is wrong. What the request cannot be written without is reported missing.
 */
export function warrantyDraftOf(
  facts: WarrantyFacts,
  proof: PurchaseProof | null,
  idempotencyKey: string
): Draft<WarrantyRequestDraft> {
  const { appliance, customer } = facts
  const missing = [
    appliance ? null : 'appliance',
    appliance && !appliance.serialNumber ? 'appliance.serialNumber' : null,
    appliance && !appliance.purchaseDate ? 'appliance.purchaseDate' : null,
    appliance && !appliance.purchaseShop ? 'distributor.name' : null,
    customer.postcode ? null : 'endUser.address.postcode',
    customer.city ? null : 'endUser.address.city',
  ].filter((field) => field !== null)
  if (!appliance || missing.length) return { missing }
  return {
    ready: {
      jobReference: facts.number,
      requestType: 'repair',
      product: {
        reference: appliance.modelReference,
        manufacturer: appliance.manufacturerName,
        brand: appliance.brandName,
        productType: null,
      },
      distributor: { name: appliance.purchaseShop!, postcode: null, city: null },
      endUser: endUserOf(customer),
      appliance: {
        serialNumber: appliance.serialNumber!,
        purchaseDate: appliance.purchaseDate!,
        installedOn: null,
      },
      fault: {
        description: facts.symptoms,
        irisSymptomCode: null,
        irisDefectCode: null,
        noticedOn: facts.receivedOn,
      },
      purchaseProof: proof,
      idempotencyKey,
    },
  }
}

/** The claim report ("ISG") of a closed job the manufacturer pays. */
export function claimReportOf(
  facts: ClaimFacts,
  iris: IrisCodes | null,
  idempotencyKey: string
): Draft<ClaimReport> {
  const missing = [
    facts.afterSalesFileRef ? null : 'afterSalesFileRef',
    facts.closedOn ? null : 'repairedOn',
    iris ? null : 'iris',
  ].filter((field) => field !== null)
  if (!iris || missing.length) return { missing }
  return {
    ready: {
      afterSalesFileRef: facts.afterSalesFileRef!,
      warrantyRequestId: facts.warrantyRequestId,
      jobReference: facts.number,
      repairedOn: facts.closedOn!,
      iris: { ...iris, symptom: iris.symptom || facts.irisSymptomCode || '' },
      parts: facts.parts,
      labourMinutes: facts.labourMinutes,
      labourCents: facts.labourCents,
      travelCents: facts.travelCents,
      comment: null,
      idempotencyKey,
    },
  }
}

/** What is kept of a request in the exchange: the proof's bytes are not copied into the database. */
export function storedWarrantyRequest(draft: WarrantyRequestDraft) {
  const { purchaseProof, idempotencyKey, ...rest } = draft
  return {
    ...rest,
    purchaseProof: purchaseProof
      ? { fileName: purchaseProof.fileName, contentType: purchaseProof.contentType }
      : null,
  }
}
