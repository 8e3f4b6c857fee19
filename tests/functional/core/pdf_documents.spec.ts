import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { FileStorage } from '#core/application/file_storage'
import { DocumentIdentities } from '#core/application/document_identity'
import { DocumentPrinter } from '#core/application/document_printer'
import { sampleDocument } from '#core/http/sample_document'
import i18nManager from '@adonisjs/i18n/services/main'
import { WebClient, textOf } from '#tests/support/web_client'
import { aUser, ownerDb, signedInStaff } from '#tests/support/mothers'
import { aPng, pdfImages, readPdf } from '#tests/support/pdf'

/** A shop with the identity a document prints: legal name, address, SIRET, VAT number, phone. */
const identity = () => ({
  siret: '73282932000074',
  vat_number: 'FR44732829320',
  address_line1: '8 rue de la Paix',
  postcode: '69002',
  city: 'Lyon',
  phone: '+33472000000',
  email: 'atelier@example.test',
})

/** A PDF route's response as bytes (WebClient reads bodies as text), with the client's cookies. */
async function fetchPdf(client: WebClient, path: string) {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  const response = await fetch(client.base + path, { headers: { cookie } })
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) }
}

function uploadLogo(
  client: WebClient,
  file: { name: string; content: Uint8Array; type: string },
  fields: Record<string, string> = {}
) {
  return client.upload(
    '/settings/documents',
    '/settings/documents',
    { accent_color: '#1f4e79', payment_terms_days: '30', ...fields },
    { field: 'logo', ...file }
  )
}

function fieldError(html: string, field: string) {
  const match = new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)
  return match ? textOf(match[1]).trim() : null
}

