import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { XMLParser } from 'fast-xml-parser'
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  decodePDFRawStream,
} from 'pdf-lib'
import { PdfRenderer } from '#core/application/pdf_renderer'
import { EInvoicing } from '#invoicing/application/e_invoicing'
import type { EInvoice } from '#invoicing/domain/e_invoice'
import { checkEn16931Totals } from '#invoicing/domain/en16931_totals'
import { FacturXEInvoicing } from '#invoicing/adapters/facturx/facturx_e_invoicing'
import { readCii } from '#invoicing/adapters/facturx/cii_reader'
import { anInvoice, creditNote } from '#tests/fixtures/facturx/e_invoices'
import { xsdErrors } from '#tests/fixtures/facturx/xsd'
import { readPdf } from '#tests/support/pdf'

/*
 * A real PDF from the app's renderer (Chromium), made a Factur-X, then read back with pdf-lib and
 * pdf.js (unpdf): the attachment, the catalog entries PDF/A-3 and Factur-X ask for, the XMP.
 */

/** A one-page A4 invoice as the print views make them: self-contained HTML, inline CSS. */
function invoiceHtml(invoice: EInvoice) {
  const rows = invoice.lines
    .map(
      (line) =>
        `<tr><td>${line.name}</td><td>${line.quantity}</td><td>${euros(line.netCents)}</td></tr>`
    )
    .join('')
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Facture ${invoice.number}</title>
<style>@page { size: A4; margin: 15mm } body { font-family: sans-serif; font-size: 11pt; color: #1f4e79 }
table { width: 100%; border-collapse: collapse } td { border-bottom: 1px solid #ccc; padding: 4px }</style></head>
<body><h1>Facture ${invoice.number}</h1><p>${invoice.seller.name} — SIREN ${invoice.seller.siren}</p>
<p>Client : ${invoice.buyer.name}</p><table>${rows}</table>
<p>Total TTC : ${euros(invoice.totals.grandTotalCents)}</p></body></html>`
}

/** 25188 → "251,88 €" as the printed invoice shows it (no grouping needed at these amounts). */
const euros = (cents: number) =>
  `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')} €`

async function facturXOf(invoice: EInvoice) {
  const renderer = await app.container.make(PdfRenderer)
  const pdf = await renderer.render(invoiceHtml(invoice))
  const eInvoicing = new FacturXEInvoicing()
  const started = performance.now()
  const facturX = await eInvoicing.facturX(pdf, invoice)
  return { pdf, facturX, xml: eInvoicing.xml(invoice), milliseconds: performance.now() - started }
}

/** The Names → EmbeddedFiles entries of a PDF: file name → file specification. */
function embeddedFiles(document: PDFDocument) {
  const tree = document.catalog
    .lookup(PDFName.of('Names'), PDFDict)
    .lookup(PDFName.of('EmbeddedFiles'), PDFDict)
    .lookup(PDFName.of('Names'), PDFArray)
  const files = new Map<string, PDFDict>()
  for (let index = 0; index < tree.size(); index += 2) {
    const name = tree.lookup(index)
    const key = name instanceof PDFString || name instanceof PDFHexString ? name.decodeText() : '?'
    files.set(key, tree.lookup(index + 1, PDFDict))
  }
  return files
}

function rawStream(dict: PDFDict, key: string) {
  const value = dict.lookup(PDFName.of(key))
  if (!(value instanceof PDFRawStream)) throw new Error(`/${key} is not a stream`)
  return value
}

function streamBytes(stream: PDFRawStream) {
  return decodePDFRawStream(stream).decode()
}

/** What pdf.js finds attached to a PDF: file name → text. */
async function pdfJsAttachments(bytes: Uint8Array) {
  const { document } = await readPdf(bytes)
  const found = new Map<string, string>()
  for (const [id, attachment] of (await document.getAttachments()) ?? []) {
    const content = attachment.content ?? (await document.getAttachmentContent(id))
    found.set(attachment.filename, new TextDecoder().decode(content ?? new Uint8Array()))
  }
  return found
}

const xmpParser = new XMLParser({ ignoreAttributes: false, parseTagValue: false })

test.group('Factur-X PDF (real Chromium PDF, pdf-lib embedding)', () => {
  test('embeds factur-x.xml as an associated file, listed in /AF and in EmbeddedFiles', async ({
    assert,
  }) => {
    const invoice = anInvoice()
    const { facturX, xml, milliseconds } = await facturXOf(invoice)
    console.log(`      facturX() on a one-page A4 PDF: ${milliseconds.toFixed(1)} ms (first call)`)
    const document = await PDFDocument.load(facturX, { updateMetadata: false })

    const fileSpec = embeddedFiles(document).get('factur-x.xml')
    assert.exists(fileSpec)
    assert.deepEqual([...embeddedFiles(document).keys()], ['factur-x.xml'])
    assert.equal(fileSpec!.lookup(PDFName.of('Type')), PDFName.of('Filespec'))
    assert.equal(fileSpec!.lookup(PDFName.of('AFRelationship')), PDFName.of('Alternative'))
    assert.equal(fileSpec!.lookup(PDFName.of('UF'), PDFHexString).decodeText(), 'factur-x.xml')
    const stream = rawStream(fileSpec!.lookup(PDFName.of('EF'), PDFDict), 'F')
    assert.equal(stream.dict.lookup(PDFName.of('Subtype')), PDFName.of('text/xml'))
    assert.exists(stream.dict.lookup(PDFName.of('Params'), PDFDict).get(PDFName.of('ModDate')))
    assert.equal(new TextDecoder().decode(streamBytes(stream)), xml)

    const associated = document.catalog.lookup(PDFName.of('AF'), PDFArray)
    assert.equal(associated.size(), 1)
    assert.strictEqual(associated.lookup(0, PDFDict), fileSpec)

    // The embedded XML is the invoice: its totals hold, read back from the PDF alone.
    const embeddedXml = new TextDecoder().decode(streamBytes(stream))
    assert.deepEqual(await xsdErrors(embeddedXml), [])
    const embedded = readCii(embeddedXml)
    assert.equal(embedded.number, 'FA-2026-000123')
    assert.equal(embedded.figures.grandTotalCents, 25_188)
    assert.deepEqual(checkEn16931Totals(embedded.figures), [])
  })

  test('pdf.js sees the attachment and still extracts the printed text', async ({ assert }) => {
    const { facturX, xml } = await facturXOf(anInvoice())
    const pdf = await readPdf(facturX)
    assert.equal(pdf.pages, 1)
    assert.include(pdf.text, 'Facture FA-2026-000123')
    assert.include(pdf.text, 'Total TTC : 251,88 €')
    const attachments = await pdfJsAttachments(facturX)
    assert.deepEqual([...attachments.keys()], ['factur-x.xml'])
    assert.equal(attachments.get('factur-x.xml'), xml)
  })

  test('has an sRGB output intent, PDF/A-3b and Factur-X EN 16931 XMP matching the Info dictionary', async ({
    assert,
  }) => {
    const invoice = anInvoice()
    const { facturX } = await facturXOf(invoice)
    const document = await PDFDocument.load(facturX, { updateMetadata: false })
    assert.equal(new TextDecoder().decode(facturX.subarray(0, 8)), '%PDF-1.7')

    const intents = document.catalog.lookup(PDFName.of('OutputIntents'), PDFArray)
    assert.equal(intents.size(), 1)
    const intent = intents.lookup(0, PDFDict)
    assert.equal(intent.lookup(PDFName.of('S')), PDFName.of('GTS_PDFA1'))
    assert.equal(
      intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).decodeText(),
      'sRGB IEC61966-2.1'
    )
    const profileStream = rawStream(intent, 'DestOutputProfile')
    assert.equal(profileStream.dict.get(PDFName.of('N'))?.toString(), '3')
    const profile = streamBytes(profileStream)
    const ascii = (from: number, to: number) => new TextDecoder().decode(profile.subarray(from, to))
    assert.deepEqual(
      [ascii(12, 16), ascii(16, 20), ascii(20, 24), ascii(36, 40)],
      ['mntr', 'RGB ', 'XYZ ', 'acsp']
    )
    assert.equal(new DataView(profile.buffer, profile.byteOffset).getUint32(0), profile.length)

    const metadata = rawStream(document.catalog, 'Metadata')
    assert.equal(metadata.dict.lookup(PDFName.of('Subtype')), PDFName.of('XML'))
    assert.notExists(metadata.dict.get(PDFName.of('Filter')), 'PDF/A: metadata unfiltered')
    const xmp = new TextDecoder().decode(metadata.getContents())
    assert.match(xmp, /^<\?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"\?>/)
    assert.match(xmp, /<\?xpacket end="w"\?>$/)
    const descriptions: Record<string, unknown>[] =
      xmpParser.parse(xmp)['x:xmpmeta']['rdf:RDF']['rdf:Description']
    const property = (name: string) =>
      descriptions.find((description) => name in description)?.[name]
    assert.equal(property('pdfaid:part'), '3')
    assert.equal(property('pdfaid:conformance'), 'B')
    assert.equal(property('fx:DocumentType'), 'INVOICE')
    assert.equal(property('fx:DocumentFileName'), 'factur-x.xml')
    assert.equal(property('fx:Version'), '1.0')
    assert.equal(property('fx:ConformanceLevel'), 'EN 16931')
    assert.include(
      xmp,
      '<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>'
    )
    assert.include(xmp, '<pdfaSchema:prefix>fx</pdfaSchema:prefix>')

    // PDF/A: the Info dictionary and the XMP say the same thing.
    const title = (property('dc:title') as any)['rdf:Alt']['rdf:li']['#text']
    assert.equal(title, 'Facture FA-2026-000123')
    assert.equal(document.getTitle(), title)
    assert.equal(document.getAuthor(), invoice.seller.name)
    assert.equal((property('dc:creator') as any)['rdf:Seq']['rdf:li'], invoice.seller.name)
    assert.equal(document.getProducer(), property('pdf:Producer'))
    assert.equal(document.getCreator(), property('xmp:CreatorTool'))
    assert.equal(
      document.getCreationDate()?.toISOString().slice(0, 19),
      String(property('xmp:CreateDate')).slice(0, 19)
    )
    assert.equal(
      document.getModificationDate()?.toISOString().slice(0, 19),
      String(property('xmp:ModifyDate')).slice(0, 19)
    )

    const trailer = new TextDecoder('latin1').decode(facturX.subarray(facturX.length - 400))
    assert.match(trailer, /\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/)
  })

  test('the same input gives the same bytes; a credit note gets its own XML', async ({
    assert,
  }) => {
    const invoice = anInvoice()
    const { pdf, facturX } = await facturXOf(invoice)
    const eInvoicing = new FacturXEInvoicing()
    const again = await eInvoicing.facturX(pdf, invoice)
    assert.isTrue(Buffer.from(again).equals(Buffer.from(facturX)))

    const credit = creditNote()
    const creditPdf = await eInvoicing.facturX(pdf, credit)
    const read = readCii((await pdfJsAttachments(creditPdf)).get('factur-x.xml')!)
    assert.equal(read.typeCode, '381')
    assert.equal(read.number, 'AV-2026-000004')
  })

  test('made again from a Factur-X, the PDF carries only the new XML', async ({ assert }) => {
    const { facturX } = await facturXOf(anInvoice())
    const eInvoicing = new FacturXEInvoicing()
    const twice = await eInvoicing.facturX(facturX, creditNote())
    const document = await PDFDocument.load(twice, { updateMetadata: false })
    assert.equal(document.catalog.lookup(PDFName.of('AF'), PDFArray).size(), 1)
    assert.deepEqual([...embeddedFiles(document).keys()], ['factur-x.xml'])
    assert.equal((await pdfJsAttachments(twice)).get('factur-x.xml'), eInvoicing.xml(creditNote()))
  })

  test('EInvoicing is a port the adapter implements', ({ assert }) => {
    assert.isTrue(new FacturXEInvoicing() instanceof EInvoicing)
  })
})
