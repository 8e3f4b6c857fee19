import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import { DocumentIdentities } from '#core/application/document_identity'
import { DocumentPrinter } from '#core/application/document_printer'
import { sampleDocument } from '#core/http/sample_document'
import { WebClient, textOf } from '#tests/support/web_client'
import { aUser, ownerDb, signedInStaff } from '#tests/support/mothers'
import { aPng, readPdf } from '#tests/support/pdf'

/** The shop's identity as the tenant record holds it (the SIREN is the SIRET's first 9 digits). */
const identity = () => ({
  siret: '73282932000074',
  vat_number: 'FR44732829320',
  address_line1: '8 rue de la Paix',
  postcode: '69002',
  city: 'Lyon',
})

const IBAN = 'FR7630006000011234567890189'
const IBAN_PRINTED = 'FR76 3000 6000 0112 3456 7890 189'

/** The settings form as a manager fills it for a SARL; `undefined` drops a field. */
function settingsForm(overrides: Record<string, string | undefined> = {}) {
  const form: Record<string, string | undefined> = {
    header_text: 'Dépannage toutes marques',
    footer_text: '',
    accent_color: '#1f4e79',
    legal_form: 'sarl',
    share_capital: '8 000',
    registration_kind: 'rcs',
    registration_city: 'Lyon',
    ape_code: '9522z',
    vat_on_debits: '1',
    bank_name: 'Crédit Agricole',
    iban: 'fr76 3000 6000 0112 3456 7890 189',
    bic: 'agrifrppxxx',
    payment_terms_days: '45',
    payment_terms_end_of_month: '1',
    early_payment_text: '',
    late_penalty_text: '',
    legal_mentions: '',
    ...overrides,
  }
  return Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => entry[1] !== undefined)
  )
}

const save = (client: WebClient, form: Record<string, string>) =>
  client.submit('/settings/documents', '/settings/documents', form)

async function fetchPdf(client: WebClient, path: string) {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  const response = await fetch(client.base + path, { headers: { cookie } })
  return new Uint8Array(await response.arrayBuffer())
}

/** PDF text with the no-break spaces of French amounts read as plain spaces. */
async function pdfText(client: WebClient) {
  const { text } = await readPdf(await fetchPdf(client, '/settings/documents/preview.pdf'))
  return text.replace(/[\u00a0\u202f]/g, ' ')
}

function fieldError(html: string, field: string) {
  const match = new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)
  return match ? textOf(match[1]).trim() : null
}

const settingsRow = (tenantId: string) =>
  ownerDb().from('document_settings').where('tenant_id', tenantId).first()

