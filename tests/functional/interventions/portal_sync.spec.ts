import { test } from '@japa/runner'
import { setTimeout as sleep } from 'node:timers/promises'
import app from '@adonisjs/core/services/app'
import { ManufacturerPortal, type IrisCodes } from '#interventions/application/manufacturer_portal'
import { OpenRepairJob } from '#interventions/application/open_repair_job'
import { RepairJobs } from '#interventions/application/repair_jobs'
import { WarrantyEvidence } from '#interventions/application/portal_sync_store'
import { SyncPortal } from '#interventions/application/portal_sync_run'
import { SavePortalAccount } from '#interventions/application/portal_sync_save_account'
import { FetchNewMandates } from '#interventions/application/portal_sync_fetch_mandates'
import { PortalIssuesOfJob } from '#interventions/application/portal_sync_issues'
import { isActive } from '#interventions/application/portal_sync_support'
import {
  afterFailure,
  retryDelaySeconds,
  RETRY_POLICY,
} from '#interventions/domain/portal_exchanges'
import type { JobStatus } from '#interventions/domain/job_status'
import type { AgoraClientOptions } from '#interventions/adapters/agora_http/agora_client'
import { AgoraHttpPortal } from '#interventions/adapters/agora_http/agora_http_portal'
import {
  startAgoraSimulator,
  type RunningSimulator,
} from '#interventions/adapters/agora_simulator/agora_simulator'
import {
  defaultSeed,
  DEV_CLIENT,
  type SimulatorSeed,
} from '#interventions/adapters/agora_simulator/seed_data'
import { LucidPortalSyncStore } from '#interventions/adapters/lucid/lucid_portal_sync_store'
import { NOW, purchaseProof } from '#tests/functional/interventions/portal/support'
import { download, unzip } from '#tests/functional/data_portability/support'
import { textOf } from '#tests/support/web_client'
import { aCustomer, aModel, aShop, ownerDb, signedInStaff, unique } from '#tests/support/mothers'

const ACCEPT = 'POST /api/v1/mandates/:id/accept'
const STATUS_EVENTS = 'POST /api/v1/mandates/:id/status-events'
const WARRANTY_REQUESTS = 'POST /api/v1/warranty-requests'
const CLAIMS = 'POST /api/v1/claim-reports'
const NEW_MANDATES = defaultSeed()
  .mandates.filter((mandate) => mandate.status === 'NEW')
  .map((mandate) => mandate.id)
  .sort()

const IRIS: IrisCodes = {
  condition: '1',
  symptom: 'V10',
  section: null,
  defect: 'D45',
  repair: 'R02',
}

const SYSTEM = { userId: null, name: 'Test' }

/** What a test needs: its simulator, and one shop with its own repairer code. */
interface Setting {
  simulator: RunningSimulator
  tenantId: string
  code: string
  /** Swaps in a portal adapter on the simulator, with a scenario on every call. */
  usePortal(scenario?: string, options?: Partial<AgoraClientOptions>): void
  sync(): Promise<void>
  created(): ReturnType<RunningSimulator['state']['repairer']>
  calls(route: string): number
}

async function setting(
  cleanup: (fn: () => Promise<void> | void) => void,
  options: { seed?: Partial<SimulatorSeed>; tenantId?: string; principalId?: string } = {}
): Promise<Setting> {
  const simulator = await startAgoraSimulator({ port: 0, seed: options.seed, now: () => NOW })
  cleanup(() => simulator.close())
  cleanup(() => app.container.restore(ManufacturerPortal))
  const tenantId = options.tenantId ?? (await aShop()).tenant.id
  const code = `ATL-${unique()}`.toUpperCase()
  const saved = await (
    await app.container.make(SavePortalAccount)
  ).execute({
    tenantId,
    enabled: true,
    repairerCode: code,
    principalCustomerId: options.principalId ?? null,
  })
  if (!saved.ok) throw new Error(`portal account not saved: ${saved.type}`)
  const usePortal = (scenario?: string, adapter: Partial<AgoraClientOptions> = {}) => {
    const portal = new AgoraHttpPortal({
      baseUrl: simulator.url,
      ...DEV_CLIENT,
      timeoutMs: 2000,
      maxAttempts: 3,
      retryBaseDelayMs: 5,
      retryMaxDelayMs: 20,
      headers: scenario ? { 'X-Simulator-Scenario': scenario } : undefined,
      ...adapter,
    })
    app.container.swap(ManufacturerPortal, () => portal)
  }
  usePortal()
  return {
    simulator,
    tenantId,
    code,
    usePortal,
    async sync() {
      const result = await (await app.container.make(SyncPortal)).execute(tenantId)
      if (!result.ok) throw new Error(`sync refused: ${result.type}`)
    },
    created: () => simulator.state.repairer(code),
    calls: (route) => simulator.state.requestCount(route),
  }
}

