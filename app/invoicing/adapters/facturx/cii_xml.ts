import type {
  EInvoice,
  EInvoiceAddress,
  EInvoiceLine,
  EInvoiceParty,
  EInvoiceSeller,
  EInvoiceVatBreakdown,
} from '#invoicing/domain/e_invoice'

/**
 * The UN/CEFACT Cross Industry Invoice of an `EInvoice`, Factur-X 1.0 profile EN 16931
 * ("Comfort"). Written by hand rather than through a library's own invoice model: the element
 * order below is the one of the Factur-X 1.09 EN16931 XSD (resources/standards), which the tests
 * validate against; every amount comes from the model, none is recomputed here.
 */

/** BT-24 of the EN16931 profile. */
export const EN16931_GUIDELINE = 'urn:cen.eu:en16931:2017'

/**
 * BT-23, the French reform's "cadre de facturation" for a plain invoice: B1 goods, S1 services,
 * M1 both (XP Z12-012 / external specifications B2B ⚠ check against the current version).
 */
const BUSINESS_PROCESS = { goods: 'B1', services: 'S1', mixed: 'M1' } as const

/**
 * The line allowance is UNTDID 5189 "95" (discount); the eco-participation charge carries its
 * reason text only, which BR-44 accepts without a UNTDID 7161 code.
 */
const DISCOUNT_REASON_CODE = '95'
const DISCOUNT_REASON = 'Remise'
const ECO_PARTICIPATION_REASON = 'Éco-participation'

/** UNTDID 4461: 58 SEPA credit transfer, 30 any other credit transfer. */
const SEPA_COUNTRIES = new Set(
  (
    'AD AT BE BG CH CY CZ DE DK EE ES FI FR GB GI GR HR HU IE IS IT LI LT LU LV MC MT NL NO PL PT ' +
    'RO SE SI SK SM VA'
  ).split(' ')
)

const NAMESPACES =
  'xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" ' +
  'xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" ' +
  'xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" ' +
  'xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"'

export function ciiXml(invoice: EInvoice): string {
  const currency = invoice.currency
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>']
  out.push(`<rsm:CrossIndustryInvoice ${NAMESPACES}>`)

  out.push(
    '<rsm:ExchangedDocumentContext>',
    el(
      'ram:BusinessProcessSpecifiedDocumentContextParameter',
      el('ram:ID', text(BUSINESS_PROCESS[invoice.nature]))
    ),
    el('ram:GuidelineSpecifiedDocumentContextParameter', el('ram:ID', text(EN16931_GUIDELINE))),
    '</rsm:ExchangedDocumentContext>'
  )

  out.push(
    '<rsm:ExchangedDocument>',
    el('ram:ID', text(invoice.number)),
    el('ram:TypeCode', invoice.typeCode),
    el('ram:IssueDateTime', dateTime(invoice.issueDate)),
    ...invoice.notes.map((note) =>
      el(
        'ram:IncludedNote',
        el('ram:Content', text(note.text)) + optional('ram:SubjectCode', note.subjectCode)
      )
    ),
    '</rsm:ExchangedDocument>'
  )

  out.push('<rsm:SupplyChainTradeTransaction>')
  for (const line of invoice.lines) out.push(lineItem(line))

  out.push(
    '<ram:ApplicableHeaderTradeAgreement>',
    sellerParty(invoice.seller),
    buyerParty(invoice.buyer),
    invoice.purchaseOrderReference
      ? el(
          'ram:BuyerOrderReferencedDocument',
          el('ram:IssuerAssignedID', text(invoice.purchaseOrderReference))
        )
      : '',
    '</ram:ApplicableHeaderTradeAgreement>'
  )

  out.push(
    '<ram:ApplicableHeaderTradeDelivery>',
    invoice.deliveryAddress
      ? el('ram:ShipToTradeParty', postalAddress(invoice.deliveryAddress))
      : '',
    invoice.deliveryDate
      ? el(
          'ram:ActualDeliverySupplyChainEvent',
          el('ram:OccurrenceDateTime', dateTime(invoice.deliveryDate))
        )
      : '',
    '</ram:ApplicableHeaderTradeDelivery>'
  )

  out.push(
    '<ram:ApplicableHeaderTradeSettlement>',
    el('ram:InvoiceCurrencyCode', currency),
    paymentMeans(invoice.seller),
    ...invoice.vatBreakdown.map(vatBreakdown),
    paymentTerms(invoice),
    monetarySummation(invoice, currency),
    invoice.precedingInvoice
      ? el(
          'ram:InvoiceReferencedDocument',
          el('ram:IssuerAssignedID', text(invoice.precedingInvoice.number)) +
            el('ram:FormattedIssueDateTime', qualifiedDateTime(invoice.precedingInvoice.issueDate))
        )
      : '',
    '</ram:ApplicableHeaderTradeSettlement>'
  )
  out.push('</rsm:SupplyChainTradeTransaction>', '</rsm:CrossIndustryInvoice>')
  return out.filter(Boolean).join('\n') + '\n'
}

