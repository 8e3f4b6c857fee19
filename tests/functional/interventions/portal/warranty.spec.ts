import { test } from '@japa/runner'
import type {
  ManufacturerPortal,
  PortalContext,
} from '#interventions/application/manufacturer_portal'
import { repairStatusCodeFor } from '#interventions/domain/portal_statuses'
import {
  aWarrantyRequest,
  failureOf,
  portalSandbox,
  valueOf,
  type Sandbox,
} from '#tests/functional/interventions/portal/support'

/** Accepts a seeded mandate and closes its file, as a finished warranty job does. */
async function closedFile(portal: ManufacturerPortal, context: PortalContext, mandateId: string) {
  const { afterSalesFileRef } = valueOf(
    await portal.acceptMandate(context, {
      mandateId,
      jobReference: `job-${mandateId}`,
      idempotencyKey: `${mandateId}:accept`,
    })
  )
  valueOf(
    await portal.reportMandateStatus(context, {
      mandateId,
      statusCode: repairStatusCodeFor('closed').code,
      at: '2026-11-19T17:00:00+01:00',
      idempotencyKey: `${mandateId}:closed`,
    })
  )
  return afterSalesFileRef
}

function aClaim(afterSalesFileRef: string, changes: Record<string, unknown> = {}) {
  return {
    afterSalesFileRef,
    warrantyRequestId: null,
    jobReference: 'R-2026-00042',
    repairedOn: '2026-11-19',
    iris: { condition: '1', symptom: 'V10', section: 'P', defect: 'B2', repair: 'R01' },
    parts: [
      { partNumber: '481010584940', label: 'Pompe de vidange', quantity: 1, unitPriceCents: 3290 },
    ],
    labourMinutes: 45,
    labourCents: 4500,
    travelCents: 3500,
    comment: null,
    idempotencyKey: `claim:${afterSalesFileRef}`,
    ...changes,
  }
}

test.group('AGORA contract: warranty requests', (group) => {
  let sandbox: Sandbox
  group.each.setup(async () => {
    sandbox = await portalSandbox()
    return () => sandbox.simulator.close()
  })

  test('a complete request is valid, transmitted, then paid', async ({ assert }) => {
    const portal = sandbox.portal()
    const submitted = valueOf(
      await portal.submitWarrantyRequest(sandbox.context, aWarrantyRequest())
    )
    assert.equal(submitted.status, 'valid')
    assert.deepEqual(submitted.errors, [])

    const transmitted = valueOf(
      await portal.transmitWarrantyRequest(sandbox.context, {
        requestId: submitted.requestId,
        idempotencyKey: `${submitted.requestId}:transmit`,
      })
    )
    assert.equal(transmitted.status, 'transmitted')
    assert.equal(transmitted.transmittedAt, '2026-11-20T09:00:00.000Z')

    const polled = [
      valueOf(await portal.warrantyRequestStatus(sandbox.context, submitted.requestId)),
      valueOf(await portal.warrantyRequestStatus(sandbox.context, submitted.requestId)),
    ]
    assert.deepEqual(
      polled.map((state) => state.status),
      ['transmitted', 'paid']
    )
    assert.equal(polled[1].paidAmountCents, 6500)
    assert.equal(sandbox.created().warrantyRequests, 1)
  })

  test('without purchase proof it is invalid and cannot be transmitted', async ({ assert }) => {
    const portal = sandbox.portal()
    const submitted = valueOf(
      await portal.submitWarrantyRequest(sandbox.context, aWarrantyRequest({ purchaseProof: null }))
    )
    assert.equal(submitted.status, 'invalid')
    assert.deepEqual(submitted.errors, [
      { field: 'purchaseProof', message: "Preuve d'achat (facture) obligatoire" },
    ])
    const failure = failureOf(
      await portal.transmitWarrantyRequest(sandbox.context, {
        requestId: submitted.requestId,
        idempotencyKey: `${submitted.requestId}:transmit`,
      })
    )
    assert.deepInclude(failure, { type: 'rejected', code: 'not_transmittable' })
  })

  test('an appliance bought more than 24 months ago is out of warranty', async ({ assert }) => {
    const submitted = valueOf(
      await sandbox.portal().submitWarrantyRequest(
        sandbox.context,
        aWarrantyRequest({
          appliance: {
            serialNumber: '438123456789',
            purchaseDate: '2024-02-03',
            installedOn: null,
          },
        })
      )
    )
    assert.equal(submitted.status, 'invalid')
    assert.equal(submitted.errors[0].field, 'appliance.purchaseDate')
  })

  test('the blocked serial number is always rejected, and nothing is created', async ({
    assert,
  }) => {
    const failure = failureOf(
      await sandbox.portal().submitWarrantyRequest(
        sandbox.context,
        aWarrantyRequest({
          appliance: { serialNumber: '00000000000', purchaseDate: '2025-09-01', installedOn: null },
        })
      )
    )
    assert.equal(failure.type, 'rejected')
    if (failure.type !== 'rejected') return
    assert.equal(failure.code, 'serial_blocked')
    assert.include(failure.reason, 'Numéro de série')
    assert.equal(sandbox.created().warrantyRequests, 0)
  })

  test('delayed: the check only answers after the announced polls', async ({ assert }) => {
    const submitted = valueOf(
      await sandbox.portal('delayed:3').submitWarrantyRequest(sandbox.context, aWarrantyRequest())
    )
    assert.equal(submitted.status, 'pending')
    const portal = sandbox.portal()
    const seen: string[] = []
    for (let poll = 0; poll < 4; poll++) {
      const state = valueOf(
        await portal.warrantyRequestStatus(sandbox.context, submitted.requestId)
      )
      seen.push(state.status)
    }
    assert.deepEqual(seen, ['pending', 'pending', 'valid', 'valid'])
  })

  test('an unknown request is not_found', async ({ assert }) => {
    const failure = failureOf(
      await sandbox.portal().warrantyRequestStatus(sandbox.context, 'DSS-999999')
    )
    assert.equal(failure.type, 'not_found')
  })
})

