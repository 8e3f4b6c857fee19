import { test } from '@japa/runner'
import { invoiceTotals } from '#invoicing/domain/invoice'
import {
  dayAfterMonth,
  previousMonth,
  principalJobHeading,
  principalMonthlyLines,
  sharesByPrincipal,
  type BillableJobLine,
  type PrincipalShare,
} from '#invoicing/domain/job_invoices'

const jobLine = (overrides: Partial<BillableJobLine> = {}): BillableJobLine => ({
  id: `line-${Math.random()}`,
  kind: 'part',
  articleId: null,
  label: 'Joint de hublot',
  quantity: '1',
  unitPriceExclVatCents: 103,
  ecoParticipationCents: 0,
  vatRate: '20.00',
  payer: 'principal',
  ...overrides,
})

const share = (overrides: Partial<PrincipalShare> = {}): PrincipalShare => ({
  jobId: `job-${Math.random()}`,
  jobNumber: 'R2026-00042',
  principalId: 'principal-a',
  principalReference: 'DOS-123',
  deliveredOn: '2026-11-03',
  lines: [jobLine()],
  ...overrides,
})

test.group('Principals monthly: the invoice lines', () => {
  test('heads each job with a text line naming the job, its file and its delivery day', ({
    assert,
  }) => {
    assert.equal(
      principalJobHeading(share()),
      'Intervention R2026-00042 — dossier DOS-123 — livrée le 03/11/2026'
    )
    assert.equal(
      principalJobHeading(share({ principalReference: null, deliveredOn: '2026-12-31' })),
      'Intervention R2026-00042 — livrée le 31/12/2026'
    )
  })

  test("lists each job's principal lines after its heading, and only those", ({ assert }) => {
    const lines = principalMonthlyLines([
      share({
        jobNumber: 'R2026-00001',
        lines: [
          jobLine({ id: 'a1', label: 'Carte', kind: 'part' }),
          jobLine({ id: 'a2', label: 'Réparation client', payer: 'customer' }),
          jobLine({ id: 'a3', label: 'Main-d’œuvre', kind: 'labour', quantity: '1.5' }),
        ],
      }),
      share({ jobNumber: 'R2026-00002', lines: [jobLine({ id: 'b1', kind: 'fee' })] }),
    ])
    assert.deepEqual(
      lines.map((line) => [line.kind, line.jobLineId, line.unit, line.quantity]),
      [
        ['text', null, 'C62', '0'],
        ['article', 'a1', 'C62', '1'],
        ['labour', 'a3', 'HUR', '1.5'],
        ['text', null, 'C62', '0'],
        ['fee', 'b1', 'C62', '1'],
      ]
    )
    assert.match(lines[3].label, /^Intervention R2026-00002 — /)
    assert.equal(lines[0].unitPriceCents, 0)
  })

  test('a job with no principal line adds nothing', ({ assert }) => {
    assert.deepEqual(
      principalMonthlyLines([share({ lines: [jobLine({ payer: 'customer' })] })]),
      []
    )
  })

  test('VAT is computed once per rate over every job of the month (BR-CO-17)', ({ assert }) => {
    // Three jobs of 1.03 € at 20 %: 0.21 € of VAT each if rounded per job (0.63 €), but 0.618 €
    // → 0.62 € on the rate's base of 3.09 €. Plus 12.35 € at 10 %: 1.235 → 1.24 € (half-up).
    const lines = principalMonthlyLines([
      share({ jobNumber: 'R2026-00001' }),
      share({ jobNumber: 'R2026-00002' }),
      share({
        jobNumber: 'R2026-00003',
        lines: [
          jobLine(),
          jobLine({ kind: 'labour', unitPriceExclVatCents: 1235, vatRate: '10.00' }),
        ],
      }),
    ])
    const totals = invoiceTotals('invoice', lines)
    assert.deepEqual(totals.rates, [
      { vatRate: '20', baseCents: 309, vatCents: 62 },
      { vatRate: '10', baseCents: 1235, vatCents: 124 },
    ])
    assert.equal(totals.exclVatCents, 1544)
    assert.equal(totals.vatCents, 186)
    assert.equal(totals.inclVatCents, 1730)
  })
})

test.group('Principals monthly: grouping and months', () => {
  test('groups shares by principal, each in job-number order', ({ assert }) => {
    const groups = sharesByPrincipal([
      share({ principalId: 'a', jobNumber: 'R2026-00003' }),
      share({ principalId: 'b', jobNumber: 'R2026-00002' }),
      share({ principalId: 'a', jobNumber: 'R2026-00001' }),
    ])
    assert.deepEqual(
      groups.map((group) => group.map((entry) => [entry.principalId, entry.jobNumber])),
      [
        [
          ['a', 'R2026-00001'],
          ['a', 'R2026-00003'],
        ],
        [['b', 'R2026-00002']],
      ]
    )
  })

  test('the month before a day, and the first day after a month', ({ assert }) => {
    assert.equal(previousMonth('2026-12-01'), '2026-11')
    assert.equal(previousMonth('2026-01-15'), '2025-12')
    assert.equal(dayAfterMonth('2026-11'), '2026-12-01')
    assert.equal(dayAfterMonth('2026-12'), '2027-01-01')
  })
})
