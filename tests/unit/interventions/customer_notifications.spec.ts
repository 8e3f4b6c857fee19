import { test } from '@japa/runner'
import {
  clipSms,
  maskEmail,
  maskPhone,
  notificationKey,
} from '#interventions/domain/customer_notifications'
import { EdgeJobMessages } from '#interventions/adapters/edge/edge_job_messages'
import type { JobMessage } from '#interventions/application/customer_notifications'

const TENANT = '11111111-1111-4111-8111-111111111111'
const CUSTOMER = '22222222-2222-4222-8222-222222222222'

function aMessage(overrides: Partial<JobMessage> = {}): JobMessage {
  return {
    tenantId: TENANT,
    customerId: CUSTOMER,
    event: 'appointment_set',
    locale: 'fr',
    shop: {
      name: 'Atelier Martin & Fils',
      phone: '+33478000001',
      email: 'atelier@martin.test',
      addressLines: ['3 rue Garibaldi', '69003 Lyon'],
    },
    customerName: 'Dupont Jean',
    jobNumber: 'R-2026-00042',
    appliance: { type: 'washing_machine', brand: 'Bosch', model: 'Serie 6' },
    // 14:00 to 16:00 in Paris (winter time: UTC+1).
    startsAt: new Date('2026-01-13T13:00:00Z'),
    endsAt: new Date('2026-01-13T15:00:00Z'),
    quoteNumber: null,
    quoteUrl: null,
    ...overrides,
  }
}

const templates = () => new EdgeJobMessages({ appUrl: 'https://app.agoserve.test' })

test.group('Customer notifications: masking and keys', () => {
  test('the timeline shows enough of an address to tell which, not the address', ({ assert }) => {
    assert.equal(maskEmail('jean.dupont@example.fr'), 'j•••@example.fr')
    assert.equal(maskEmail('@broken'), '•••')
    assert.equal(maskPhone('+33612345678'), '+336••••••78')
    assert.equal(maskPhone('123'), '•••')
  })

  test('a move is news at each new time; the same request twice is the same notification', ({
    assert,
  }) => {
    const at = (iso: string) => ({ appointmentId: 'a-1', startsAt: new Date(iso) })
    const moved = notificationKey('job', 'appointment_moved', at('2026-01-13T13:00:00Z'))
    assert.equal(
      moved,
      notificationKey('job', 'appointment_moved', {
        appointmentId: 'a-1',
        startsAt: '2026-01-13T13:00:00.000Z',
      })
    )
    assert.notEqual(moved, notificationKey('job', 'appointment_moved', at('2026-01-14T13:00:00Z')))
    assert.equal(
      notificationKey('job', 'appointment_set', at('2026-01-13T13:00:00Z')),
      notificationKey('job', 'appointment_set', at('2026-01-20T13:00:00Z'))
    )
    assert.notEqual(
      notificationKey('job', 'quote_ready', { quoteId: 'q-1' }),
      notificationKey('job', 'quote_ready', { quoteId: 'q-2' })
    )
    assert.equal(notificationKey('job', 'appliance_ready'), 'job:appliance_ready')
  })

  test('long SMS are cut on a word with an ellipsis', ({ assert }) => {
    assert.equal(clipSms('  court  texte '), 'court texte')
    const clipped = clipSms('mot '.repeat(100), 50)
    assert.isAtMost(clipped.length, 50)
    assert.match(clipped, /mot…$/)
  })
})

test.group('Customer notifications: templates', () => {
  test('an appointment in French: Paris times, the shop, the appliance, the link out', async ({
    assert,
  }) => {
    const rendered = await templates().render(aMessage())
    assert.equal(rendered.subject, 'Votre rendez-vous du mardi 13 janvier – Atelier Martin & Fils')
    assert.equal(
      rendered.sms,
      'Atelier Martin & Fils : RDV confirmé le mardi 13 janvier entre 14:00 et 16:00 pour votre lave-linge Bosch (dossier R-2026-00042).'
    )
    assert.include(rendered.text, 'Bonjour Dupont Jean,')
    assert.include(rendered.text, 'le mardi 13 janvier entre 14:00 et 16:00')
    assert.include(rendered.text, '04 78 00 00 01')
    // Plain text is not HTML-escaped; the HTML part is.
    assert.include(rendered.text, 'Atelier Martin & Fils')
    assert.include(rendered.html, 'Atelier Martin &amp; Fils')
    assert.match(
      rendered.unsubscribeUrl,
      new RegExp(
        `^https://app\\.agoserve\\.test/notifications/unsubscribe/${TENANT}/${CUSTOMER}\\?signature=`
      )
    )
    assert.include(rendered.text, rendered.unsubscribeUrl)
    assert.include(rendered.html, rendered.unsubscribeUrl.replace(/&/g, '&amp;'))
  })

  test('the same messages in English, and each event words its own', async ({ assert }) => {
    const english = await templates().render(
      aMessage({ locale: 'en', event: 'appointment_moved', endsAt: null })
    )
    assert.equal(
      english.subject,
      'Your appointment has moved to Tuesday 13 January – Atelier Martin & Fils'
    )
    assert.equal(
      english.sms,
      'Atelier Martin & Fils: your appointment has moved to Tuesday 13 January at 14:00 (job R-2026-00042).'
    )
    assert.include(english.text, 'Hello Dupont Jean,')
    const englishReady = await templates().render(
      aMessage({ locale: 'en', event: 'appliance_ready' })
    )
    assert.equal(
      englishReady.subject,
      'Repair done: your Bosch washing machine is ready to collect – Atelier Martin & Fils'
    )

    const quote = await templates().render(
      aMessage({
        event: 'quote_ready',
        quoteNumber: 'D-2026-00007',
        quoteUrl: 'https://app.agoserve.test/q/abc',
      })
    )
    assert.equal(quote.subject, 'Votre devis D-2026-00007 est prêt – Atelier Martin & Fils')
    assert.include(quote.sms, ': https://app.agoserve.test/q/abc')
    assert.include(quote.text, 'Consulter le devis : https://app.agoserve.test/q/abc')
    assert.include(quote.html, 'href="https://app.agoserve.test/q/abc"')

    const ready = await templates().render(
      aMessage({ event: 'appliance_ready', appliance: null, startsAt: null, endsAt: null })
    )
    assert.equal(
      ready.subject,
      'Réparation terminée : votre appareil vous attend – Atelier Martin & Fils'
    )
    assert.include(ready.text, 'Adresse : 3 rue Garibaldi, 69003 Lyon')
    assert.notInclude(ready.text, '&#')
  })
})