/** Purchase invoice and IRIS codes, as jobs will carry them one day. */
function withEvidence(cleanup: (fn: () => void) => void) {
  class Evidence extends WarrantyEvidence {
    async purchaseProof() {
      return purchaseProof
    }
    async irisCodes() {
      return IRIS
    }
  }
  app.container.swap(WarrantyEvidence, () => new Evidence())
  cleanup(() => app.container.restore(WarrantyEvidence))
}

const exchanges = (tenantId: string, operation?: string) => {
  const query = ownerDb().from('portal_exchanges').where('tenant_id', tenantId)
  if (operation) query.where('operation', operation)
  return query.orderBy('created_at')
}

const missionJobs = (tenantId: string) =>
  ownerDb()
    .from('repair_jobs')
    .where({ tenant_id: tenantId, kind: 'mission_order' })
    .orderBy('external_ref')

const jobOf = (tenantId: string, externalRef: string) =>
  ownerDb().from('repair_jobs').where({ tenant_id: tenantId, external_ref: externalRef }).first()

const portalNotes = (jobId: string) =>
  ownerDb()
    .from('repair_job_events')
    .where({ job_id: jobId, kind: 'portal' })
    .orderBy('at')
    .orderBy('id')

/** Retries `check` until it passes (the background worker is on its way) or time runs out. */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await sleep(100)
    }
  }
}

async function moveJob(tenantId: string, jobId: string, to: JobStatus) {
  const jobs = await app.container.make(RepairJobs)
  await jobs.change(tenantId, jobId, SYSTEM, (_, changes) => changes.setStatus(to, null))
}

/** A warranty job at the counter: the seeded Whirlpool washing machine, bought at Darty. */
async function aWarrantyJob(tenantId: string, changes: { serialNumber?: string } = {}) {
  const model = await aModel(tenantId, { model_reference: 'FFB8458WVFR' })
  const opened = await (
    await app.container.make(OpenRepairJob)
  ).execute({
    tenantId,
    actor: SYSTEM,
    kind: 'warranty',
    customer: {
      new: {
        kind: 'person',
        civility: 'mrs',
        firstName: 'Nathalie',
        lastName: 'Lefèvre',
        companyName: null,
        email: 'nathalie.lefevre@example.fr',
        phone: null,
        mobile: '+33612345678',
        addressLine1: '12 rue des Tanneurs',
        addressLine2: null,
        postcode: '69005',
        city: 'Lyon',
      },
    },
    appliance: {
      new: {
        productModelId: model.id,
        serialNumber: changes.serialNumber ?? '438123456789',
        purchaseDate: '2025-06-14',
        purchaseShop: 'Darty Part-Dieu',
      },
    },
    principal: null,
    details: jobDetails('Ne vidange plus, code erreur F9 E1'),
  })
  if (!opened.ok) throw new Error(`job not opened: ${opened.type}`)
  return opened.value
}

function jobDetails(symptoms: string) {
  return {
    priority: 'normal' as const,
    siteId: null,
    technicianId: null,
    symptoms,
    accessories: null,
    condition: null,
    diagnosis: null,
    workDone: null,
    internalNotes: null,
    customerNotes: null,
    repairCeilingCents: null,
    promisedOn: null,
    principalReference: null,
  }
}