test.group('Document settings and printed documents', () => {
  test('the preview PDF prints the tenant’s name, address, SIRET, VAT number and mentions', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    const saved = await client.submit('/settings/documents', '/settings/documents', {
      legal_mentions:
        'SARL au capital de 8 000 € — RCS Lyon 732 829 320\nPénalités de retard : 3 fois le taux légal.',
      footer_text: 'Ouvert du mardi au samedi',
      accent_color: '#0B5C70',
      payment_terms_days: '30',
    })
    assert.equal(saved.location, '/settings/documents')
    const page = await client.follow(saved)
    assert.include(textOf(page.text), 'Les réglages des documents sont enregistrés.')
    assert.include(page.text, 'value="#0b5c70"')

    const { response, bytes } = await fetchPdf(client, '/settings/documents/preview.pdf')
    assert.equal(response.status, 200)
    assert.equal(response.headers.get('content-type'), 'application/pdf')
    assert.equal(response.headers.get('cache-control'), 'no-store')
    assert.match(
      response.headers.get('content-disposition')!,
      /^inline; filename="apercu-document\.pdf"/
    )
    const pdf = await readPdf(bytes)
    assert.equal(pdf.pages, 1)
    for (const expected of [
      tenant.name,
      '8 rue de la Paix',
      '69002 Lyon',
      'SIRET 73282932000074',
      'FR44732829320',
      '04 72 00 00 00',
      'SARL au capital de 8 000 € — RCS Lyon 732 829 320',
      'Pénalités de retard : 3 fois le taux légal.',
      'Ouvert du mardi au samedi',
      'Page 1 / 1',
      // The sample quote: French amounts and dates.
      '49,00 €',
      'Total TTC',
    ]) {
      assert.include(pdf.text, expected)
    }
    assert.match(pdf.text, /du \d{2}\/\d{2}\/\d{4}/)
  })

  test('the preview follows the language of the person: English labels, French amounts', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('manager', identity())
    await client.submit('/', '/locale', { locale: 'en' })
    const pdf = await readPdf((await fetchPdf(client, '/settings/documents/preview.pdf')).bytes)
    assert.include(pdf.text, 'Total incl. VAT')
    assert.include(pdf.text, 'VAT no. FR44732829320')
    assert.include(pdf.text, '49,00 €')
  })

  test('the print page is the same document as HTML, with a policy that allows nothing external', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    const page = await client.get('/settings/documents/preview')
    assert.equal(page.status, 200)
    assert.include(page.text, tenant.name)
    assert.include(page.text, '<style>')
    assert.notInclude(page.text, '<script')
    assert.notInclude(page.text, '/css/app.css')
    assert.include(page.headers.get('content-security-policy')!, "default-src 'none'")
  })

  test('a manager uploads a PNG logo: shown on the page, printed in the PDF, stored under the tenant', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    const png = aPng(120, 40)
    const uploaded = await uploadLogo(client, { name: 'logo.png', content: png, type: 'image/png' })
    assert.equal(uploaded.location, '/settings/documents')
    const page = await client.follow(uploaded)
    assert.include(page.text, `src="data:image/png;base64,${Buffer.from(png).toString('base64')}"`)

    const row = await ownerDb().from('document_settings').where('tenant_id', tenant.id).first()
    assert.match(row.logo_key, new RegExp(`^tenants/${tenant.id}/documents/logo-[0-9a-f-]+\\.png$`))
    assert.equal(row.logo_content_type, 'image/png')
    const storage = await app.container.make(FileStorage)
    assert.deepEqual(await storage.get(row.logo_key), png)

    const bytes = (await fetchPdf(client, '/settings/documents/preview.pdf')).bytes
    assert.deepInclude(await pdfImages(bytes), { width: 120, height: 40 })

    // Replacing it removes the old file.
    const second = aPng(60, 30)
    await uploadLogo(client, { name: 'nouveau.png', content: second, type: 'image/png' })
    const replaced = await ownerDb().from('document_settings').where('tenant_id', tenant.id).first()
    assert.notEqual(replaced.logo_key, row.logo_key)
    assert.isFalse(await storage.exists(row.logo_key))
    assert.deepEqual(await storage.get(replaced.logo_key), second)
  })

  test('a text file named .png is refused with a field error, and nothing is saved', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    const refused = await uploadLogo(
      client,
      {
        name: 'logo.png',
        content: new TextEncoder().encode('not an image at all'),
        type: 'image/png',
      },
      { legal_mentions: 'Mentions tapées avec le faux logo' }
    )
    assert.equal(refused.location, '/settings/documents')
    const page = await client.follow(refused)
    assert.equal(
      fieldError(page.text, 'logo'),
      'Le contenu du fichier ne correspond pas à son type annoncé : choisissez un vrai fichier PNG, JPG, WEBP.'
    )
    assert.include(page.text, 'Mentions tapées avec le faux logo')
    assert.isNull(await ownerDb().from('document_settings').where('tenant_id', tenant.id).first())
  })

  test('a 2 MB image is refused with the size limit; a PDF is not a logo', async ({ assert }) => {
    const { client } = await signedInStaff('manager', identity())
    const big = aPng(40, 20, { padTo: 2 * 1024 * 1024 })
    assert.equal(big.byteLength, 2 * 1024 * 1024)
    const page = await client.follow(
      await uploadLogo(client, { name: 'grand.png', content: big, type: 'image/png' })
    )
    assert.equal(fieldError(page.text, 'logo'), 'Le fichier dépasse la taille maximale (1 Mo).')

    const pdf = await client.follow(
      await uploadLogo(client, {
        name: 'logo.pdf',
        content: new TextEncoder().encode('%PDF-1.7\n%…'),
        type: 'application/pdf',
      })
    )
    assert.equal(
      fieldError(pdf.text, 'logo'),
      'Format refusé ici : choisissez un fichier PNG, JPG, WEBP.'
    )
  })

  test('errors are in English for English speakers', async ({ assert }) => {
    const { client } = await signedInStaff('manager', identity())
    await client.submit('/', '/locale', { locale: 'en' })
    const page = await client.follow(
      await uploadLogo(client, {
        name: 'logo.png',
        content: new TextEncoder().encode('plain text'),
        type: 'image/png',
      })
    )
    assert.equal(
      fieldError(page.text, 'logo'),
      "The file's content does not match its declared type: choose a real PNG, JPG, WEBP file."
    )
    const invalid = await client.follow(
      await client.submit('/settings/documents', '/settings/documents', {
        accent_color: 'blue',
        payment_terms_days: '30',
      })
    )
    assert.isNotNull(fieldError(invalid.text, 'accent_color'))
  })

  test('a manager removes the logo: the row forgets it and the file is deleted', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    await uploadLogo(client, { name: 'logo.png', content: aPng(), type: 'image/png' })
    const { logo_key: key } = await ownerDb()
      .from('document_settings')
      .where('tenant_id', tenant.id)
      .first()
    const storage = await app.container.make(FileStorage)
    assert.isTrue(await storage.exists(key))

    const removed = await client.submit(
      '/settings/documents',
      '/settings/documents/logo/remove',
      {}
    )
    const page = await client.follow(removed)
    assert.include(textOf(page.text), 'Le logo est retiré des documents.')
    assert.include(textOf(page.text), 'Aucun logo')
    const row = await ownerDb().from('document_settings').where('tenant_id', tenant.id).first()
    assert.isNull(row.logo_key)
    assert.isFalse(await storage.exists(key))
    assert.deepEqual(
      await pdfImages((await fetchPdf(client, '/settings/documents/preview.pdf')).bytes),
      []
    )
  })

  test('tenant B’s manager never sees tenant A’s logo or mentions', async ({ assert }) => {
    const a = await signedInStaff('manager', identity())
    const logoA = aPng(90, 30)
    await uploadLogo(
      a.client,
      { name: 'a.png', content: logoA, type: 'image/png' },
      { legal_mentions: `Mentions secrètes de ${a.tenant.name}` }
    )
    const b = await signedInStaff('manager')
    const page = await b.client.get('/settings/documents')
    assert.equal(page.status, 200)
    assert.notInclude(page.text, Buffer.from(logoA).toString('base64'))
    assert.notInclude(page.text, 'Mentions secrètes')
    assert.include(textOf(page.text), 'Aucun logo')

    const pdf = (await fetchPdf(b.client, '/settings/documents/preview.pdf')).bytes
    const text = (await readPdf(pdf)).text
    assert.include(text, b.tenant.name)
    assert.notInclude(text, a.tenant.name)
    assert.notInclude(text, 'Mentions secrètes')
    assert.deepEqual(await pdfImages(pdf), [])
  })

  test('without a request (a background job), the printer makes the same document, also as an 80 mm receipt', async ({
    assert,
  }) => {
    const { tenant } = await signedInStaff('manager', identity())
    const issuer = await (await app.container.make(DocumentIdentities)).forTenant(tenant.id)
    const printer = await app.container.make(DocumentPrinter)
    const data = sampleDocument(i18nManager.locale('en'))
    const a4 = await readPdf(await printer.pdf('documents/sample', data, { locale: 'en', issuer }))
    assert.include(a4.text, tenant.name)
    assert.include(a4.text, 'Total incl. VAT')
    assert.approximately(a4.width, 595.3, 1)

    const receipt = await readPdf(
      await printer.pdf('documents/sample', data, { locale: 'fr', issuer, format: 'receipt80' })
    )
    assert.equal(receipt.pages, 1)
    assert.approximately(receipt.width, (80 / 25.4) * 72, 1)
    assert.include(receipt.text, 'SIRET 73282932000074')
    assert.notInclude(receipt.text, 'Page 1')
  })

  test('only managers reach the page: a technician gets 403 on every route, and no menu entry', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    const technician = await aUser(tenant.id, { role: 'technician' })
    const other = new WebClient()
    await other.signIn(technician.email)
    for (const path of [
      '/settings/documents',
      '/settings/documents/preview.pdf',
      '/settings/documents/preview',
    ]) {
      assert.equal((await other.get(path)).status, 403, path)
    }
    const post = await other.submit('/', '/settings/documents', { accent_color: '#000000' })
    assert.equal(post.status, 403)
    const removal = await other.submit('/', '/settings/documents/logo/remove', {})
    assert.equal(removal.status, 403)
    assert.notInclude((await other.get('/')).text, 'href="/settings/documents"')
    assert.include((await client.get('/')).text, 'href="/settings/documents"')
    assert.isNull(await ownerDb().from('document_settings').where('tenant_id', tenant.id).first())
  })

  test('operator staff are refused: documents belong to a tenant', async ({ assert }) => {
    const operator = await aUser(null)
    const client = new WebClient()
    await client.signIn(operator.email)
    assert.equal((await client.get('/settings/documents')).status, 403)
  })
})
