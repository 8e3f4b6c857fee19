import { test } from '@japa/runner'
import {
  applyDiscount,
  chooseBreak,
  chooseRule,
  fractionToDecimal,
  halfUp,
  lineTotals,
  priceFromGrid,
  roundUp,
  toFraction,
  type PriceRule,
} from '#referentials/domain/pricing'

const rule = (familyId: string | null, minPurchasePriceCents: number, coefficient: string) => ({
  familyId,
  minPurchasePriceCents,
  coefficient,
  name: `${familyId ?? 'all'}≥${minPurchasePriceCents}×${coefficient}`,
})
const quantityBreak = (minQuantity: string, discountPercent: string) => ({
  minQuantity,
  discountPercent,
})

test.group('Pricing: purchase price × coefficient, then rounding', () => {
  test('{purchase} cents × {coefficient} with {rounding} → {expected} cents')
    .with([
      // The worked example: 12,34 € × 1,8 = 22,212 €.
      { purchase: 1234, coefficient: '1.8000', rounding: 'cent', expected: 2221 },
      { purchase: 1234, coefficient: '1.8000', rounding: 'ten_cents', expected: 2230 },
      { purchase: 1234, coefficient: '1.8000', rounding: 'ninety', expected: 2290 },
      { purchase: 1234, coefficient: '1.8000', rounding: 'euro', expected: 2300 },
      // 12,50 € × 1,8 = 22,50 € exactly: on a step, it stays.
      { purchase: 1250, coefficient: '1.8', rounding: 'cent', expected: 2250 },
      { purchase: 1250, coefficient: '1.8', rounding: 'ten_cents', expected: 2250 },
      { purchase: 1250, coefficient: '1.8', rounding: 'ninety', expected: 2290 },
      { purchase: 1250, coefficient: '1.8', rounding: 'euro', expected: 2300 },
      // Half a cent goes up: 12,35 × 1,5 = 18,525; 12,33 × 1,5 = 18,495.
      { purchase: 1235, coefficient: '1.5', rounding: 'cent', expected: 1853 },
      { purchase: 1233, coefficient: '1.5', rounding: 'cent', expected: 1850 },
      // Where floating point fails: 5,35 × 0,5 = 2,675 (2.6749999… as a double) → 2,68.
      { purchase: 535, coefficient: '0.5', rounding: 'cent', expected: 268 },
      // 0,10 × 3 is 0,30, not 0,30000000000000004.
      { purchase: 10, coefficient: '3', rounding: 'cent', expected: 30 },
      // Four-decimal coefficients: 8,99 × 1,4375 = 12,923125 → 12,92, past ,90: 13,90.
      { purchase: 899, coefficient: '1.4375', rounding: 'cent', expected: 1292 },
      { purchase: 899, coefficient: '1.4375', rounding: 'ninety', expected: 1390 },
      // The cent price comes first: 10,00 × 1,0001 = 10,001 → 10,00, already on a ten-cent step.
      { purchase: 1000, coefficient: '1.0001', rounding: 'ten_cents', expected: 1000 },
      { purchase: 1000, coefficient: '1.0001', rounding: 'euro', expected: 1000 },
      // 22,91 € with ninety goes to 23,90 €.
      { purchase: 2291, coefficient: '1', rounding: 'ninety', expected: 2390 },
    ] as const)
    .run(({ assert }, { purchase, coefficient, rounding, expected }) => {
      const price = priceFromGrid({
        purchasePriceCents: purchase,
        familyId: null,
        rules: [rule(null, 0, coefficient)],
        rounding,
        breaks: [],
        quantity: '1',
      })
      assert.strictEqual(price!.unitPriceCents, expected)
      assert.strictEqual(price!.roundedCents, expected)
    })

  test('the exact product is kept for display: 12,34 × 1,8 = 22.212', ({ assert }) => {
    const price = priceFromGrid({
      purchasePriceCents: 1234,
      familyId: null,
      rules: [rule(null, 0, '1.8000')],
      rounding: 'ninety',
      breaks: [],
      quantity: '1',
    })!
    assert.equal(price.exactEuros, '22.212')
    assert.equal(price.centPriceCents, 2221)
    assert.equal(price.roundedCents, 2290)
  })

  test('roundUp({cents}, {rounding}) → {expected}')
    .with([
      { cents: 2290, rounding: 'ninety', expected: 2290 },
      { cents: 2289, rounding: 'ninety', expected: 2290 },
      { cents: 2200, rounding: 'ninety', expected: 2290 },
      { cents: 2291, rounding: 'ninety', expected: 2390 },
      { cents: 2299, rounding: 'ninety', expected: 2390 },
      { cents: 90, rounding: 'ninety', expected: 90 },
      { cents: 0, rounding: 'ninety', expected: 90 },
      { cents: 2230, rounding: 'ten_cents', expected: 2230 },
      { cents: 2231, rounding: 'ten_cents', expected: 2240 },
      { cents: 2239, rounding: 'ten_cents', expected: 2240 },
      { cents: 2300, rounding: 'euro', expected: 2300 },
      { cents: 2301, rounding: 'euro', expected: 2400 },
      { cents: 0, rounding: 'euro', expected: 0 },
      { cents: 2221, rounding: 'cent', expected: 2221 },
    ] as const)
    .run(({ assert }, { cents, rounding, expected }) => {
      assert.strictEqual(roundUp(cents, rounding), expected)
    })

  test('refuses a negative or fractional cent price', ({ assert }) => {
    assert.throws(() => roundUp(-1, 'cent'), /Invalid price/)
    assert.throws(() => roundUp(12.5, 'euro'), /Invalid price/)
  })
})

