import { createHash } from 'node:crypto'
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
} from 'pdf-lib'
import { text as escapeXml } from '#invoicing/adapters/facturx/cii_xml'
import { srgbIccProfile } from '#invoicing/adapters/facturx/srgb_icc'

/**
 * Turns the PDF Chromium printed into a Factur-X: a PDF/A-3b carrying the CII XML as
 * `factur-x.xml`. pdf-lib rewrites the file (a few milliseconds: streams are copied, not
 * re-encoded) and adds what PDF/A-3 and Factur-X 1.0 ask for: the embedded file with its MIME type
 * and AFRelationship, listed in the catalog's /AF and in the EmbeddedFiles name tree; the XMP
 * metadata (PDF/A identification, the Factur-X extension schema, and the same title, author,
 * producer and dates as the Info dictionary); an sRGB output intent; a document ID. Nothing
 * depends on the clock: the same input bytes always give the same output bytes.
 */

export const FACTURX_FILE_NAME = 'factur-x.xml'

export type FacturXConformanceLevel = 'MINIMUM' | 'BASIC WL' | 'BASIC' | 'EN 16931' | 'EXTENDED'

export interface FacturXMetadata {
  /** The document title when the PDF has none (Chromium copies the HTML `<title>`). */
  title: string
  /** The seller: dc:creator and /Author. */
  author: string
  /** Used when the PDF carries no creation date, as YYYY-MM-DD (midnight UTC). */
  fallbackDate: string
  conformanceLevel?: FacturXConformanceLevel
}

const PRODUCER_SUFFIX = 'Agoserve Factur-X (pdf-lib)'
const CREATOR_TOOL = 'Agoserve'

export async function embedFacturX(
  pdf: Uint8Array,
  xml: string,
  metadata: FacturXMetadata
): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false })
  const { context, catalog } = document
  const xmlBytes = new TextEncoder().encode(xml)
  const digest = createHash('sha256').update(pdf).update(xmlBytes).digest()

  const created = document.getCreationDate() ?? new Date(`${metadata.fallbackDate}T00:00:00Z`)
  const modified = document.getModificationDate() ?? created
  const title = document.getTitle()?.trim() || metadata.title
  const producer = [document.getProducer(), PRODUCER_SUFFIX].filter(Boolean).join('; ')
  const info = {
    title,
    author: metadata.author,
    creatorTool: CREATOR_TOOL,
    producer,
    created,
    modified,
    documentId: uuidFrom(digest),
    conformanceLevel: metadata.conformanceLevel ?? 'EN 16931',
  }

  // PDF/A-3 is built on PDF 1.7; Chromium writes a 1.4 header.
  context.header = PDFHeader.forVersion(1, 7)

  // Info dictionary: written afresh (in place of Chromium's) so that it says what the XMP says.
  const infoDict = context.obj({
    Title: PDFHexString.fromText(info.title),
    Author: PDFHexString.fromText(info.author),
    Creator: PDFHexString.fromText(info.creatorTool),
    Producer: PDFHexString.fromText(info.producer),
    CreationDate: PDFString.of(pdfDate(info.created)),
    ModDate: PDFString.of(pdfDate(info.modified)),
  })
  const infoRef = context.trailerInfo.Info
  if (infoRef instanceof PDFRef) context.assign(infoRef, infoDict)
  else context.trailerInfo.Info = context.register(infoDict)

  const embeddedFile = context.flateStream(xmlBytes, {
    Type: 'EmbeddedFile',
    Subtype: 'text/xml',
    Params: { Size: xmlBytes.length, ModDate: PDFString.of(pdfDate(info.modified)) },
  })
  const embeddedFileRef = context.register(embeddedFile)
  const fileSpecRef = context.register(
    context.obj({
      Type: 'Filespec',
      F: PDFString.of(FACTURX_FILE_NAME),
      UF: PDFHexString.fromText(FACTURX_FILE_NAME),
      EF: { F: embeddedFileRef, UF: embeddedFileRef },
      Desc: PDFString.of('Factur-X invoice'),
      // The XML is a full alternative representation of the invoice (EN 16931 profile).
      AFRelationship: 'Alternative',
    })
  )
  addToNameTree(document, fileSpecRef)
  // A PDF that already was a Factur-X keeps its other associated files, not its old XML.
  const associatedFiles = (catalog.lookupMaybe(PDFName.of('AF'), PDFArray)?.asArray() ?? []).filter(
    (entry) => fileName(context.lookup(entry)) !== FACTURX_FILE_NAME
  )
  catalog.set(PDFName.of('AF'), context.obj([...associatedFiles, fileSpecRef]))

  const profile = context.flateStream(srgbIccProfile(), { N: 3 })
  catalog.set(
    PDFName.of('OutputIntents'),
    context.obj([
      context.obj({
        Type: 'OutputIntent',
        S: 'GTS_PDFA1',
        OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
        RegistryName: PDFString.of('http://www.color.org'),
        Info: PDFString.of('sRGB IEC61966-2.1'),
        DestOutputProfile: context.register(profile),
      }),
    ])
  )

  // PDF/A wants metadata streams unfiltered.
  const xmp = context.stream(new TextEncoder().encode(xmpPacket(info)), {
    Type: 'Metadata',
    Subtype: 'XML',
  })
  catalog.set(PDFName.of('Metadata'), context.register(xmp))
  markAnnotationsPrintable(document)

  const id = PDFHexString.of(digest.subarray(0, 16).toString('hex').toUpperCase())
  context.trailerInfo.ID = context.obj([id, id])

  return document.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
  })
}