function lineItem(line: EInvoiceLine) {
  // BR-27: a price is never negative. A line typed with a negative price (a free discount line)
  // becomes a negative quantity at the positive price: the same BT-131.
  const negativePrice = line.unitPriceCents < 0
  const price = line.netUnitPrice ?? amount(Math.abs(line.unitPriceCents))
  const quantity = negativePrice ? negated(line.quantity) : line.quantity
  const allowance =
    line.allowanceCents !== 0
      ? el(
          'ram:SpecifiedTradeAllowanceCharge',
          el('ram:ChargeIndicator', el('udt:Indicator', 'false')) +
            el('ram:ActualAmount', amount(line.allowanceCents)) +
            el('ram:ReasonCode', DISCOUNT_REASON_CODE) +
            el('ram:Reason', DISCOUNT_REASON)
        )
      : ''
  const charge =
    line.chargeCents !== 0
      ? el(
          'ram:SpecifiedTradeAllowanceCharge',
          el('ram:ChargeIndicator', el('udt:Indicator', 'true')) +
            el('ram:ActualAmount', amount(line.chargeCents)) +
            el('ram:Reason', text(ECO_PARTICIPATION_REASON))
        )
      : ''
  return el(
    'ram:IncludedSupplyChainTradeLineItem',
    el('ram:AssociatedDocumentLineDocument', el('ram:LineID', text(line.id))) +
      el('ram:SpecifiedTradeProduct', el('ram:Name', text(line.name))) +
      // The discount is a line allowance (BG-27), not a price discount: gross = net price.
      el(
        'ram:SpecifiedLineTradeAgreement',
        el('ram:GrossPriceProductTradePrice', el('ram:ChargeAmount', price)) +
          el('ram:NetPriceProductTradePrice', el('ram:ChargeAmount', price))
      ) +
      el(
        'ram:SpecifiedLineTradeDelivery',
        `<ram:BilledQuantity unitCode="${attribute(line.unitCode)}">${text(quantity)}</ram:BilledQuantity>`
      ) +
      el(
        'ram:SpecifiedLineTradeSettlement',
        el(
          'ram:ApplicableTradeTax',
          el('ram:TypeCode', 'VAT') +
            el('ram:CategoryCode', line.vatCategory) +
            (line.vatCategory === 'O' ? '' : el('ram:RateApplicablePercent', text(line.vatRate)))
        ) +
          allowance +
          charge +
          el(
            'ram:SpecifiedTradeSettlementLineMonetarySummation',
            el('ram:LineTotalAmount', amount(line.netCents))
          )
      )
  )
}

/** BG-4: name, SIRET (BT-29, ICD 0009), SIREN (BT-30, ICD 0002), BT-33, address, e-mail, VAT. */
function sellerParty(seller: EInvoiceSeller) {
  return el(
    'ram:SellerTradeParty',
    partyIdentity(seller, seller.legalInformation) + partyContact(seller)
  )
}

function buyerParty(buyer: EInvoiceParty) {
  return el('ram:BuyerTradeParty', partyIdentity(buyer, null) + partyContact(buyer))
}

function partyIdentity(party: EInvoiceParty, description: string | null) {
  return (
    (party.siret ? `<ram:GlobalID schemeID="0009">${text(party.siret)}</ram:GlobalID>` : '') +
    el('ram:Name', text(party.name)) +
    optional('ram:Description', description) +
    (party.siren
      ? el(
          'ram:SpecifiedLegalOrganization',
          `<ram:ID schemeID="0002">${text(party.siren)}</ram:ID>`
        )
      : '')
  )
}

function partyContact(party: EInvoiceParty) {
  return (
    postalAddress(party.address) +
    (party.email
      ? el(
          'ram:URIUniversalCommunication',
          `<ram:URIID schemeID="EM">${text(party.email)}</ram:URIID>`
        )
      : '') +
    (party.vatNumber
      ? el(
          'ram:SpecifiedTaxRegistration',
          `<ram:ID schemeID="VA">${text(party.vatNumber)}</ram:ID>`
        )
      : '')
  )
}

function postalAddress(address: EInvoiceAddress) {
  return el(
    'ram:PostalTradeAddress',
    optional('ram:PostcodeCode', address.postcode) +
      optional('ram:LineOne', address.line1) +
      optional('ram:LineTwo', address.line2) +
      optional('ram:CityName', address.city) +
      el('ram:CountryID', text(address.country))
  )
}