test.group('Pricing: which rule', () => {
  const rules = [
    rule(null, 0, '2.0000'),
    rule(null, 1000, '1.8000'),
    rule(null, 5000, '1.5000'),
    rule('pumps', 0, '1.9000'),
    rule('pumps', 3000, '1.6000'),
    rule('seals', 2000, '1.7000'),
  ]
  const chosen = (familyId: string | null, cents: number) =>
    chooseRule(rules, familyId, cents)?.name ?? null

  test('the highest band at or below the purchase price, boundaries included', ({ assert }) => {
    assert.equal(chosen(null, 0), 'all≥0×2.0000')
    assert.equal(chosen(null, 999), 'all≥0×2.0000')
    assert.equal(chosen(null, 1000), 'all≥1000×1.8000')
    assert.equal(chosen(null, 4999), 'all≥1000×1.8000')
    assert.equal(chosen(null, 5000), 'all≥5000×1.5000')
  })

  test('a rule of the article’s family beats the family-less rule, even in a lower band', ({
    assert,
  }) => {
    assert.equal(chosen('pumps', 6000), 'pumps≥3000×1.6000')
    assert.equal(chosen('pumps', 2999), 'pumps≥0×1.9000')
    assert.equal(chosen('pumps', 3000), 'pumps≥3000×1.6000')
  })

  test('below every band of its family, the family-less rules apply', ({ assert }) => {
    assert.equal(chosen('seals', 1500), 'all≥1000×1.8000')
    assert.equal(chosen('seals', 2000), 'seals≥2000×1.7000')
    assert.equal(chosen('filters', 1500), 'all≥1000×1.8000')
  })

  test('no rule at all gives no grid price', ({ assert }) => {
    const onlyFamily: PriceRule[] = [rule('pumps', 0, '1.5')]
    assert.isNull(chooseRule(onlyFamily, 'seals', 1000))
    assert.isNull(chooseRule([rule(null, 500, '1.5')], null, 499))
    assert.isNull(
      priceFromGrid({
        purchasePriceCents: 100,
        familyId: null,
        rules: [],
        rounding: 'cent',
        breaks: [],
        quantity: '1',
      })
    )
  })
})

