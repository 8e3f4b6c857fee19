import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import { XMLParser } from 'fast-xml-parser'
import {
  checkEn16931Totals,
  en16931FiguresOf,
  type En16931Figures,
} from '#invoicing/domain/en16931_totals'
import { amount, ciiXml } from '#invoicing/adapters/facturx/cii_xml'
import { readCii } from '#invoicing/adapters/facturx/cii_reader'
import { FacturXEInvoicing } from '#invoicing/adapters/facturx/facturx_e_invoicing'
import {
  VECTORS,
  aLine,
  anInvoice,
  creditNote,
  discountAndEcoParticipation,
  franchise,
  pricedInclVat,
  repairBonus,
  threeLinesOf1001,
} from '#tests/fixtures/facturx/e_invoices'
import { xsdErrors } from '#tests/fixtures/facturx/xsd'

/*
 * The CII XML of the COMPLIANCE §9 vectors: valid against the official Factur-X 1.09 EN16931 XSD
 * (resources/standards), and its totals, read back from the XML alone, keep BR-CO-10…17.
 */

const AKRETION_SAMPLE = new URL(
  '../../fixtures/facturx/akretion-factur-x-en16931.xml',
  import.meta.url
)

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  parseTagValue: false,
})
/** The XML as a plain object, prefixes dropped, attributes as `@_name`. */
const parsed = (xml: string) => parser.parse(xml).CrossIndustryInvoice

/** The reader leaves out BT-113 and BT-114 when they are 0 in the XML; the model says 0. */
const comparable = (figures: En16931Figures) => ({
  ...figures,
  prepaidCents: figures.prepaidCents ?? 0,
  roundingCents: figures.roundingCents ?? 0,
})

