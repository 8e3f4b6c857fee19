import { test } from '@japa/runner'
import { repairStatusCodeFor } from '#interventions/domain/portal_statuses'
import {
  failureOf,
  portalSandbox,
  valueOf,
  type Sandbox,
} from '#tests/functional/interventions/portal/support'

test.group('AGORA contract: mandates', (group) => {
  let sandbox: Sandbox
  group.each.setup(async () => {
    sandbox = await portalSandbox()
    return () => sandbox.simulator.close()
  })

  test('lists the NEW mandates, oldest first, page by page', async ({ assert }) => {
    const portal = sandbox.portal()
    const first = valueOf(await portal.listNewMandates(sandbox.context, { limit: 4 }))
    assert.deepEqual(
      first.items.map((mandate) => mandate.id),
      ['MDT-2026-004101', 'MDT-2026-004102', 'MDT-2026-004103', 'MDT-2026-004104']
    )
    assert.isString(first.nextCursor)
    const second = valueOf(
      await portal.listNewMandates(sandbox.context, { limit: 4, cursor: first.nextCursor })
    )
    assert.deepEqual(
      second.items.map((mandate) => mandate.id),
      ['MDT-2026-004105', 'MDT-2026-004106']
    )
    assert.isNull(second.nextCursor)

    const mandate = first.items[0]
    assert.equal(mandate.status, 'new')
    assert.equal(mandate.warrantyType, 'manufacturer')
    assert.deepInclude(mandate.customer, { lastName: 'Lefèvre', firstName: 'Nathalie' })
    assert.deepEqual(mandate.customer.address, {
      street: '12 rue des Tanneurs',
      postcode: '69005',
      city: 'Lyon',
      country: 'FR',
    })
  })

  test('since keeps the mandates created from that instant', async ({ assert }) => {
    const page = valueOf(
      await sandbox.portal().listNewMandates(sandbox.context, { since: '2026-11-05T00:00:00Z' })
    )
    assert.deepEqual(
      page.items.map((mandate) => mandate.id),
      ['MDT-2026-004104', 'MDT-2026-004105', 'MDT-2026-004106']
    )
  })

  test('accepting opens the after-sales file; the mandate leaves the NEW list', async ({
    assert,
  }) => {
    const portal = sandbox.portal()
    const accepted = valueOf(
      await portal.acceptMandate(sandbox.context, {
        mandateId: 'MDT-2026-004101',
        jobReference: 'R-2026-00042',
        idempotencyKey: 'job-42:accept-mandate',
      })
    )
    assert.equal(accepted.status, 'accepted')
    assert.match(accepted.afterSalesFileRef, /^SAV-ATL-LYON-01-\d{6}$/)

    const page = valueOf(await portal.listNewMandates(sandbox.context))
    assert.notInclude(
      page.items.map((mandate) => mandate.id),
      'MDT-2026-004101'
    )
    const mandate = valueOf(await portal.getMandate(sandbox.context, 'MDT-2026-004101'))
    assert.equal(mandate.status, 'accepted')
  })

  test('refusing with a reason from the referential', async ({ assert }) => {
    const portal = sandbox.portal()
    const reasons = valueOf(
      await portal.fetchReferentials(sandbox.context, { kind: 'refusal_reasons' })
    )
    assert.includeMembers(
      reasons.items.map((reason) => reason.code),
      ['ZONE', 'AUTRE']
    )
    const refused = valueOf(
      await portal.refuseMandate(sandbox.context, {
        mandateId: 'MDT-2026-004105',
        reasonCode: 'ZONE',
        comment: 'Lille est hors de notre secteur',
        idempotencyKey: 'mandate-4105:refuse',
      })
    )
    assert.deepEqual(refused, { mandateId: 'MDT-2026-004105', status: 'refused' })

    const other = failureOf(
      await portal.refuseMandate(sandbox.context, {
        mandateId: 'MDT-2026-004104',
        reasonCode: 'AUTRE',
        comment: null,
        idempotencyKey: 'mandate-4104:refuse',
      })
    )
    assert.deepInclude(other, { type: 'rejected', code: 'comment_required' })
  })

  test('status codes flow from the first appointment to closure', async ({ assert }) => {
    const portal = sandbox.portal()
    valueOf(
      await portal.acceptMandate(sandbox.context, {
        mandateId: 'MDT-2026-004103',
        jobReference: 'R-2026-00043',
        idempotencyKey: 'job-43:accept-mandate',
      })
    )
    const steps = ['scheduled', 'diagnosis', 'waiting_parts', 'repaired', 'delivered', 'closed']
    const statuses: string[] = []
    for (const [index, step] of steps.entries()) {
      const recorded = valueOf(
        await portal.reportMandateStatus(sandbox.context, {
          mandateId: 'MDT-2026-004103',
          statusCode: repairStatusCodeFor(step as 'scheduled').code,
          at: `2026-11-2${index}T10:00:00+01:00`,
          appointmentAt: step === 'scheduled' ? '2026-11-21T08:30:00+01:00' : null,
          comment: step === 'delivered' ? 'Appareil restitué au client' : null,
          idempotencyKey: `job-43:status:${step}`,
        })
      )
      statuses.push(recorded.mandateStatus)
    }
    assert.deepEqual(statuses, [
      'planned',
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'closed',
    ])
    assert.equal(sandbox.created().statusEvents, steps.length)

    const late = failureOf(
      await portal.reportMandateStatus(sandbox.context, {
        mandateId: 'MDT-2026-004103',
        statusCode: '500',
        at: '2026-11-28T10:00:00+01:00',
        idempotencyKey: 'job-43:status:late',
      })
    )
    assert.deepInclude(late, { type: 'rejected', code: 'illegal_transition' })
  })

  test('a closed mandate cannot be accepted: rejected with the portal reason', async ({
    assert,
  }) => {
    const failure = failureOf(
      await sandbox.portal().acceptMandate(sandbox.context, {
        mandateId: 'MDT-2026-004090',
        jobReference: 'R-2026-00044',
        idempotencyKey: 'job-44:accept-mandate',
      })
    )
    assert.equal(failure.type, 'rejected')
    if (failure.type !== 'rejected') return
    assert.equal(failure.code, 'illegal_transition')
    assert.include(failure.reason, 'CLOSED')
  })

  test('an unknown code is rejected with the field at fault', async ({ assert }) => {
    const portal = sandbox.portal()
    valueOf(
      await portal.acceptMandate(sandbox.context, {
        mandateId: 'MDT-2026-004102',
        jobReference: 'R-2026-00045',
        idempotencyKey: 'job-45:accept-mandate',
      })
    )
    const failure = failureOf(
      await portal.reportMandateStatus(sandbox.context, {
        mandateId: 'MDT-2026-004102',
        statusCode: '123',
        at: '2026-11-20T10:00:00+01:00',
        idempotencyKey: 'job-45:status:123',
      })
    )
    assert.deepInclude(failure, {
      type: 'rejected',
      code: 'invalid_request',
      fieldErrors: [{ field: 'statusCode', message: 'Code absent de la table des statuts' }],
    })
  })

  test('an unknown mandate is not_found, and is not retried', async ({ assert }) => {
    const portal = sandbox.portal()
    assert.deepEqual(failureOf(await portal.getMandate(sandbox.context, 'MDT-0000')), {
      ok: false,
      type: 'not_found',
    })
    const accept = await portal.acceptMandate(sandbox.context, {
      mandateId: 'MDT-0000',
      jobReference: 'R-1',
      idempotencyKey: 'k',
    })
    assert.equal(failureOf(accept).type, 'not_found')
    assert.equal(sandbox.calls('GET /api/v1/mandates/:id'), 1)
    assert.equal(sandbox.calls('POST /api/v1/mandates/:id/accept'), 1)
  })

  test('each shop sees its own mandates', async ({ assert }) => {
    const portal = sandbox.portal()
    valueOf(
      await portal.acceptMandate(sandbox.context, {
        mandateId: 'MDT-2026-004101',
        jobReference: 'R-2026-00042',
        idempotencyKey: 'job-42:accept-mandate',
      })
    )
    const otherShop = { tenantId: 'another-tenant', repairerCode: 'ATL-RENNES-02' }
    const page = valueOf(await portal.listNewMandates(otherShop))
    assert.include(
      page.items.map((mandate) => mandate.id),
      'MDT-2026-004101'
    )
  })
})