test.group('Document layout: legal identity, bank details, payment terms', () => {
  test('a manager saves a SARL’s identity, bank and terms; stored tidy, shown back grouped', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    const saved = await save(client, settingsForm())
    assert.equal(saved.location, '/settings/documents')
    const page = await client.follow(saved)
    assert.include(textOf(page.text), 'Les réglages des documents sont enregistrés.')

    const row = await settingsRow(tenant.id)
    assert.equal(row.legal_form, 'sarl')
    assert.equal(Number(row.share_capital_cents), 800_000)
    assert.equal(row.registration_kind, 'rcs')
    assert.equal(row.registration_city, 'Lyon')
    assert.equal(row.ape_code, '95.22Z')
    assert.equal(row.iban, IBAN)
    assert.equal(row.bic, 'AGRIFRPPXXX')
    assert.equal(row.payment_terms_days, 45)
    assert.isTrue(row.payment_terms_end_of_month)
    assert.isTrue(row.vat_on_debits)
    assert.isFalse(row.vat_franchise)
    // Blank texts keep following the defaults.
    assert.isNull(row.early_payment_text)
    assert.isNull(row.late_penalty_text)

    assert.include(page.text, `value="${IBAN_PRINTED}"`)
    assert.include(page.text, 'value="8000,00"')
    assert.include(textOf(page.text), 'Forme juridique')
    assert.match(page.text, /value="Pas d(&#39;|&#x27;|')escompte pour paiement anticipé."/)
  })

  test('the sample PDF prints the legal identity line, the bank details and the B2B terms', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    await save(client, settingsForm())
    const text = await pdfText(client)
    for (const expected of [
      'Dépannage toutes marques',
      `${tenant.name} · SARL au capital de 8 000,00 € · RCS Lyon 732 829 320 · SIRET 73282932000074 · APE 95.22Z · N° TVA FR44732829320`,
      `IBAN ${IBAN_PRINTED}`,
      'BIC AGRIFRPPXXX',
      'Banque Crédit Agricole',
      'Paiement à 45 jours fin de mois.',
      "Pas d'escompte pour paiement anticipé.",
      'pénalités au taux BCE majoré de 10 points',
      'indemnité forfaitaire pour frais de recouvrement de 40 €',
      "Option pour le paiement de la taxe d'après les débits",
      'TVA 20 %',
    ]) {
      assert.include(text.replace(/\s+/g, ' '), expected)
    }
  })

  test('an individual entrepreneur under the VAT franchise: "EI", no capital, no VAT, the 293 B mention', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    const saved = await save(
      client,
      settingsForm({
        legal_form: 'ei',
        share_capital: '',
        registration_kind: 'rne',
        registration_city: 'Lyon',
        vat_franchise: '1',
        vat_on_debits: undefined,
        payment_terms_days: '0',
        payment_terms_end_of_month: undefined,
        late_penalty_text: 'taux de 12,15 % l’an',
      })
    )
    assert.equal((await client.follow(saved)).status, 200)
    const row = await settingsRow(tenant.id)
    assert.equal(row.legal_form, 'ei')
    // The city belongs to the RCS: choosing the RNE forgets it.
    assert.isNull(row.registration_city)
    const text = (await pdfText(client)).replace(/\s+/g, ' ')
    assert.include(text, `${tenant.name} EI · RNE 732 829 320 · SIRET 73282932000074`)
    assert.include(text, 'TVA non applicable, art. 293 B du CGI')
    assert.include(text, 'Paiement à réception.')
    assert.include(text, 'pénalités au taux de 12,15 % l’an')
    assert.notInclude(text, 'capital')
    assert.notInclude(text, 'TVA 20 %')
    assert.notInclude(text, 'Total TTC')
  })

  test('bank details print only where the view asks for them (invoices), not on other documents', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    await save(client, settingsForm())
    const issuer = await (await app.container.make(DocumentIdentities)).forTenant(tenant.id)
    assert.equal(issuer.iban, IBAN)
    assert.equal(issuer.siren, '732829320')
    assert.deepEqual(issuer.registration, { kind: 'rcs', city: 'Lyon' })
    assert.equal(issuer.shareCapitalCents, 800_000)
    assert.equal(issuer.paymentTermsDays, 45)
    assert.equal(issuer.latePenaltyText, 'taux BCE majoré de 10 points')

    const printer = await app.container.make(DocumentPrinter)
    const data = {
      ...sampleDocument(i18nManager.locale('fr')),
      bankDetails: false,
      paymentTerms: false,
    }
    const html = await printer.html('documents/sample', data, { locale: 'fr', issuer })
    assert.notInclude(html, IBAN_PRINTED)
    assert.notInclude(html, 'pénalités')
    // The legal identity line is on every document.
    assert.include(html, 'RCS Lyon 732 829 320')
  })

  test('wrong IBAN, BIC, APE code and terms: one French message per field, nothing saved', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    const refused = await save(
      client,
      settingsForm({
        iban: 'FR76 3000 6000 0112 3456 7890 188',
        bic: 'AGRI',
        ape_code: '952',
        payment_terms_days: '61',
        header_text: 'Ligne tapée avant l’erreur',
      })
    )
    assert.equal(refused.location, '/settings/documents')
    const page = await client.follow(refused)
    assert.equal(
      fieldError(page.text, 'iban'),
      'IBAN invalide : vérifiez les caractères et la clé (ex. FR76 3000 6000 0112 3456 7890 189).'
    )
    assert.equal(
      fieldError(page.text, 'bic'),
      'BIC invalide : 8 ou 11 caractères (ex. AGRIFRPP ou AGRIFRPPXXX).'
    )
    assert.equal(
      fieldError(page.text, 'ape_code'),
      'Code APE invalide : 4 chiffres et une lettre (ex. 95.22Z).'
    )
    assert.equal(
      fieldError(page.text, 'payment_terms_days'),
      '60 jours au plus après la date de facture (art. L441-10 C. com.).'
    )
    assert.include(page.text, 'Ligne tapée avant l’erreur')
    assert.isNull(await settingsRow(tenant.id))

    // Rules across fields come back the same way.
    const crossed = await client.follow(
      await save(
        client,
        settingsForm({
          legal_form: 'micro',
          share_capital: '1000',
          registration_city: '',
          payment_terms_days: '50',
          iban: '',
        })
      )
    )
    assert.equal(
      fieldError(crossed.text, 'share_capital'),
      "Un entrepreneur individuel n'a pas de capital social : laissez ce champ vide."
    )
    assert.equal(
      fieldError(crossed.text, 'registration_city'),
      'Indiquez la ville du greffe du RCS (ex. Lyon).'
    )
    assert.equal(
      fieldError(crossed.text, 'payment_terms_days'),
      '45 jours fin de mois au plus (art. L441-10 C. com.).'
    )
    assert.equal(
      fieldError(crossed.text, 'iban'),
      "Saisissez l'IBAN pour imprimer la banque ou le BIC."
    )
    assert.isNull(await settingsRow(tenant.id))
  })

  test('the same errors in English for an English speaker', async ({ assert }) => {
    const { client } = await signedInStaff('manager', identity())
    await client.submit('/', '/locale', { locale: 'en' })
    const page = await client.follow(
      await save(client, settingsForm({ iban: 'FR00 1234', bic: '1234', payment_terms_days: 'x' }))
    )
    assert.equal(
      fieldError(page.text, 'iban'),
      'Invalid IBAN: check the characters and the check digits (e.g. FR76 3000 6000 0112 3456 7890 189).'
    )
    assert.equal(
      fieldError(page.text, 'bic'),
      'Invalid BIC: 8 or 11 characters (e.g. AGRIFRPP or AGRIFRPPXXX).'
    )
    assert.equal(fieldError(page.text, 'payment_terms_days'), 'Enter a number of days.')
    const crossed = await client.follow(
      await save(client, settingsForm({ legal_form: 'ei', registration_kind: '' }))
    )
    assert.equal(
      fieldError(crossed.text, 'share_capital'),
      'A sole trader has no share capital: leave this field empty.'
    )
    assert.include(textOf(crossed.text), 'Legal identity')
  })

  test('the live preview prints the draft without saving it; invalid fields keep the saved value', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    await save(client, settingsForm())
    const preview = await client.submit(
      '/settings/documents',
      '/settings/documents',
      settingsForm({
        intent: 'preview',
        header_text: 'Brouillon de ligne d’en-tête',
        share_capital: '12 500',
        iban: 'pas un IBAN',
        accent_color: '#7a1f1f',
      })
    )
    assert.equal(preview.status, 200)
    assert.equal(preview.headers.get('content-type'), 'text/html; charset=utf-8')
    assert.isNull(preview.headers.get('x-frame-options'))
    assert.include(preview.headers.get('content-security-policy')!, "frame-ancestors 'self'")
    assert.include(preview.headers.get('content-security-policy')!, "default-src 'none'")
    const text = textOf(preview.text).replace(/[\u00a0\u202f]/g, ' ')
    assert.include(text, 'Brouillon de ligne d’en-tête')
    assert.include(text, 'SARL au capital de 12 500,00 €')
    assert.include(text, IBAN_PRINTED)
    assert.include(preview.text, '--accent: #7a1f1f')
    assert.notInclude(preview.text, '<script')

    const row = await settingsRow(tenant.id)
    assert.equal(Number(row.share_capital_cents), 800_000)
    assert.equal(row.header_text, 'Dépannage toutes marques')
  })

  test('a logo chosen in the form shows in the preview but is not stored', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    const png = aPng(50, 20)
    const preview = await client.upload(
      '/settings/documents',
      '/settings/documents',
      settingsForm({ intent: 'preview' }),
      { field: 'logo', name: 'logo.png', content: png, type: 'image/png' }
    )
    assert.equal(preview.status, 200)
    assert.include(
      preview.text,
      `src="data:image/png;base64,${Buffer.from(png).toString('base64')}"`
    )
    assert.isNull(await settingsRow(tenant.id))
  })

  test('the settings page frames the saved preview and loads its script from /js', async ({
    assert,
  }) => {
    const { client } = await signedInStaff('manager', identity())
    const page = await client.get('/settings/documents')
    assert.include(page.text, 'src="/settings/documents/preview"')
    assert.include(page.text, 'name="document-preview"')
    assert.include(page.text, 'formtarget="document-preview"')
    assert.include(page.text, '<script src="/js/document_preview.js" defer></script>')
    const framed = await client.get('/settings/documents/preview')
    assert.equal(framed.status, 200)
    assert.isNull(framed.headers.get('x-frame-options'))
    assert.equal((await client.get('/js/document_preview.js')).status, 200)
  })

  test('tenant B never sees nor changes tenant A’s bank details and identity', async ({
    assert,
  }) => {
    const a = await signedInStaff('manager', identity())
    await save(a.client, settingsForm({ bank_name: 'Banque secrète de A' }))
    const b = await signedInStaff('manager')
    const page = await b.client.get('/settings/documents')
    assert.equal(page.status, 200)
    assert.notInclude(page.text, IBAN_PRINTED)
    assert.notInclude(page.text, 'Banque secrète de A')
    const text = await pdfText(b.client)
    assert.include(text, b.tenant.name)
    assert.notInclude(text, IBAN_PRINTED)
    assert.notInclude(text, 'Banque secrète de A')
    assert.notInclude(text, a.tenant.name)

    await save(
      b.client,
      settingsForm({ iban: 'DE89 3704 0044 0532 0130 00', bic: '', bank_name: '' })
    )
    assert.equal((await settingsRow(b.tenant.id)).iban, 'DE89370400440532013000')
    const rowA = await settingsRow(a.tenant.id)
    assert.equal(rowA.iban, IBAN)
    assert.equal(rowA.bank_name, 'Banque secrète de A')
  })

  test('only managers (documents.manage) save or preview: others get 403 and nothing changes', async ({
    assert,
  }) => {
    const { tenant, client } = await signedInStaff('manager', identity())
    await save(client, settingsForm())
    for (const role of ['receptionist', 'technician', 'accountant']) {
      const person = await aUser(tenant.id, { role })
      const other = new WebClient()
      await other.signIn(person.email)
      assert.equal((await other.get('/settings/documents')).status, 403, role)
      const post = await other.submit(
        '/',
        '/settings/documents',
        settingsForm({ iban: '', bic: '', bank_name: '' })
      )
      assert.equal(post.status, 403, role)
      const preview = await other.submit(
        '/',
        '/settings/documents',
        settingsForm({ intent: 'preview' })
      )
      assert.equal(preview.status, 403, role)
      assert.notInclude(preview.text, IBAN_PRINTED)
    }
    assert.equal((await settingsRow(tenant.id)).iban, IBAN)
  })
})