test.group('Factur-X CII XML (EN 16931) of the COMPLIANCE §9 vectors', () => {
  test('{$self}: valid against the Factur-X EN16931 XSD, no totals rule broken')
    .with(VECTORS.map(([name]) => name))
    .run(async ({ assert }, name) => {
      const invoice = VECTORS.find(([label]) => label === name)![1]()
      const xml = ciiXml(invoice)
      assert.deepEqual(await xsdErrors(xml), [])

      const read = readCii(xml)
      assert.equal(read.guideline, 'urn:cen.eu:en16931:2017')
      assert.equal(read.number, invoice.number)
      assert.equal(read.typeCode, invoice.typeCode)
      assert.equal(read.issueDate, invoice.issueDate)
      assert.equal(read.currency, 'EUR')
      assert.deepEqual(checkEn16931Totals(read.figures), [])
      assert.deepEqual(comparable(read.figures), comparable(en16931FiguresOf(invoice)))
    })

  test('the repair invoice reads back 209,90 / 41,98 / 251,88 from the XML', ({ assert }) => {
    const { figures } = readCii(ciiXml(anInvoice()))
    assert.deepEqual(
      [
        figures.lineTotalCents,
        figures.taxBasisCents,
        figures.vatTotalCents,
        figures.grandTotalCents,
        figures.dueCents,
      ],
      [20_990, 20_990, 4198, 25_188, 25_188]
    )
    assert.deepEqual(figures.vatBreakdown, [
      { category: 'S', rate: '20', baseCents: 20_990, vatCents: 4198 },
    ])
    assert.deepEqual(
      figures.lines.map((line) => line.netCents),
      [11_000, 3500, 6490]
    )
  })

  test('three lines of 10,01 €: one VAT amount of 6,01 on 30,03', ({ assert }) => {
    const { figures } = readCii(ciiXml(threeLinesOf1001()))
    assert.deepEqual(figures.vatBreakdown, [
      { category: 'S', rate: '20', baseCents: 3003, vatCents: 601 },
    ])
    assert.equal(figures.grandTotalCents, 3604)
  })

  test('VAT rounded per line (3 × 2,00 = 6,00) is reported as BR-CO-17, from the XML and the model', async ({
    assert,
  }) => {
    const perLine = threeLinesOf1001()
    perLine.vatBreakdown = [
      { vatCategory: 'S', vatRate: '20', baseCents: 3003, vatCents: 600, exemptionReason: null },
    ]
    perLine.totals = { ...perLine.totals, vatCents: 600, grandTotalCents: 3603, dueCents: 3603 }

    const xml = ciiXml(perLine)
    assert.deepEqual(await xsdErrors(xml), [], 'schema-valid: only the arithmetic is wrong')
    const fromXml = checkEn16931Totals(readCii(xml).figures)
    assert.deepEqual(
      fromXml.map((broken) => broken.rule),
      ['BR-CO-17']
    )
    assert.include(fromXml[0].detail, 'expected 601, found 600')
    assert.deepEqual(checkEn16931Totals(en16931FiguresOf(perLine)), fromXml)
  })

  test('each totals rule is caught on its own', ({ assert }) => {
    const good = en16931FiguresOf(anInvoice())
    const rulesOf = (figures: En16931Figures) =>
      checkEn16931Totals(figures).map((broken) => broken.rule)
    assert.deepEqual(rulesOf({ ...good, lineTotalCents: 20_991 }), ['BR-CO-10', 'BR-CO-13'])
    assert.deepEqual(rulesOf({ ...good, taxBasisCents: 20_989 }), ['BR-CO-13', 'BR-CO-15'])
    assert.deepEqual(rulesOf({ ...good, vatTotalCents: 4199 }), ['BR-CO-14', 'BR-CO-15'])
    assert.deepEqual(rulesOf({ ...good, grandTotalCents: 25_189 }), ['BR-CO-15', 'BR-CO-16'])
    assert.deepEqual(rulesOf({ ...good, dueCents: 25_100 }), ['BR-CO-16'])
    assert.deepEqual(rulesOf({ ...good, prepaidCents: 5000, dueCents: 20_188 }), [])
    assert.deepEqual(
      rulesOf({
        ...good,
        vatBreakdown: [{ category: 'S', rate: '20', baseCents: 20_000, vatCents: 4000 }],
        vatTotalCents: 4000,
        grandTotalCents: 24_990,
        roundingCents: 0,
        dueCents: 24_990,
      }),
      ['BR-S-08']
    )
    // Half-up at the half cent: 0,25 € × 10 % = 0,025 € → 0,03 €.
    const quarter = {
      ...good,
      lines: [{ category: 'S', rate: '10', netCents: 25 }],
      lineTotalCents: 25,
      taxBasisCents: 25,
      vatBreakdown: [{ category: 'S', rate: '10', baseCents: 25, vatCents: 3 }],
      vatTotalCents: 3,
      grandTotalCents: 28,
      roundingCents: 0,
      dueCents: 28,
    }
    assert.deepEqual(rulesOf(quarter), [])
    assert.deepEqual(
      rulesOf({
        ...quarter,
        vatBreakdown: [{ category: 'S', rate: '10', baseCents: 25, vatCents: 2 }],
        vatTotalCents: 2,
        grandTotalCents: 27,
        roundingCents: 0,
        dueCents: 27,
      }),
      ['BR-CO-17']
    )
  })

  test('the credit note is type 381 and references FA-2026-000123 of 14/03/2026 (BG-3)', ({
    assert,
  }) => {
    const xml = ciiXml(creditNote())
    const settlement = parsed(xml).SupplyChainTradeTransaction.ApplicableHeaderTradeSettlement
    assert.equal(parsed(xml).ExchangedDocument.TypeCode, '381')
    assert.equal(settlement.InvoiceReferencedDocument.IssuerAssignedID, 'FA-2026-000123')
    assert.equal(
      settlement.InvoiceReferencedDocument.FormattedIssueDateTime.DateTimeString['#text'],
      '20260314'
    )
    assert.equal(
      settlement.SpecifiedTradeSettlementHeaderMonetarySummation.GrandTotalAmount,
      '251.88'
    )
  })

  test('priced incl. VAT: HT net price to four decimals, rounding −0,01 as BT-114', ({
    assert,
  }) => {
    const transaction = parsed(ciiXml(pricedInclVat())).SupplyChainTradeTransaction
    const item = transaction.IncludedSupplyChainTradeLineItem
    assert.equal(item.SpecifiedLineTradeAgreement.NetPriceProductTradePrice.ChargeAmount, '8.3267')
    const summation =
      transaction.ApplicableHeaderTradeSettlement.SpecifiedTradeSettlementHeaderMonetarySummation
    assert.equal(summation.GrandTotalAmount, '29.98')
    assert.equal(summation.RoundingAmount, '-0.01')
    assert.equal(summation.DuePayableAmount, '29.97')
  })

  test('the repair bonus is BT-113: 162,00 − 50,00 = 112,00 due', ({ assert }) => {
    const summation = parsed(ciiXml(repairBonus())).SupplyChainTradeTransaction
      .ApplicableHeaderTradeSettlement.SpecifiedTradeSettlementHeaderMonetarySummation
    assert.equal(summation.GrandTotalAmount, '162.00')
    assert.equal(summation.TotalPrepaidAmount, '50.00')
    assert.equal(summation.DuePayableAmount, '112.00')
  })

  test('a line discount is an allowance and the eco-participation a charge, on the line (BG-27, BG-28)', ({
    assert,
  }) => {
    const transaction = parsed(ciiXml(discountAndEcoParticipation())).SupplyChainTradeTransaction
    const line = transaction.IncludedSupplyChainTradeLineItem[0]
    const agreement = line.SpecifiedLineTradeAgreement
    assert.equal(agreement.GrossPriceProductTradePrice.ChargeAmount, '89.90')
    assert.equal(agreement.NetPriceProductTradePrice.ChargeAmount, '89.90')
    assert.deepEqual(line.SpecifiedLineTradeDelivery.BilledQuantity, {
      '#text': '2',
      '@_unitCode': 'C62',
    })
    const [allowance, charge] = line.SpecifiedLineTradeSettlement.SpecifiedTradeAllowanceCharge
    assert.deepEqual(allowance, {
      ChargeIndicator: { Indicator: 'false' },
      ActualAmount: '17.98',
      ReasonCode: '95',
      Reason: 'Remise',
    })
    assert.deepEqual(charge, {
      ChargeIndicator: { Indicator: 'true' },
      ActualAmount: '3.34',
      Reason: 'Éco-participation',
    })
    assert.equal(
      line.SpecifiedLineTradeSettlement.SpecifiedTradeSettlementLineMonetarySummation
        .LineTotalAmount,
      '165.16'
    )
    assert.deepEqual(
      transaction.IncludedSupplyChainTradeLineItem[1].SpecifiedLineTradeDelivery.BilledQuantity,
      {
        '#text': '0.5',
        '@_unitCode': 'HUR',
      }
    )
    assert.equal(
      parsed(ciiXml(discountAndEcoParticipation())).ExchangedDocumentContext
        .BusinessProcessSpecifiedDocumentContextParameter.ID,
      'M1'
    )
  })

  test('the franchise invoice carries category E at 0 % with the art. 293 B reason (BT-120)', ({
    assert,
  }) => {
    const tax = parsed(ciiXml(franchise())).SupplyChainTradeTransaction
      .ApplicableHeaderTradeSettlement.ApplicableTradeTax
    assert.deepEqual(tax, {
      CalculatedAmount: '0.00',
      TypeCode: 'VAT',
      ExemptionReason: 'TVA non applicable, art. 293 B du CGI',
      BasisAmount: '70.00',
      CategoryCode: 'E',
      RateApplicablePercent: '0',
    })
  })

  test('parties: SIREN scheme 0002, SIRET 0009, VAT VA, BT-33, addresses, IBAN as SEPA transfer 58', ({
    assert,
  }) => {
    const transaction = parsed(ciiXml(anInvoice())).SupplyChainTradeTransaction
    const { SellerTradeParty: seller, BuyerTradeParty: buyer } =
      transaction.ApplicableHeaderTradeAgreement
    assert.deepEqual(seller.GlobalID, { '#text': '73282932000074', '@_schemeID': '0009' })
    assert.deepEqual(seller.SpecifiedLegalOrganization.ID, {
      '#text': '732829320',
      '@_schemeID': '0002',
    })
    assert.deepEqual(seller.SpecifiedTaxRegistration.ID, {
      '#text': 'FR44732829320',
      '@_schemeID': 'VA',
    })
    assert.equal(seller.Description, 'SARL au capital de 8 000 € — RCS Lyon 732 829 320')
    assert.equal(seller.PostalTradeAddress.LineTwo, 'Zone artisanale des Trois Chênes')
    assert.deepEqual(buyer.SpecifiedLegalOrganization.ID, {
      '#text': '552100554',
      '@_schemeID': '0002',
    })
    assert.deepEqual(buyer.URIUniversalCommunication.URIID, {
      '#text': 'compta@tilleuls.example',
      '@_schemeID': 'EM',
    })
    assert.equal(
      transaction.ApplicableHeaderTradeAgreement.BuyerOrderReferencedDocument.IssuerAssignedID,
      'BC-7788'
    )

    const delivery = transaction.ApplicableHeaderTradeDelivery
    assert.equal(delivery.ShipToTradeParty.PostalTradeAddress.CityName, 'Villeurbanne')
    assert.equal(
      delivery.ActualDeliverySupplyChainEvent.OccurrenceDateTime.DateTimeString['#text'],
      '20260312'
    )

    const settlement = transaction.ApplicableHeaderTradeSettlement
    assert.deepEqual(settlement.SpecifiedTradeSettlementPaymentMeans, {
      TypeCode: '58',
      PayeePartyCreditorFinancialAccount: { IBANID: 'FR7630006000011234567890189' },
      PayeeSpecifiedCreditorFinancialInstitution: { BICID: 'AGRIFRPP' },
    })
    assert.equal(
      settlement.SpecifiedTradePaymentTerms.Description,
      'Paiement à 30 jours date de facture'
    )
    assert.equal(
      settlement.SpecifiedTradePaymentTerms.DueDateDateTime.DateTimeString['#text'],
      '20260413'
    )
    assert.deepEqual(
      parsed(ciiXml(anInvoice())).ExchangedDocument.IncludedNote.map(
        (note: { SubjectCode: string }) => note.SubjectCode
      ),
      ['AAB', 'PMD', 'PMT']
    )
  })

  test('a B2C buyer without SIREN nor VAT number, and a seller without IBAN, stay schema-valid', async ({
    assert,
  }) => {
    const invoice = repairBonus()
    invoice.seller = {
      ...invoice.seller,
      iban: null,
      bic: null,
      legalInformation: null,
      siret: null,
    }
    const xml = ciiXml(invoice)
    assert.deepEqual(await xsdErrors(xml), [])
    const { BuyerTradeParty: buyer } =
      parsed(xml).SupplyChainTradeTransaction.ApplicableHeaderTradeAgreement
    assert.notProperty(buyer, 'SpecifiedLegalOrganization')
    assert.notProperty(buyer, 'SpecifiedTaxRegistration')
    assert.notProperty(
      parsed(xml).SupplyChainTradeTransaction.ApplicableHeaderTradeSettlement,
      'SpecifiedTradeSettlementPaymentMeans'
    )
  })

  test('text is escaped and characters XML cannot carry are dropped', async ({ assert }) => {
    const invoice = anInvoice()
    invoice.buyer = { ...invoice.buyer, name: 'Dupont & Fils <SARL> "Réparations"\u0007 \u{1F527}' }
    invoice.lines[0] = { ...invoice.lines[0], name: 'Main-d’œuvre ]]> </ram:Name><evil/>' }
    const xml = ciiXml(invoice)
    assert.deepEqual(await xsdErrors(xml), [])
    const transaction = parsed(xml).SupplyChainTradeTransaction
    assert.equal(
      transaction.ApplicableHeaderTradeAgreement.BuyerTradeParty.Name,
      'Dupont & Fils <SARL> "Réparations" \u{1F527}'
    )
    assert.equal(
      transaction.IncludedSupplyChainTradeLineItem[0].SpecifiedTradeProduct.Name,
      'Main-d’œuvre ]]> </ram:Name><evil/>'
    )
  })

  test('the XSD check does catch elements out of order and amounts that are not numbers', async ({
    assert,
  }) => {
    const xml = ciiXml(anInvoice())
    const swapped = xml.replace(
      '<ram:ID>FA-2026-000123</ram:ID>\n<ram:TypeCode>380</ram:TypeCode>',
      '<ram:TypeCode>380</ram:TypeCode>\n<ram:ID>FA-2026-000123</ram:ID>'
    )
    assert.notEqual(swapped, xml)
    assert.isNotEmpty(await xsdErrors(swapped))
    const notANumber = xml.replace('<ram:GrandTotalAmount>251.88<', '<ram:GrandTotalAmount>251,88<')
    assert.notEqual(notANumber, xml)
    assert.match((await xsdErrors(notANumber)).join('\n'), /GrandTotalAmount/)
  })

  test('a line typed with a negative price is written as a negative quantity (BR-27)', async ({
    assert,
  }) => {
    const invoice = anInvoice()
    invoice.lines.push(
      aLine({ id: '4', name: 'Geste commercial', unitPriceCents: -990, netCents: -990 })
    )
    invoice.vatBreakdown = [
      { vatCategory: 'S', vatRate: '20', baseCents: 20_000, vatCents: 4000, exemptionReason: null },
    ]
    invoice.totals = {
      lineTotalCents: 20_000,
      taxBasisCents: 20_000,
      vatCents: 4000,
      grandTotalCents: 24_000,
      prepaidCents: 0,
      roundingCents: 0,
      dueCents: 24_000,
    }
    const xml = ciiXml(invoice)
    assert.deepEqual(await xsdErrors(xml), [])
    const line = parsed(xml).SupplyChainTradeTransaction.IncludedSupplyChainTradeLineItem[3]
    assert.equal(line.SpecifiedLineTradeAgreement.NetPriceProductTradePrice.ChargeAmount, '9.90')
    assert.equal(line.SpecifiedLineTradeDelivery.BilledQuantity['#text'], '-1')
    assert.equal(
      line.SpecifiedLineTradeSettlement.SpecifiedTradeSettlementLineMonetarySummation
        .LineTotalAmount,
      '-9.90'
    )
    assert.deepEqual(checkEn16931Totals(readCii(xml).figures), [])
  })

  test('amounts: two decimals, a point, no grouping, sign kept', ({ assert }) => {
    assert.deepEqual([0, 5, 100, 123_456, -5, -20_990, 1_234_567_89].map(amount), [
      '0.00',
      '0.05',
      '1.00',
      '1234.56',
      '-0.05',
      '-209.90',
      '1234567.89',
    ])
  })

  test('the port adapter gives the same XML as the writer', ({ assert }) => {
    assert.equal(new FacturXEInvoicing().xml(anInvoice()), ciiXml(anInvoice()))
  })
})

