import { aCustomer, aModel, anAppliance, ownerDb, unique } from '#tests/support/mothers'

export interface JobLineSeed {
  kind: 'part' | 'labour' | 'fee'
  label: string
  quantity: string
  unitPriceCents: number
  payer: 'customer' | 'manufacturer' | 'principal' | 'eco_organism'
  ecoCents?: number
}

/**
 * A repair job handed back to its customer, with its lines: what invoicing starts from. Written
 * directly (the interventions tests walk a job through its statuses; these test what follows).
 */
export async function aDeliveredJob(
  tenantId: string,
  options: {
    lines: JobLineSeed[]
    kind?: string
    principalId?: string | null
    warrantyStatus?: 'none' | 'manufacturer' | 'extended'
    applianceType?: string
    customer?: Record<string, unknown>
  }
) {
  const customer = await aCustomer(tenantId, {
    email: `client-${unique()}@example.fr`,
    mobile: '+33612345678',
    postcode: '69003',
    city: 'Lyon',
    address_line1: '12 rue Paul Bert',
    ...options.customer,
  })
  const model = await aModel(tenantId, {
    appliance_type: options.applianceType ?? 'washing_machine',
  })
  const appliance = await anAppliance(tenantId, customer.id, model.id, {
    serial_number: `SN${unique()}`,
  })
  const [job] = await ownerDb()
    .table('repair_jobs')
    .insert({
      tenant_id: tenantId,
      number: `R2026-${unique()}`,
      kind: options.kind ?? 'workshop',
      status: 'delivered',
      customer_id: customer.id,
      appliance_id: appliance.id,
      payer: 'customer',
      principal_id: options.principalId ?? null,
      principal_kind: options.principalId ? 'manufacturer' : null,
      principal_reference: options.principalId ? `DOS-${unique()}` : null,
      warranty_status: options.warrantyStatus ?? 'none',
      symptoms: 'Ne vidange plus',
    })
    .returning('*')
  await ownerDb()
    .table('repair_job_lines')
    .insert(
      options.lines.map((line, index) => ({
        tenant_id: tenantId,
        job_id: job.id,
        position: index + 1,
        kind: line.kind,
        label: line.label,
        quantity: line.quantity,
        unit_price_cents: line.unitPriceCents,
        vat_code: 'normal',
        vat_rate: '20.00',
        eco_participation_cents: line.ecoCents ?? 0,
        payer: line.payer,
        part_status: line.kind === 'part' ? 'received' : null,
        fee_kind: line.kind === 'fee' ? 'travel' : null,
      }))
    )
  return { job, customer, appliance }
}
