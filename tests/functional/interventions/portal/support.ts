import { randomUUID } from 'node:crypto'
import type { PortalContext, PortalResult } from '#interventions/application/manufacturer_portal'
import type { AgoraClientOptions } from '#interventions/adapters/agora_http/agora_client'
import { AgoraHttpPortal } from '#interventions/adapters/agora_http/agora_http_portal'
import {
  startAgoraSimulator,
  type RunningSimulator,
} from '#interventions/adapters/agora_simulator/agora_simulator'
import { DEV_CLIENT, type SimulatorSeed } from '#interventions/adapters/agora_simulator/seed_data'

/** The simulator's clock in these specs: the seeded appliances are then under warranty. */
export const NOW = new Date('2026-11-20T09:00:00.000Z')

export interface Sandbox {
  simulator: RunningSimulator
  context: PortalContext
  /** A fresh adapter on the simulator, optionally with a scenario on every call. */
  portal(scenario?: string, options?: Partial<AgoraClientOptions>): AgoraHttpPortal
  /** What the simulator holds for this shop. */
  created(): ReturnType<RunningSimulator['state']['repairer']>
  calls(route: string): number
}

export async function portalSandbox(seed?: Partial<SimulatorSeed>): Promise<Sandbox> {
  const simulator = await startAgoraSimulator({ port: 0, seed, now: () => NOW })
  const context = { tenantId: randomUUID(), repairerCode: 'ATL-LYON-01' }
  return {
    simulator,
    context,
    portal: (scenario, options) =>
      new AgoraHttpPortal({
        baseUrl: simulator.url,
        ...DEV_CLIENT,
        timeoutMs: 2000,
        maxAttempts: 3,
        retryBaseDelayMs: 5,
        retryMaxDelayMs: 20,
        headers: scenario ? { 'X-Simulator-Scenario': scenario } : undefined,
        ...options,
      }),
    created: () => simulator.state.repairer(context.repairerCode),
    calls: (route) => simulator.state.requestCount(route),
  }
}

/** The value of a result expected to succeed; the failure in the message otherwise. */
export function valueOf<T>(result: PortalResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result)}`)
  return result.value
}

/** The failure of a result expected to fail. */
export function failureOf<T>(result: PortalResult<T>) {
  if (result.ok) throw new Error(`Expected a failure, got ${JSON.stringify(result.value)}`)
  return result
}

export const purchaseProof = {
  fileName: 'facture-darty.pdf',
  contentType: 'application/pdf',
  contentBase64: Buffer.from('%PDF-1.4 facture').toString('base64'),
}

/** A warranty request for the seeded Whirlpool washing machine, valid unless changed. */
export function aWarrantyRequest(changes: Record<string, unknown> = {}) {
  return {
    jobReference: 'R-2026-00042',
    requestType: 'repair' as const,
    product: {
      reference: 'FFB8458WVFR',
      manufacturer: 'Whirlpool France SAS',
      brand: 'Whirlpool',
      productType: 'Lave-linge',
    },
    distributor: { name: 'Darty Part-Dieu', postcode: '69003', city: 'Lyon' },
    endUser: {
      title: 'Mme' as const,
      lastName: 'Lefèvre',
      firstName: 'Nathalie',
      address: { street: '12 rue des Tanneurs', postcode: '69005', city: 'Lyon', country: 'FR' },
      phones: ['06 12 34 56 78'],
      email: 'nathalie.lefevre@example.fr',
    },
    appliance: { serialNumber: '438123456789', purchaseDate: '2025-06-14', installedOn: null },
    fault: {
      description: 'Ne vidange plus, code erreur F9 E1',
      irisSymptomCode: 'V10',
      irisDefectCode: null,
      noticedOn: '2026-11-01',
    },
    purchaseProof,
    idempotencyKey: `job-42:warranty-request:${randomUUID()}`,
    ...changes,
  }
}
