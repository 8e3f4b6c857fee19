import type { RateTotal } from '#core/domain/vat_breakdown'
import { centsToInput } from '#core/domain/money'
import { fractionToDecimal, halfUp, toFraction } from '#core/domain/decimal'
import type { EInvoice, EInvoiceLine, VatCategory } from '#invoicing/domain/e_invoice'
import {
  TYPE_CODES,
  vatCategoryOf,
  type BuyerSnapshot,
  type InvoiceKind,
  type PriceBasis,
  type PricedLine,
  type SellerSnapshot,
} from '#invoicing/domain/invoice'

/** An issued invoice or credit note as it was frozen: what its e-invoice is written from. */
export interface IssuedFacts {
  kind: InvoiceKind
  number: string
  issuedOn: string
  dueOn: string | null
  serviceDate: string | null
  purchaseOrderRef: string | null
  correctsInvoice: { number: string; issuedOn: string } | null
  nature: 'goods' | 'services' | 'mixed'
  paymentTerms: string | null
  buyer: BuyerSnapshot
  seller: SellerSnapshot
  deliveryAddress: EInvoice['deliveryAddress']
  priceBasis: PriceBasis
  lines: PricedLine[]
  rates: RateTotal[]
  exclVatCents: number
  ecoParticipationCents: number
  vatCents: number
  inclVatCents: number
  roundingCents: number
  prepaidCents: number
  bonusCents: number
  dueCents: number
}

export const FRANCHISE_MENTION = 'TVA non applicable, art. 293 B du CGI'
export const RECOVERY_FEE_MENTION =
  'Indemnité forfaitaire pour frais de recouvrement de 40 € (art. D441-5 du Code de commerce)'

const categoryOf = (rate: string, franchise: boolean): VatCategory =>
  franchise ? 'E' : vatCategoryOf(rate)

/**
 * The EN 16931 view of an issued document. A credit note is written with positive amounts, its
 * type code saying it is a credit (381); the repair bonus and deposits are amounts already paid
 * (BT-113), so what the buyer owes is BT-115.
 */
export function toEInvoice(facts: IssuedFacts): EInvoice {
  const sign = facts.kind === 'credit_note' ? -1 : 1
  const abs = (cents: number) => cents * sign
  const franchise = facts.seller.vatFranchise
  const lines: EInvoiceLine[] = facts.lines
    .filter((line) => line.kind !== 'text')
    .map((line, index) => ({
      id: String(index + 1),
      name: line.label,
      quantity: line.quantity.replace(/^-/, ''),
      unitCode: line.unit,
      vatCategory: categoryOf(line.vatRate, franchise),
      vatRate: String(Number(line.vatRate)),
      netCents: abs(line.exclVatNetCents),
      // Priced TTC, a line has no HT price of its own: its HT net over its quantity stands for it,
      // discount and eco-participation included (they are TTC amounts on the printed invoice).
      ...(facts.priceBasis === 'incl_vat'
        ? {
            unitPriceCents: 0,
            netUnitPrice: unitPriceOf(abs(line.exclVatNetCents), line.quantity),
            allowanceCents: 0,
            chargeCents: 0,
          }
        : {
            unitPriceCents: line.unitPriceCents,
            allowanceCents: abs(line.discountCents),
            chargeCents: abs(line.ecoCents),
          }),
    }))
  const notes: EInvoice['notes'] = []
  if (facts.seller.legalInformation) {
    notes.push({ subjectCode: 'REG', text: facts.seller.legalInformation })
  }
  if (facts.buyer.business) {
    notes.push({ subjectCode: 'AAB', text: facts.seller.earlyPaymentText ?? 'Pas d’escompte' })
    if (facts.seller.latePenaltyText) {
      notes.push({
        subjectCode: 'PMD',
        text: `Pénalités de retard : ${facts.seller.latePenaltyText}`,
      })
    }
    notes.push({ subjectCode: 'PMT', text: RECOVERY_FEE_MENTION })
  }
  if (facts.seller.vatOnDebits) {
    notes.push({
      subjectCode: 'TXD',
      text: 'Option pour le paiement de la taxe d’après les débits',
    })
  }
  if (facts.bonusCents > 0) {
    notes.push({
      subjectCode: 'AAI',
      text: `Bonus réparation déduit : ${centsToInput(facts.bonusCents)} €`,
    })
  }
  return {
    typeCode: TYPE_CODES[facts.kind],
    number: facts.number,
    issueDate: facts.issuedOn,
    dueDate: facts.dueOn,
    deliveryDate: facts.serviceDate,
    currency: 'EUR',
    purchaseOrderReference: facts.purchaseOrderRef,
    precedingInvoice: facts.correctsInvoice && {
      number: facts.correctsInvoice.number,
      issueDate: facts.correctsInvoice.issuedOn,
    },
    nature: facts.nature,
    notes,
    paymentTerms: facts.paymentTerms,
    seller: {
      name: facts.seller.name,
      siren: facts.seller.siren,
      siret: facts.seller.siret,
      vatNumber: facts.seller.vatNumber,
      email: facts.seller.email,
      address: facts.seller.address,
      legalInformation: facts.seller.legalInformation,
      iban: facts.seller.iban,
      bic: facts.seller.bic,
    },
    buyer: {
      name: facts.buyer.name,
      siren: facts.buyer.siren,
      siret: facts.buyer.siret,
      vatNumber: facts.buyer.vatNumber,
      email: facts.buyer.email,
      address: facts.buyer.address,
    },
    deliveryAddress: facts.deliveryAddress,
    lines,
    vatBreakdown: facts.rates.map((rate) => {
      const vatCategory = categoryOf(rate.vatRate, franchise)
      return {
        vatCategory,
        vatRate: String(Number(rate.vatRate)),
        baseCents: abs(rate.baseCents),
        vatCents: abs(rate.vatCents),
        exemptionReason: vatCategory === 'E' ? FRANCHISE_MENTION : null,
      }
    }),
    totals: {
      lineTotalCents: abs(facts.exclVatCents + facts.ecoParticipationCents),
      taxBasisCents: abs(facts.exclVatCents + facts.ecoParticipationCents),
      vatCents: abs(facts.vatCents),
      grandTotalCents: abs(facts.inclVatCents),
      roundingCents: abs(facts.roundingCents),
      prepaidCents: facts.prepaidCents + facts.bonusCents,
      dueCents: abs(facts.dueCents),
    },
  }
}

/** An amount over a quantity to four decimals, half-up ("8.3267"): BT-146 of a TTC-priced line. */
function unitPriceOf(cents: number, quantity: string) {
  const count = toFraction(quantity.replace(/^-/, ''))
  const tenThousandths = halfUp(BigInt(cents) * 100n * count.denominator, count.numerator)
  return fractionToDecimal({ numerator: tenThousandths, denominator: 10000n })
}
