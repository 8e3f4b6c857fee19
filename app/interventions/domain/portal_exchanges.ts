/**
 * Exchanges with the manufacturers' portal: one per call we owe it (accept a mandate, report a
 * status code, submit a warranty request or a claim), kept until the portal has answered. How a
 * failure is handled is decided here: what may heal is tried again later, what the portal refused
 * waits for a person.
 */

import type { ApplianceType } from '#referentials/domain/appliance_types'

export const EXCHANGE_OPERATIONS = [
  'accept_mandate',
  'report_status',
  'submit_warranty',
  'transmit_warranty',
  'submit_claim',
] as const
export type ExchangeOperation = (typeof EXCHANGE_OPERATIONS)[number]

/**
 * `pending`: to do (again) from `next_attempt_at`; `done`: the portal answered yes; `failed`: the
 * portal said no or answered nonsense, a person must look; `dead`: it stayed unreachable too long.
 */
export const EXCHANGE_STATUSES = ['pending', 'done', 'failed', 'dead'] as const
export type ExchangeStatus = (typeof EXCHANGE_STATUSES)[number]

export interface RetryPolicy {
  firstDelaySeconds: number
  maxDelaySeconds: number
  /** Attempts in all before an exchange the portal never answered is given up. */
  maxAttempts: number
}

/** 1, 2, 4 … minutes between attempts, at most an hour; given up after a day or so. */
export const RETRY_POLICY: RetryPolicy = {
  firstDelaySeconds: 60,
  maxDelaySeconds: 3600,
  maxAttempts: 30,
}

/**
 * How long an exchange being worked on is kept from other instances. Longer than a call with its
 * own retries can take (timeouts of 10 to 25 s, three attempts): an instance that died mid-call
 * leaves the exchange to be picked up again once this has passed.
 */
export const CLAIM_LEASE_SECONDS = 300

/** The pause after the `attempts`-th failed attempt. */
export function retryDelaySeconds(attempts: number, policy: RetryPolicy = RETRY_POLICY) {
  const doublings = Math.max(0, attempts - 1)
  // Past 2^20 the cap is reached anyway; the guard keeps the power finite.
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** Math.min(doublings, 20))
}

/** What a failed attempt leads to. */
export type AfterFailure =
  { status: 'pending'; retryInSeconds: number } | { status: 'failed' } | { status: 'dead' }

/**
 * Transient failures (the portal unreachable, too slow, overloaded) are tried again with a
 * growing pause until the policy gives up; anything else (refused, unknown, unreadable answer)
 * would fail the same way again, so it stops and shows.
 */
export function afterFailure(
  failure: 'unavailable' | 'rejected' | 'not_found' | 'malformed' | 'incomplete',
  attempts: number,
  policy: RetryPolicy = RETRY_POLICY
): AfterFailure {
  if (failure !== 'unavailable') return { status: 'failed' }
  if (attempts >= policy.maxAttempts) return { status: 'dead' }
  return { status: 'pending', retryInSeconds: retryDelaySeconds(attempts, policy) }
}

/** Statuses a person can send again by hand ("retry now"). */
export function canRetryByHand(status: ExchangeStatus) {
  return status === 'failed' || status === 'dead'
}

const PRODUCT_TYPES: Record<string, ApplianceType> = {
  'lave-linge': 'washing_machine',
  'lavante-sechante': 'washer_dryer',
  'lave-linge sechant': 'washer_dryer',
  'seche-linge': 'dryer',
  'lave-vaisselle': 'dishwasher',
  'refrigerateur': 'fridge',
  'refrigerateur-congelateur': 'fridge_freezer',
  'combine': 'fridge_freezer',
  'congelateur': 'freezer',
  'cave a vin': 'wine_cooler',
  'four': 'oven',
  'cuisiniere': 'cooker',
  'table de cuisson': 'hob',
  'plaque de cuisson': 'hob',
  'hotte': 'hood',
  'micro-ondes': 'microwave',
  'machine a cafe': 'coffee_machine',
  'expresso': 'coffee_machine',
  'aspirateur': 'vacuum_cleaner',
}

/**
 * Our appliance type for the product type the portal names in French ("Lave-linge"). A type we do
 * not list becomes a small appliance: the model is still created and can be corrected.
 */
export function applianceTypeFromPortal(productType: string): ApplianceType {
  const key = productType
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase()
  return PRODUCT_TYPES[key] ?? 'small_appliance'
}