/** The catalog's EmbeddedFiles name tree, keeping attachments already there (names sorted). */
function addToNameTree(document: PDFDocument, fileSpecRef: PDFRef) {
  const { context, catalog } = document
  let names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict)
  if (!names) {
    names = context.obj({})
    catalog.set(PDFName.of('Names'), names)
  }
  const existing = names.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict)
  const entries: Array<[string, unknown]> = []
  const pairs = existing?.lookupMaybe(PDFName.of('Names'), PDFArray)
  for (let index = 0; pairs && index + 1 < pairs.size(); index += 2) {
    const key = pairs.lookup(index)
    const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : ''
    if (name !== FACTURX_FILE_NAME) entries.push([name, pairs.get(index + 1)])
  }
  entries.push([FACTURX_FILE_NAME, fileSpecRef])
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const flat = entries.flatMap(([name, value]) => [PDFString.of(name), value])
  names.set(PDFName.of('EmbeddedFiles'), context.obj({ Names: context.obj(flat as never[]) }))
}

function fileName(fileSpec: unknown) {
  if (!(fileSpec instanceof PDFDict)) return null
  const name = fileSpec.lookup(PDFName.of('UF')) ?? fileSpec.lookup(PDFName.of('F'))
  return name instanceof PDFString || name instanceof PDFHexString ? name.decodeText() : null
}

/** PDF/A: every annotation prints (flag 3) and none is hidden (flags 1, 2, 6). */
function markAnnotationsPrintable(document: PDFDocument) {
  for (const page of document.getPages()) {
    const annotations = page.node.Annots()
    for (let index = 0; annotations && index < annotations.size(); index++) {
      const annotation = annotations.lookupMaybe(index, PDFDict)
      if (!annotation) continue
      const flags = annotation.lookupMaybe(PDFName.of('F'), PDFNumber)?.asNumber() ?? 0
      annotation.set(PDFName.of('F'), PDFNumber.of((flags | 4) & ~(1 | 2 | 32)))
    }
  }
}

interface XmpInfo {
  title: string
  author: string
  creatorTool: string
  producer: string
  created: Date
  modified: Date
  documentId: string
  conformanceLevel: FacturXConformanceLevel
}

const FX_NAMESPACE = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#'

const FX_PROPERTIES: Array<[string, string]> = [
  ['DocumentFileName', 'The name of the embedded XML document'],
  ['DocumentType', 'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER'],
  ['Version', 'The actual version of the standard applying to the embedded XML document'],
  ['ConformanceLevel', 'The conformance level of the embedded XML document'],
]

function xmpPacket(info: XmpInfo) {
  const created = xmpDate(info.created)
  const modified = xmpDate(info.modified)
  const properties = FX_PROPERTIES.map(
    ([name, description]) => `
          <rdf:li rdf:parseType="Resource">
           <pdfaProperty:name>${name}</pdfaProperty:name>
           <pdfaProperty:valueType>Text</pdfaProperty:valueType>
           <pdfaProperty:category>external</pdfaProperty:category>
           <pdfaProperty:description>${description}</pdfaProperty:description>
          </rdf:li>`
  ).join('')
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${escapeXml(info.author)}</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>${escapeXml(info.producer)}</pdf:Producer>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>${escapeXml(info.creatorTool)}</xmp:CreatorTool>
   <xmp:CreateDate>${created}</xmp:CreateDate>
   <xmp:ModifyDate>${modified}</xmp:ModifyDate>
   <xmp:MetadataDate>${modified}</xmp:MetadataDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <xmpMM:DocumentID>uuid:${info.documentId}</xmpMM:DocumentID>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>${FX_NAMESPACE}</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>fx</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>${properties}
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:fx="${FX_NAMESPACE}">
   <fx:DocumentType>INVOICE</fx:DocumentType>
   <fx:DocumentFileName>${FACTURX_FILE_NAME}</fx:DocumentFileName>
   <fx:Version>1.0</fx:Version>
   <fx:ConformanceLevel>${info.conformanceLevel}</fx:ConformanceLevel>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}

/** D:YYYYMMDDHHmmSS+00'00' (UTC, as the XMP date below). */
function pdfDate(date: Date) {
  const iso = date.toISOString()
  return `D:${iso.slice(0, 19).replace(/[-T:]/g, '')}+00'00'`
}

/** YYYY-MM-DDTHH:mm:ss+00:00. */
function xmpDate(date: Date) {
  return `${date.toISOString().slice(0, 19)}+00:00`
}

/** A UUID-shaped identifier from the content's digest. */
function uuidFrom(digest: Buffer) {
  const hex = digest.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