test.group('Portal sync: the account', () => {
  test('the manager switches the portal on; a missing or malformed code is refused', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const page = await client.get('/portal')
    assert.equal(page.status, 200)
    assert.include(textOf(page.text), 'Portail fabricants (AGORA)')

    const missing = await client.submit('/portal', '/portal', { enabled: '1', repairer_code: '' })
    assert.include(
      textOf((await client.follow(missing)).text),
      'Le code réparateur est obligatoire pour activer la synchronisation.'
    )
    const malformed = await client.submit('/portal', '/portal', {
      enabled: '1',
      repairer_code: 'pas un code !',
    })
    const refused = await client.follow(malformed)
    assert.include(textOf(refused.text), "Le format n'est pas valide.")
    assert.include(refused.text, 'value="pas un code !"', 'the typed value is kept')
    assert.notExists(await ownerDb().from('portal_accounts').where('tenant_id', tenant.id).first())

    const saved = await client.submit('/portal', '/portal', {
      enabled: '1',
      repairer_code: 'atl-lyon-01',
    })
    assert.include(
      textOf((await client.follow(saved)).text),
      'Synchronisation avec le portail activée.'
    )
    const account = await ownerDb().from('portal_accounts').where('tenant_id', tenant.id).first()
    assert.isTrue(account.enabled)
    assert.equal(account.repairer_code, 'ATL-LYON-01')
    assert.isNotNull(account.enabled_since)

    const english = await client.submit('/portal', '/locale', { locale: 'en' })
    assert.oneOf(english.status, [302, 303])
    const refusedInEnglish = await client.submit('/portal', '/portal', {
      enabled: '1',
      repairer_code: '',
    })
    assert.include(
      textOf((await client.follow(refusedInEnglish)).text),
      'A repairer code is required to switch the synchronisation on.'
    )

    const technician = await signedInStaff('technician')
    assert.equal((await technician.client.get('/portal')).status, 403)
  })

  test('retry delays double from one minute up to an hour; refusals are not retried', ({
    assert,
  }) => {
    assert.deepEqual(
      [1, 2, 3, 4, 7, 8, 20].map((attempts) => retryDelaySeconds(attempts)),
      [60, 120, 240, 480, 3600, 3600, 3600]
    )
    assert.deepEqual(afterFailure('unavailable', 1), { status: 'pending', retryInSeconds: 60 })
    assert.deepEqual(afterFailure('unavailable', RETRY_POLICY.maxAttempts), { status: 'dead' })
    assert.deepEqual(afterFailure('rejected', 1), { status: 'failed' })
    assert.deepEqual(afterFailure('malformed', 1), { status: 'failed' })
  })
})