test.group('Pricing: quantity breaks', () => {
  const breaks = [quantityBreak('5.000', '5.00'), quantityBreak('10', '7.50')]

  test('quantity {quantity} → {expected}% off')
    .with([
      { quantity: '1', expected: null },
      { quantity: '4.999', expected: null },
      { quantity: '5', expected: '5.00' },
      { quantity: '9.999', expected: '5.00' },
      { quantity: '10.000', expected: '7.50' },
      { quantity: '250', expected: '7.50' },
    ])
    .run(({ assert }, { quantity, expected }) => {
      assert.strictEqual(chooseBreak(breaks, quantity)?.discountPercent ?? null, expected)
    })

  test('the discount applies to the rounded price, half-up to the cent', ({ assert }) => {
    // 22,90 − 5 % = 21,755 → 21,76; 22,90 − 7,5 % = 21,1825 → 21,18.
    assert.equal(applyDiscount(2290, '5.00'), 2176)
    assert.equal(applyDiscount(2290, '7.50'), 2118)
    assert.equal(applyDiscount(2290, '0'), 2290)
    const price = priceFromGrid({
      purchasePriceCents: 1234,
      familyId: null,
      rules: [rule(null, 0, '1.8')],
      rounding: 'ninety',
      breaks,
      quantity: '5',
    })!
    assert.equal(price.roundedCents, 2290)
    assert.equal(price.quantityBreak?.discountPercent, '5.00')
    assert.equal(price.unitPriceCents, 2176)
  })
})

test.group('Pricing: line totals', () => {
  test('eco-participation bears VAT but no discount; each amount half-up', ({ assert }) => {
    // 3 × 21,76 = 65,28; eco 3 × 0,50 = 1,50; VAT 20 % of 66,78 = 13,356 → 13,36.
    assert.deepEqual(
      lineTotals({
        unitPriceExclVatCents: 2176,
        ecoParticipationCents: 50,
        quantity: '3',
        vatRate: '20.00',
      }),
      { exclVatCents: 6528, ecoParticipationCents: 150, vatCents: 1336, inclVatCents: 8014 }
    )
  })

  test('decimal quantities and reduced rates', ({ assert }) => {
    // 1,5 m × 3,33 = 4,995 → 5,00; VAT 5,5 % of 5,00 = 0,275 → 0,28.
    assert.deepEqual(
      lineTotals({
        unitPriceExclVatCents: 333,
        ecoParticipationCents: 0,
        quantity: '1.500',
        vatRate: '5.50',
      }),
      { exclVatCents: 500, ecoParticipationCents: 0, vatCents: 28, inclVatCents: 528 }
    )
  })
})

test.group('Pricing: exact decimals', () => {
  test('halfUp rounds halves away from zero', ({ assert }) => {
    assert.equal(halfUp(5n, 2n), 3n)
    assert.equal(halfUp(3n, 2n), 2n)
    assert.equal(halfUp(149n, 100n), 1n)
    assert.equal(halfUp(-5n, 2n), -3n)
    assert.equal(halfUp(0n, 7n), 0n)
  })

  test('toFraction reads numeric strings exactly and refuses anything else', ({ assert }) => {
    assert.deepEqual(toFraction('1.8000'), { numerator: 18000n, denominator: 10000n })
    assert.deepEqual(toFraction('-0.5'), { numerator: -5n, denominator: 10n })
    assert.deepEqual(toFraction(12), { numerator: 12n, denominator: 1n })
    for (const invalid of ['', '1,5', '1e3', 'abc', '.5'])
      assert.throws(() => toFraction(invalid), /Not a decimal/)
  })

  test('fractionToDecimal writes the exact value', ({ assert }) => {
    assert.equal(fractionToDecimal({ numerator: 22212000n, denominator: 1000000n }), '22.212')
    assert.equal(fractionToDecimal({ numerator: 5n, denominator: 1000n }), '0.005')
    assert.equal(fractionToDecimal({ numerator: 2300n, denominator: 100n }), '23')
    assert.equal(fractionToDecimal({ numerator: -15n, denominator: 10n }), '-1.5')
  })
})