/** BG-16/BG-17, only with an IBAN: BR-61 wants the account for any credit transfer. */
function paymentMeans(seller: EInvoiceSeller) {
  if (!seller.iban) return ''
  const iban = seller.iban.replace(/\s+/g, '').toUpperCase()
  const code = SEPA_COUNTRIES.has(iban.slice(0, 2)) ? '58' : '30'
  return el(
    'ram:SpecifiedTradeSettlementPaymentMeans',
    el('ram:TypeCode', code) +
      el('ram:PayeePartyCreditorFinancialAccount', el('ram:IBANID', text(iban))) +
      (seller.bic
        ? el(
            'ram:PayeeSpecifiedCreditorFinancialInstitution',
            el('ram:BICID', text(seller.bic.replace(/\s+/g, '').toUpperCase()))
          )
        : '')
  )
}

/** BG-23; BT-120 for the categories that need a reason (BR-E-10, BR-AE-10, BR-O-10). */
function vatBreakdown(entry: EInvoiceVatBreakdown) {
  return el(
    'ram:ApplicableTradeTax',
    el('ram:CalculatedAmount', amount(entry.vatCents)) +
      el('ram:TypeCode', 'VAT') +
      optional('ram:ExemptionReason', entry.exemptionReason) +
      el('ram:BasisAmount', amount(entry.baseCents)) +
      el('ram:CategoryCode', entry.vatCategory) +
      (entry.vatCategory === 'O' ? '' : el('ram:RateApplicablePercent', text(entry.vatRate)))
  )
}

function paymentTerms(invoice: EInvoice) {
  if (!invoice.paymentTerms && !invoice.dueDate) return ''
  return el(
    'ram:SpecifiedTradePaymentTerms',
    optional('ram:Description', invoice.paymentTerms) +
      (invoice.dueDate ? el('ram:DueDateDateTime', dateTime(invoice.dueDate)) : '')
  )
}

/** BG-22. BT-107/BT-108 are left out: the model has no document-level allowance or charge. */
function monetarySummation(invoice: EInvoice, currency: string) {
  const { totals } = invoice
  return el(
    'ram:SpecifiedTradeSettlementHeaderMonetarySummation',
    el('ram:LineTotalAmount', amount(totals.lineTotalCents)) +
      el('ram:TaxBasisTotalAmount', amount(totals.taxBasisCents)) +
      `<ram:TaxTotalAmount currencyID="${attribute(currency)}">${amount(totals.vatCents)}</ram:TaxTotalAmount>` +
      (totals.roundingCents !== 0 ? el('ram:RoundingAmount', amount(totals.roundingCents)) : '') +
      el('ram:GrandTotalAmount', amount(totals.grandTotalCents)) +
      (totals.prepaidCents !== 0 ? el('ram:TotalPrepaidAmount', amount(totals.prepaidCents)) : '') +
      el('ram:DuePayableAmount', amount(totals.dueCents))
  )
}

function negated(decimal: string) {
  const value = decimal.trim()
  if (value.startsWith('-')) return value.slice(1)
  return /^0*(\.0*)?$/.test(value) ? value : `-${value}`
}

function el(name: string, content: string) {
  return `<${name}>${content}</${name}>`
}

function optional(name: string, value: string | null) {
  return value === null || value.trim() === '' ? '' : el(name, text(value))
}

/** YYYY-MM-DD → udt:DateTimeString format 102. */
function dateTime(isoDate: string) {
  return `<udt:DateTimeString format="102">${compactDate(isoDate)}</udt:DateTimeString>`
}

function qualifiedDateTime(isoDate: string) {
  return `<qdt:DateTimeString format="102">${compactDate(isoDate)}</qdt:DateTimeString>`
}

function compactDate(isoDate: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate)
  if (!match) throw new Error(`Not an ISO date: "${isoDate}"`)
  return `${match[1]}${match[2]}${match[3]}`
}

/** Integer cents → "1234.56", "-0.05": two decimals, a point, no grouping (EN 16931 amounts). */
export function amount(cents: number) {
  if (!Number.isSafeInteger(cents)) throw new Error(`Not an amount in cents: ${cents}`)
  const sign = cents < 0 ? '-' : ''
  const absolute = Math.abs(cents)
  return `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`
}

/**
 * Characters XML 1.0 cannot carry at all (controls but tab and line breaks, lone surrogates,
 * U+FFFE/U+FFFF) are dropped; markup characters are escaped.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function text(value: string) {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

function attribute(value: string) {
  return text(value).replace(/"/g, '&quot;')
}
