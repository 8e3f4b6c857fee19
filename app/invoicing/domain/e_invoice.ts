/**
 * An issued invoice or credit note as the EN 16931 semantic model sees it (COMPLIANCE §4): what
 * the Factur-X CII XML is written from. Amounts are integer cents, quantities and rates decimal
 * strings; every total is computed once by the invoicing domain, never again by the writer.
 */

/** 380 invoice, 381 credit note, 386 prepayment (deposit) invoice. */
export type EInvoiceTypeCode = '380' | '381' | '386'

/** VAT category (UNTDID 5305): S standard, Z zero, E exempt, AE reverse charge, O out of scope. */
export type VatCategory = 'S' | 'Z' | 'E' | 'AE' | 'O'

export interface EInvoiceAddress {
  line1: string | null
  line2: string | null
  postcode: string | null
  city: string | null
  /** ISO 3166-1 alpha-2. */
  country: string
}

export interface EInvoiceParty {
  name: string
  /** SIREN (9 digits): legal registration (BT-30 / BT-47, scheme 0002). */
  siren: string | null
  siret: string | null
  vatNumber: string | null
  email: string | null
  address: EInvoiceAddress
}

export interface EInvoiceSeller extends EInvoiceParty {
  /** Legal form and capital, RCS city… as one line (BT-33). */
  legalInformation: string | null
  iban: string | null
  bic: string | null
}

export interface EInvoiceLine {
  /** 1, 2, 3… (BT-126). */
  id: string
  name: string
  /** Decimal string (BT-129). */
  quantity: string
  /** UN/ECE rec. 20: C62 unit, HUR hour. */
  unitCode: string
  /** Gross unit price excl. VAT (BT-148 / BT-146 when no discount). */
  unitPriceCents: number
  /**
   * On a line priced incl. VAT: its HT net ÷ quantity, to four decimals, written as BT-146 and
   * BT-148 instead of `unitPriceCents` (the line then has no allowance nor charge).
   */
  netUnitPrice?: string
  /** Line allowance: the discount on quantity × price (BG-27); never on the eco-participation. */
  allowanceCents: number
  /** Line charge: the WEEE eco-participation × quantity (BG-28). */
  chargeCents: number
  /** quantity × price − allowance + charge, half-up to the cent (BT-131). */
  netCents: number
  vatCategory: VatCategory
  /** Percent, canonical ('20', '5.5', '0'). */
  vatRate: string
}

export interface EInvoiceVatBreakdown {
  vatCategory: VatCategory
  vatRate: string
  /** Sum of the line net amounts of that category and rate (BT-116). */
  baseCents: number
  /** Base × rate, half-up, once per rate (BT-117, BR-CO-17). */
  vatCents: number
  /** Mandatory for E, AE, O (BT-120), e.g. "TVA non applicable, art. 293 B du CGI". */
  exemptionReason: string | null
}

export interface EInvoiceTotals {
  /** Σ line net amounts (BT-106, BR-CO-10). */
  lineTotalCents: number
  /** BT-109 (no document-level allowances or charges: BT-106). */
  taxBasisCents: number
  /** BT-110 = Σ breakdown VAT (BR-CO-14). */
  vatCents: number
  /** BT-112 = BT-109 + BT-110 (BR-CO-15). */
  grandTotalCents: number
  /** BT-114: on a document priced incl. VAT, the cent no HT amount reaches (0 otherwise). */
  roundingCents: number
  /** BT-113: deposits already paid and the repair bonus paid by the eco-organism. */
  prepaidCents: number
  /** BT-115 = BT-112 − BT-113 + BT-114 (BR-CO-16). */
  dueCents: number
}

export interface EInvoice {
  typeCode: EInvoiceTypeCode
  /** At most 35 characters (BT-1). */
  number: string
  /** ISO date YYYY-MM-DD (BT-2). */
  issueDate: string
  /** ISO date, when payment is due (BT-9). */
  dueDate: string | null
  /** Date the service was done or the goods delivered, when it differs (BT-72). */
  deliveryDate: string | null
  currency: 'EUR'
  /** The buyer's order or file reference (BT-13). */
  purchaseOrderReference: string | null
  /** The invoice a credit note corrects (BG-3). */
  precedingInvoice: { number: string; issueDate: string } | null
  /** Goods, services or both: the reform's "nature of the operation". */
  nature: 'goods' | 'services' | 'mixed'
  /**
   * Free notes with their UNTDID 4451 subject code: AAB (no early-payment discount), PMD
   * (late-payment penalties), PMT (40 € recovery fee), REG (seller's legal registration), SUR…
   */
  notes: { subjectCode: string | null; text: string }[]
  /** Payment terms as printed (BT-20). */
  paymentTerms: string | null
  seller: EInvoiceSeller
  buyer: EInvoiceParty
  /** When the service was done elsewhere than the buyer's address (BG-15). */
  deliveryAddress: EInvoiceAddress | null
  lines: EInvoiceLine[]
  vatBreakdown: EInvoiceVatBreakdown[]
  totals: EInvoiceTotals
}