test.group('Portal sync: mandates become jobs', () => {
  test('once, whether the sync runs twice at once or again later', async ({ assert, cleanup }) => {
    const shop = await setting(cleanup)
    await Promise.all([shop.sync(), shop.sync()])
    await shop.sync()

    const jobs = await missionJobs(shop.tenantId)
    assert.deepEqual(
      jobs.map((job) => job.external_ref),
      NEW_MANDATES
    )
    assert.deepEqual(shop.created().mandates, { ACCEPTED: NEW_MANDATES.length, CLOSED: 1 })
    assert.equal(shop.calls(ACCEPT), NEW_MANDATES.length)
    const accepts = await exchanges(shop.tenantId, 'accept_mandate')
    assert.lengthOf(accepts, NEW_MANDATES.length)
    for (const exchange of accepts) {
      assert.equal(exchange.status, 'done')
      assert.equal(exchange.attempts, 1)
      assert.match(exchange.portal_ref, /^SAV-/)
      assert.isNotNull(exchange.job_id)
    }

    const account = await ownerDb()
      .from('portal_accounts')
      .where('tenant_id', shop.tenantId)
      .first()
    assert.equal(account.last_mandate_cursor, '2026-11-07T08:02:00.000Z')
    assert.isNull(account.last_fetch_error)
  })

  test('the consumer and the appliance land on the job; a known customer is reused', async ({
    assert,
    cleanup,
  }) => {
    const { tenant } = await aShop()
    const principal = await aCustomer(tenant.id, {
      kind: 'company',
      last_name: null,
      company_name: `BSH ${unique()}`,
    })
    const known = await aCustomer(tenant.id, { last_name: 'MARTIN', mobile: '+33645781290' })
    const shop = await setting(cleanup, { tenantId: tenant.id, principalId: principal.id })
    await shop.sync()

    const martin = await jobOf(shop.tenantId, 'MDT-2026-004103')
    assert.equal(martin.customer_id, known.id, 'same last name and mobile: the same customer')
    assert.equal(martin.kind, 'mission_order')
    assert.equal(martin.principal_id, principal.id)
    assert.equal(martin.payer, 'principal')
    assert.equal(martin.principal_reference, 'MDT-2026-004103')
    assert.equal(martin.symptoms, 'Porte restée verrouillée après une pyrolyse (IRIS P05)')
    assert.include(martin.internal_notes, 'Rendez-vous souhaité : Après 17 h')
    const oven = await ownerDb()
      .from('customer_appliances as a')
      .join('product_models as pm', 'pm.id', 'a.product_model_id')
      .join('brands as b', 'b.id', 'pm.brand_id')
      .join('manufacturers as m', 'm.id', 'b.manufacturer_id')
      .where('a.id', martin.appliance_id)
      .select(
        'a.*',
        'pm.model_reference',
        'pm.appliance_type',
        'b.name as brand',
        'm.name as maker'
      )
      .first()
    assert.deepInclude(oven, {
      customer_id: known.id,
      serial_number: 'FD0102-345678',
      purchase_date: '2025-12-20',
      purchase_shop: 'Leroy Merlin Portet',
      model_reference: 'HB578GBS0',
      appliance_type: 'oven',
      brand: 'Siemens',
      maker: 'BSH Électroménager',
    })

    const benali = await jobOf(shop.tenantId, 'MDT-2026-004102')
    const customer = await ownerDb().from('customers').where('id', benali.customer_id).first()
    assert.deepInclude(customer, {
      civility: 'mr',
      first_name: 'Karim',
      last_name: 'Benali',
      mobile: '+33781224319',
      phone: '+33556123456',
      email: null,
      address_line1: '4 allée des Tilleuls',
      postcode: '33600',
      city: 'Pessac',
    })
    // Bosch and Siemens share a maker: one manufacturer, two brands.
    const makers = await ownerDb()
      .from('manufacturers')
      .where({ tenant_id: shop.tenantId, name: 'BSH Électroménager' })
    assert.lengthOf(makers, 1)

    const [note] = await portalNotes(martin.id)
    assert.match(note.comment, /^accept_mandate MDT-2026-004103 → done \(accepted SAV-/)
    assert.equal(note.user_name, 'AGORA')
  })
})

test.group('Portal sync: status codes go back', () => {
  test('each status change once, with its code, in order', async ({ assert, cleanup }) => {
    const shop = await setting(cleanup, {
      seed: { mandates: defaultSeed().mandates.filter((m) => m.id === 'MDT-2026-004101') },
    })
    await shop.sync()
    const job = await jobOf(shop.tenantId, 'MDT-2026-004101')

    await moveJob(shop.tenantId, job.id, 'scheduled')
    await Promise.all([shop.sync(), shop.sync()])
    await shop.sync()
    const book = shop.simulator.state.book(shop.code)
    assert.equal(shop.calls(STATUS_EVENTS), 1)
    assert.equal(book.statusEvents[0].statusCode, '200')
    assert.equal(book.mandates.get('MDT-2026-004101')!.wire.status, 'PLANNED')

    await moveJob(shop.tenantId, job.id, 'diagnosis')
    await moveJob(shop.tenantId, job.id, 'in_repair')
    await shop.sync()
    assert.deepEqual(
      book.statusEvents.map((event) => event.statusCode),
      ['200', '300', '500']
    )
    assert.equal(book.mandates.get('MDT-2026-004101')!.wire.status, 'INPROGRESS')
    const reports = await exchanges(shop.tenantId, 'report_status')
    assert.deepEqual(
      reports.map((report) => [report.request.statusCode, report.status]),
      [
        ['200', 'done'],
        ['300', 'done'],
        ['500', 'done'],
      ]
    )
    const notes = (await portalNotes(job.id)).map((note) => note.comment)
    assert.include(notes.join('\n'), 'report_status MDT-2026-004101 · 200 → done (planned EVT-')
  })
})

test.group('Portal sync: warranty requests and claims', () => {
  test('a warranty job is submitted once despite a 503, transmitted, then followed to payment', async ({
    assert,
    cleanup,
  }) => {
    withEvidence(cleanup)
    const shop = await setting(cleanup, { seed: { mandates: [] } })
    shop.usePortal('transient_503')
    const job = await aWarrantyJob(shop.tenantId)

    await shop.sync()
    assert.equal(shop.created().warrantyRequests, 1)
    assert.equal(shop.calls(WARRANTY_REQUESTS), 2, 'the lost answer was asked again')
    const [submitted] = await exchanges(shop.tenantId, 'submit_warranty')
    assert.equal(submitted.status, 'done')
    assert.equal(submitted.job_id, job.id)
    assert.equal(submitted.portal_status, 'transmitted')
    assert.deepInclude(submitted.request.purchaseProof, { fileName: purchaseProof.fileName })
    assert.notProperty(submitted.request.purchaseProof, 'contentBase64')
    const [transmitted] = await exchanges(shop.tenantId, 'transmit_warranty')
    assert.equal(transmitted.status, 'done')

    await shop.sync()
    await shop.sync()
    assert.equal(shop.created().warrantyRequests, 1)
    const [paid] = await exchanges(shop.tenantId, 'submit_warranty')
    assert.equal(paid.portal_status, 'paid')
    const notes = (await portalNotes(job.id)).map((note) => note.comment).join('\n')
    assert.include(notes, `submit_warranty ${job.number} → done (valid DSS-`)
    assert.include(notes, `transmit_warranty ${job.number} → done (transmitted DSS-`)
    assert.match(notes, /submit_warranty .* transmitted → paid/)
  })

  test('without the proof the portal finds the request invalid, and the job shows it', async ({
    assert,
    cleanup,
  }) => {
    const shop = await setting(cleanup, { seed: { mandates: [] } })
    const job = await aWarrantyJob(shop.tenantId)
    await shop.sync()
    await shop.sync()
    const [submitted] = await exchanges(shop.tenantId, 'submit_warranty')
    assert.equal(submitted.portal_status, 'invalid')
    assert.lengthOf(await exchanges(shop.tenantId, 'transmit_warranty'), 0)
    const issues = await (
      await app.container.make(PortalIssuesOfJob)
    ).execute(shop.tenantId, job.id)
    assert.isTrue(issues.invalidWarrantyRequest)
    const [note] = await portalNotes(job.id)
    assert.include(note.comment, "purchaseProof: Preuve d'achat (facture) obligatoire")
  })

  test('a closed job gets its claim once: accepted for a mission order, refused shown for the other', async ({
    assert,
    cleanup,
  }) => {
    withEvidence(cleanup)
    const shop = await setting(cleanup, {
      seed: { mandates: defaultSeed().mandates.filter((m) => m.id === 'MDT-2026-004101') },
    })
    await shop.sync()
    const mission = await jobOf(shop.tenantId, 'MDT-2026-004101')
    const warranty = await aWarrantyJob(shop.tenantId)
    await shop.sync()
    await moveJob(shop.tenantId, mission.id, 'closed')
    await moveJob(shop.tenantId, warranty.id, 'closed')

    await shop.sync()
    await shop.sync()
    await shop.sync()
    assert.equal(shop.calls(CLAIMS), 2, 'one claim per job, however many runs')
    assert.equal(shop.created().claimReports, 1)
    const claims = await exchanges(shop.tenantId, 'submit_claim')
    const byJob = new Map(claims.map((claim) => [claim.job_id, claim]))
    assert.equal(byJob.get(mission.id).status, 'done')
    assert.equal(byJob.get(mission.id).portal_status, 'accepted')
    assert.equal(byJob.get(mission.id).request.afterSalesFileRef.slice(0, 4), 'SAV-')
    // The simulator only knows after-sales files opened from mandates.
    assert.equal(byJob.get(warranty.id).status, 'failed')
    assert.include(byJob.get(warranty.id).last_error, 'unknown_file')
    const closedCode = await exchanges(shop.tenantId, 'report_status')
    assert.equal(closedCode.at(-1).request.statusCode, '900')
  })
})

test.group('Portal sync: failures', () => {
  test('a portal that hangs: tried again after the pause, and created once', async ({
    assert,
    cleanup,
  }) => {
    withEvidence(cleanup)
    const shop = await setting(cleanup, { seed: { mandates: [] } })
    const job = await aWarrantyJob(shop.tenantId)
    shop.usePortal('timeout:3000', { timeoutMs: 100, maxAttempts: 2 })

    await shop.sync()
    const [waiting] = await exchanges(shop.tenantId, 'submit_warranty')
    assert.equal(waiting.status, 'pending')
    assert.equal(waiting.attempts, 1)
    assert.include(waiting.last_error, 'no answer within 100 ms')
    const pause = (waiting.next_attempt_at.getTime() - Date.now()) / 1000
    assert.isAbove(pause, 50)
    assert.isBelow(pause, 61)
    assert.equal(shop.created().warrantyRequests, 0)
    const [note] = await portalNotes(job.id)
    assert.include(note.comment, 'retry in 60 s')

    // Not due yet: the next run leaves it alone.
    await shop.sync()
    assert.equal(shop.calls(WARRANTY_REQUESTS), 2)
    assert.equal((await exchanges(shop.tenantId, 'submit_warranty'))[0].attempts, 1)

    // Time passes; the portal is back.
    await ownerDb()
      .from('portal_exchanges')
      .where('id', waiting.id)
      .update({ next_attempt_at: new Date(Date.now() - 1000) })
    shop.usePortal()
    await shop.sync()
    const [done] = await exchanges(shop.tenantId, 'submit_warranty')
    assert.equal(done.status, 'done')
    assert.equal(done.attempts, 2)
    assert.equal(shop.created().warrantyRequests, 1)
    assert.equal((await portalNotes(job.id)).length, 3, 'first failure, done, then transmitted')
  })

  test('unreachable too long: given up, shown, and sent again by hand', async ({
    assert,
    cleanup,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const shop = await setting(cleanup, { tenantId: tenant.id, seed: { mandates: [] } })
    const job = await aWarrantyJob(shop.tenantId)
    shop.usePortal('transient_503:50', { maxAttempts: 1 })
    await shop.sync()
    const [first] = await exchanges(shop.tenantId, 'submit_warranty')
    assert.equal(first.status, 'pending')
    await ownerDb()
      .from('portal_exchanges')
      .where('id', first.id)
      .update({
        attempts: RETRY_POLICY.maxAttempts - 1,
        next_attempt_at: new Date(Date.now() - 1000),
      })
    await shop.sync()
    const [dead] = await exchanges(shop.tenantId, 'submit_warranty')
    assert.equal(dead.status, 'dead')
    const issues = await (
      await app.container.make(PortalIssuesOfJob)
    ).execute(shop.tenantId, job.id)
    assert.equal(issues.failed, 1)
    assert.equal(issues.latest?.status, 'dead')

    shop.usePortal()
    const retried = await client.submit('/portal', `/portal/exchanges/${dead.id}/retry`, {})
    assert.equal(retried.location, '/portal')
    // The background worker runs it; a run of ours may get there first.
    await shop.sync()
    await eventually(async () => {
      const [done] = await exchanges(shop.tenantId, 'submit_warranty')
      if (done.status !== 'done') throw new Error(`still ${done.status}`)
    })
    // The 503s answered after doing the work: the retries replayed that one request.
    assert.equal(shop.created().warrantyRequests, 1)
  })

  test('a refusal stops, shows on /portal and on the job, and "retry now" sends it again', async ({
    assert,
    cleanup,
  }) => {
    const { tenant, client } = await signedInStaff('manager')
    const shop = await setting(cleanup, {
      tenantId: tenant.id,
      seed: { mandates: defaultSeed().mandates.filter((m) => m.id === 'MDT-2026-004101') },
    })
    shop.usePortal('rejected')
    await shop.sync()
    await shop.sync()
    assert.equal(shop.calls(ACCEPT), 1, 'a refusal is not retried blindly')
    assert.deepEqual(shop.created().mandates, { NEW: 1 })
    const [refused] = await exchanges(shop.tenantId, 'accept_mandate')
    assert.equal(refused.status, 'failed')
    assert.include(refused.last_error, 'rejected rejected_by_scenario')

    const job = await jobOf(shop.tenantId, 'MDT-2026-004101')
    const issues = await (
      await app.container.make(PortalIssuesOfJob)
    ).execute(shop.tenantId, job.id)
    assert.deepInclude(issues, { failed: 1, retrying: 0, invalidWarrantyRequest: false })
    assert.include(issues.latest!.error!, 'rejected_by_scenario')

    const page = await client.get('/portal')
    assert.include(textOf(page.text), 'Refusé')
    assert.include(page.text, 'rejected_by_scenario')
    assert.include(page.text, `/portal/exchanges/${refused.id}/retry`)
    const jobPage = textOf((await client.get(`/jobs/${job.id}`)).text)
    assert.include(
      jobPage,
      'accept_mandate MDT-2026-004101 → failed — rejected rejected_by_scenario'
    )

    shop.usePortal()
    const retried = await client.submit('/portal', `/portal/exchanges/${refused.id}/retry`, {})
    assert.equal(retried.location, '/portal')
    await shop.sync()
    await eventually(async () => {
      const [accepted] = await exchanges(shop.tenantId, 'accept_mandate')
      if (accepted.status !== 'done') throw new Error(`still ${accepted.status}`)
    })
    assert.deepEqual(shop.created().mandates, { ACCEPTED: 1 })
    assert.lengthOf(await missionJobs(shop.tenantId), 1, 'the job opened first is the one accepted')
  })

  test('a malformed answer is not retried blindly; retried by hand it is replayed, not redone', async ({
    assert,
    cleanup,
  }) => {
    const shop = await setting(cleanup, {
      seed: { mandates: defaultSeed().mandates.filter((m) => m.id === 'MDT-2026-004101') },
    })
    const store = new LucidPortalSyncStore()
    const account = await store.account(shop.tenantId)
    if (!isActive(account)) throw new Error('account not active')
    await (await app.container.make(FetchNewMandates)).execute(account)

    shop.usePortal('malformed')
    await shop.sync()
    await shop.sync()
    const [broken] = await exchanges(shop.tenantId, 'accept_mandate')
    assert.equal(broken.status, 'failed')
    assert.match(broken.last_error, /^malformed: POST \/api\/v1\/mandates\/MDT-2026-004101\/accept/)
    assert.equal(shop.calls(ACCEPT), 1)
    const fetch = await ownerDb().from('portal_accounts').where('tenant_id', shop.tenantId).first()
    assert.match(fetch.last_fetch_error, /^malformed: GET \/api\/v1\/mandates/)

    shop.usePortal()
    // Requeued as "retry now" does, without waking the background worker.
    assert.isTrue(await store.requeue(shop.tenantId, broken.id))
    await shop.sync()
    const [replayed] = await exchanges(shop.tenantId, 'accept_mandate')
    assert.equal(replayed.status, 'done')
    assert.equal(shop.calls(ACCEPT), 2)
    assert.deepEqual(shop.created().mandates, { ACCEPTED: 1 })
    assert.equal(shop.created().idempotencyKeys, 1)
  })
})

test.group('Portal sync: tenants and the background run', () => {
  test("a shop never sees nor retries another shop's exchanges", async ({ assert, cleanup }) => {
    const shopA = await setting(cleanup, {
      seed: { mandates: defaultSeed().mandates.filter((m) => m.id === 'MDT-2026-004101') },
    })
    shopA.usePortal('rejected')
    await shopA.sync()
    const [refused] = await exchanges(shopA.tenantId, 'accept_mandate')
    const jobA = await jobOf(shopA.tenantId, 'MDT-2026-004101')

    const b = await signedInStaff('manager')
    const page = await b.client.get('/portal')
    assert.equal(page.status, 200)
    assert.notInclude(page.text, refused.id)
    assert.notInclude(page.text, 'MDT-2026-004101')
    const retry = await b.client.submit('/portal', `/portal/exchanges/${refused.id}/retry`, {})
    assert.equal(retry.status, 404)
    const after = await ownerDb().from('portal_exchanges').where('id', refused.id).first()
    assert.equal(after.status, 'failed')
    assert.equal(after.attempts, 1)
    const issues = await (await app.container.make(PortalIssuesOfJob)).execute(b.tenant.id, jobA.id)
    assert.deepInclude(issues, { failed: 0, retrying: 0, latest: null })
  })

  test('"fetch now" runs the sync in the background', async ({ assert, cleanup }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const shop = await setting(cleanup, { tenantId: tenant.id })
    // The scheduler's list, read across tenants as the platform role.
    assert.include(await new LucidPortalSyncStore().enabledTenants(), shop.tenantId)
    const requested = await client.submit('/portal', '/portal/sync', {})
    assert.equal(requested.location, '/portal')
    assert.include(textOf((await client.follow(requested)).text), 'Relevé demandé')
    const jobs = await eventually(async () => {
      const found = await missionJobs(shop.tenantId)
      if (found.length < NEW_MANDATES.length) throw new Error(`${found.length} jobs`)
      return found
    })
    assert.lengthOf(jobs, NEW_MANDATES.length)
  })
})

test.group('Portal sync: export for other portals', () => {
  test('the jobs of a period as CSV files in a ZIP, the shop’s own only', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('accountant')
    const other = await aShop()
    const open = await app.container.make(OpenRepairJob)
    const opened: Record<string, { id: string; number: string }> = {}
    for (const [tenantId, name, receivedAt] of [
      [tenant.id, 'january', '2026-01-10T10:00:00Z'],
      [tenant.id, 'march', '2026-03-05T10:00:00Z'],
      [tenant.id, 'late-march', '2026-03-31T22:30:00Z'],
      [other.tenant.id, 'other', '2026-03-06T10:00:00Z'],
    ]) {
      const result = await open.execute({
        tenantId,
        actor: SYSTEM,
        kind: 'workshop',
        customer: {
          new: {
            kind: 'person',
            civility: null,
            firstName: null,
            lastName: `Client ${name}`,
            companyName: null,
            email: null,
            phone: null,
            mobile: null,
            addressLine1: null,
            addressLine2: null,
            postcode: '69003',
            city: 'Lyon',
          },
        },
        appliance: null,
        principal: null,
        details: jobDetails(`Panne ${name}`),
      })
      if (!result.ok) throw new Error(result.type)
      opened[name] = result.value
      await ownerDb()
        .from('repair_jobs')
        .where('id', result.value.id)
        .update({ received_at: new Date(receivedAt) })
    }
    await moveJob(tenant.id, opened.march.id, 'diagnosis')

    const zip = await download(client, '/jobs/export/portal.zip?from=2026-03-01&to=2026-03-31')
    assert.equal(zip.status, 200)
    assert.equal(zip.headers.get('content-type'), 'application/zip')
    const files = unzip(zip.body)
    assert.sameMembers([...files.keys()], ['jobs.csv', 'job_parts.csv'])
    const jobs = files.get('jobs.csv')!.toString('utf8')
    assert.include(jobs, opened.march.number)
    // 31 March 21:30 UTC is 1 April in Paris.
    assert.notInclude(jobs, opened['late-march'].number)
    assert.notInclude(jobs, opened.january.number)
    assert.notInclude(jobs, 'Client other')
    assert.include(jobs, '05/03/2026')

    const received = unzip((await download(client, '/jobs/export/portal.zip?status=received')).body)
    const onlyReceived = received.get('jobs.csv')!.toString('utf8')
    assert.include(onlyReceived, opened.january.number)
    assert.notInclude(onlyReceived, opened.march.number)

    const bad = await client.get('/jobs/export/portal.zip?status=bogus')
    assert.equal(bad.status, 302, 'sent back to the form with the error')
  })
})