test.group('EN 16931 totals check on a third-party Factur-X (akretion sample)', () => {
  test('the akretion EN16931 sample is schema-valid and keeps every totals rule', async ({
    assert,
  }) => {
    const xml = await readFile(AKRETION_SAMPLE, 'utf8')
    assert.deepEqual(await xsdErrors(xml), [])
    const read = readCii(xml)
    assert.equal(read.number, 'F20260023')
    assert.equal(read.guideline, 'urn:cen.eu:en16931:2017')
    assert.equal(read.figures.lines.length, 3)
    assert.deepEqual(
      [
        read.figures.lineTotalCents,
        read.figures.allowanceTotalCents,
        read.figures.chargeTotalCents,
      ],
      [9500, 900, 1400]
    )
    assert.deepEqual(
      [read.figures.vatTotalCents, read.figures.grandTotalCents, read.figures.dueCents],
      [490, 10_490, 10_490]
    )
    assert.deepEqual(checkEn16931Totals(read.figures), [])
  })

  test('the same sample with one VAT amount off by a cent breaks BR-CO-17 and BR-CO-14', async ({
    assert,
  }) => {
    const xml = await readFile(AKRETION_SAMPLE, 'utf8')
    const figures = readCii(xml).figures
    const tampered = {
      ...figures,
      vatBreakdown: figures.vatBreakdown.map((entry, index) =>
        index === 0 ? { ...entry, vatCents: entry.vatCents + 1 } : entry
      ),
    }
    assert.deepEqual(
      checkEn16931Totals(tampered).map((broken) => broken.rule),
      ['BR-CO-14', 'BR-CO-17']
    )
  })
})