test.group('AGORA contract: claim reports', (group) => {
  let sandbox: Sandbox
  group.each.setup(async () => {
    sandbox = await portalSandbox()
    return () => sandbox.simulator.close()
  })

  test('a closed warranty job becomes a claim, decided on the next poll', async ({ assert }) => {
    const portal = sandbox.portal()
    const file = await closedFile(portal, sandbox.context, 'MDT-2026-004101')
    const submitted = valueOf(await portal.submitClaimReport(sandbox.context, aClaim(file)))
    assert.deepInclude(submitted, { status: 'submitted', claimedCents: 3290 + 4500 + 3500 })
    assert.isNull(submitted.acceptedCents)

    const decided = valueOf(await portal.claimReportStatus(sandbox.context, submitted.claimId))
    assert.deepInclude(decided, { status: 'accepted', acceptedCents: 11290, reason: null })
  })

  test('travel above the cap is cut: partial acceptance with the reason', async ({ assert }) => {
    const portal = sandbox.portal()
    const file = await closedFile(portal, sandbox.context, 'MDT-2026-004101')
    const submitted = valueOf(
      await portal.submitClaimReport(sandbox.context, aClaim(file, { travelCents: 6000 }))
    )
    const decided = valueOf(await portal.claimReportStatus(sandbox.context, submitted.claimId))
    assert.deepInclude(decided, {
      status: 'accepted',
      claimedCents: 3290 + 4500 + 6000,
      acceptedCents: 3290 + 4500 + 4500,
      reason: 'Déplacement plafonné à 45,00 €',
    })
  })

  test('an out-of-warranty appliance is rejected by the manufacturer', async ({ assert }) => {
    const portal = sandbox.portal()
    const file = await closedFile(portal, sandbox.context, 'MDT-2026-004105')
    const submitted = valueOf(await portal.submitClaimReport(sandbox.context, aClaim(file)))
    const decided = valueOf(await portal.claimReportStatus(sandbox.context, submitted.claimId))
    assert.deepInclude(decided, { status: 'rejected', acceptedCents: 0 })
  })

  test('a file still open cannot be claimed', async ({ assert }) => {
    const portal = sandbox.portal()
    const { afterSalesFileRef } = valueOf(
      await portal.acceptMandate(sandbox.context, {
        mandateId: 'MDT-2026-004102',
        jobReference: 'R-2026-00046',
        idempotencyKey: 'job-46:accept',
      })
    )
    const failure = failureOf(
      await portal.submitClaimReport(sandbox.context, aClaim(afterSalesFileRef))
    )
    assert.deepInclude(failure, { type: 'rejected', code: 'file_not_closed' })
    assert.equal(sandbox.created().claimReports, 0)
  })

  test('delayed: the decision only shows after the announced polls', async ({ assert }) => {
    const file = await closedFile(sandbox.portal(), sandbox.context, 'MDT-2026-004104')
    const submitted = valueOf(
      await sandbox.portal('delayed:2').submitClaimReport(sandbox.context, aClaim(file))
    )
    const portal = sandbox.portal()
    const first = valueOf(await portal.claimReportStatus(sandbox.context, submitted.claimId))
    const second = valueOf(await portal.claimReportStatus(sandbox.context, submitted.claimId))
    assert.equal(first.status, 'submitted')
    assert.equal(second.status, 'accepted')
  })
})
