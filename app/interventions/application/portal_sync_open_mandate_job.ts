import { CustomerRegister } from '#referentials/application/customer_register'
import { inject } from '@adonisjs/core'
import { UnitOfWork } from '#core/application/unit_of_work'
import { frenchPhoneToE164 } from '#core/domain/phone_numbers'
import { ok, type Result } from '#core/domain/result'
import type { NewCustomer } from '#referentials/application/customer_register'
import { applianceTypeFromPortal } from '#interventions/domain/portal_exchanges'
import type { Mandate } from '#interventions/application/manufacturer_portal'
import { OpenRepairJob, type IntakeFailure } from '#interventions/application/open_repair_job'
import { type JobRef, PortalSyncStore } from '#interventions/application/portal_sync_store'
import { clip, PORTAL_ACTOR } from '#interventions/application/portal_sync_support'

export interface MandateJobInput {
  tenantId: string
  /** The accept exchange the job is recorded on. */
  exchangeId: string
  mandate: Mandate
  principalCustomerId: string | null
}

const isMobile = (e164: string) => /^\+33[67]\d{8}$/.test(e164)

/**
 * The mandate's consumer as a new customer of the shop. French numbers are stored in E.164 like
 * every number typed at the counter; a foreign one is kept in the job's notes instead.
 */
export function customerFromMandate(mandate: Mandate): NewCustomer {
  const { customer } = mandate
  const numbers = customer.phones.map(frenchPhoneToE164).filter((value) => value !== null)
  const mobile = numbers.find(isMobile) ?? null
  return {
    kind: 'person',
    civility: customer.title === 'M.' ? 'mr' : customer.title === 'Mme' ? 'mrs' : null,
    firstName: clip(customer.firstName, 80),
    lastName: clip(customer.lastName, 80) ?? '?',
    companyName: null,
    email: clip(customer.email?.toLowerCase(), 254),
    phone: numbers.find((number) => number !== mobile) ?? null,
    mobile,
    addressLine1: clip(customer.address.street, 160),
    addressLine2: null,
    postcode: clip(customer.address.postcode, 10),
    city: clip(customer.address.city, 80),
  }
}

/** What the technician needs that the job has no field for, as the mandate gives it. */
function mandateNotes(mandate: Mandate) {
  const foreignPhones = mandate.customer.phones.filter((phone) => !frenchPhoneToE164(phone))
  return [
    `AGORA ${mandate.id} — ${mandate.manufacturer} (${mandate.warrantyType})`,
    mandate.retailer
      ? `Distributeur : ${[mandate.retailer.name, mandate.retailer.city].filter(Boolean).join(', ')}`
      : null,
    mandate.appointmentWish ? `Rendez-vous souhaité : ${mandate.appointmentWish}` : null,
    foreignPhones.length ? `Téléphone : ${foreignPhones.join(', ')}` : null,
  ]
    .filter(Boolean)
    .join('\n')
}

/**
 * Opens the mission-order job of a mandate, or finds the one already opened: the mandate's id is
 * the job's external reference, unique per shop, and a lock on it makes concurrent runs wait for
 * each other rather than both open a job.
 *
 * The consumer becomes a new customer unless the shop already has one with the same last name
 * and one of the mandate's phone numbers (mobile or landline) or its e-mail address: a mandate
 * carries no identifier of ours, and a name alone would merge namesakes. The appliance is the
 * customer's own one of that model and serial number, or a new one; the model comes from the
 * catalogue, created from the portal's data when the shop does not have it yet.
 */
@inject()
export class OpenMandateJob {
  constructor(
    private store: PortalSyncStore,
    private openJob: OpenRepairJob,
    private unitOfWork: UnitOfWork,
    private register: CustomerRegister
  ) {}

  execute(input: MandateJobInput): Promise<Result<JobRef, IntakeFailure>> {
    const { tenantId, mandate } = input
    return this.unitOfWork.run(tenantId, async () => {
      await this.store.lockMandate(tenantId, mandate.id)
      const existing = await this.store.jobByExternalRef(tenantId, mandate.id)
      if (existing) {
        await this.store.attachJob(tenantId, input.exchangeId, existing.id)
        return ok(existing)
      }

      const newCustomer = customerFromMandate(mandate)
      const customerId = await this.store.matchingCustomer(tenantId, {
        lastName: newCustomer.lastName!,
        phones: [newCustomer.mobile, newCustomer.phone].filter((phone) => phone !== null),
        email: newCustomer.email,
      })
      const productModelId = await this.register.ensureProductModel(tenantId, {
        manufacturer: clip(mandate.manufacturer, 120) ?? mandate.brand,
        brand: clip(mandate.brand, 120) ?? '?',
        reference: clip(mandate.modelReference, 80) ?? '?',
        commercialName: clip(mandate.commercialName, 160),
        applianceType: applianceTypeFromPortal(mandate.productType),
      })
      const serialNumber = clip(mandate.serialNumber, 60)
      const applianceId = customerId
        ? await this.store.matchingAppliance(tenantId, customerId, productModelId, serialNumber)
        : null

      const opened = await this.openJob.execute({
        tenantId,
        actor: PORTAL_ACTOR,
        kind: 'mission_order',
        customer: customerId ? { id: customerId } : { new: newCustomer },
        appliance: applianceId
          ? { id: applianceId }
          : {
              new: {
                productModelId,
                serialNumber,
                purchaseDate: mandate.purchaseDate,
                purchaseShop: clip(mandate.retailer?.name, 120),
              },
            },
        principal: input.principalCustomerId
          ? { id: input.principalCustomerId, kind: 'manufacturer' }
          : null,
        details: {
          priority: 'normal',
          siteId: null,
          technicianId: null,
          symptoms: mandate.irisSymptomCode
            ? `${mandate.symptom} (IRIS ${mandate.irisSymptomCode})`
            : mandate.symptom,
          accessories: null,
          condition: null,
          diagnosis: null,
          workDone: null,
          internalNotes: mandateNotes(mandate),
          customerNotes: null,
          repairCeilingCents: null,
          promisedOn: null,
          principalReference: clip(mandate.id, 60),
        },
        externalRef: clip(mandate.id, 60),
      })
      if (!opened.ok) return opened
      await this.store.attachJob(tenantId, input.exchangeId, opened.value.id)
      return ok({ id: opened.value.id, number: opened.value.number })
    })
  }
}
