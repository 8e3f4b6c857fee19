import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { mailPreviews } from '#core/adapters/mail/log_transport'
import { smsPreviews } from '#interventions/adapters/sms/log_sms_sender'
import { HttpSmsSender } from '#interventions/adapters/sms/http_sms_sender'
import { notificationKey } from '#interventions/domain/customer_notifications'
import {
  CustomerNotifications,
  type NotificationRequest,
} from '#interventions/application/customer_notifications'
import { type Sms, SmsSender } from '#interventions/application/sms_sender'
import { NotifyCustomer } from '#interventions/application/notify_customer'
import { OpenRepairJob } from '#interventions/application/open_repair_job'
import { WebClient, textOf } from '#tests/support/web_client'
import {
  aCustomer,
  aModel,
  anAppliance,
  aShop,
  ownerDb,
  signedInStaff,
  unique,
} from '#tests/support/mothers'

const STAFF = { userId: null, name: 'Test' }

/** A shop with its contact details, and a job on a customer's Bosch washing machine. */
async function aJobFor(customer: Record<string, unknown>, shop?: { id: string }) {
  const tenant = shop ?? (await aShop()).tenant
  await ownerDb()
    .from('tenants')
    .where('id', tenant.id)
    .update({ phone: '+33478000001', email: `atelier-${unique()}@shop.test` })
  const model = await aModel(tenant.id)
  const owner = await aCustomer(tenant.id, customer)
  const appliance = await anAppliance(tenant.id, owner.id, model.id)
  const open = await app.container.make(OpenRepairJob)
  const opened = await open.execute({
    tenantId: tenant.id,
    actor: STAFF,
    kind: 'workshop',
    customer: { id: owner.id },
    appliance: { id: appliance.id },
    principal: null,
    details: {
      priority: 'normal',
      siteId: null,
      technicianId: null,
      symptoms: 'Ne vidange plus',
      accessories: null,
      condition: null,
      diagnosis: null,
      workDone: null,
      internalNotes: null,
      customerNotes: null,
      repairCeilingCents: null,
      promisedOn: null,
      principalReference: null,
    },
  })
  if (!opened.ok) throw new Error(`job not opened: ${opened.type}`)
  return { tenantId: tenant.id, jobId: opened.value.id, customerId: owner.id as string }
}

/** A customer with unique addresses, in French unless told. */
function contact(overrides: Record<string, unknown> = {}) {
  const id = unique()
  return {
    last_name: `Durand ${id}`,
    first_name: 'Alice',
    email: `alice-${id}@client.test`,
    mobile: `+3361${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
    ...overrides,
  }
}

async function enqueue(request: NotificationRequest) {
  const notifications = await app.container.make(CustomerNotifications)
  await notifications.enqueue(request)
}

function messages(jobId: string) {
  return ownerDb()
    .from('repair_job_events')
    .where({ job_id: jobId, kind: 'message' })
    .orderBy('at')
    .orderBy('id')
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms = 15_000) {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (done(value) || Date.now() > deadline) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The queue's job for a request, once the worker is done with it. */
function settled(request: NotificationRequest) {
  const key = `${request.tenantId}:${notificationKey(request.jobId, request.event, request.details)}`
  return until(
    () =>
      ownerDb()
        .from('pgboss.job')
        .where({ name: 'job-notifications', singleton_key: key })
        .select('state'),
    (rows) => rows.length > 0 && rows.every((row) => ['completed', 'failed'].includes(row.state))
  )
}

const mailsTo = (address: string) => mailPreviews.filter((mail) => mail.to.includes(address))
const smsTo = (number: string) => smsPreviews.filter((sms) => sms.to === number)

test.group('Customer notifications', () => {
  test('appliance ready: an e-mail and an SMS in French, both on the timeline', async ({
    assert,
  }) => {
    const customer = contact()
    const job = await aJobFor(customer)
    await enqueue({ ...job, event: 'appliance_ready' })

    const events = await until(
      () => messages(job.jobId),
      (rows) => rows.length === 2
    )
    assert.deepEqual(
      events.map((event) => [event.details.channel, event.details.status]),
      [
        ['email', 'sent'],
        ['sms', 'sent'],
      ]
    )
    const [mailEvent, smsEvent] = events
    assert.equal(mailEvent.details.template, 'appliance_ready')
    assert.equal(mailEvent.details.to, `a•••@client.test`)
    assert.equal(
      smsEvent.details.to,
      `${customer.mobile.slice(0, 4)}••••••${customer.mobile.slice(-2)}`
    )
    assert.isString(smsEvent.details.providerId)
    assert.equal(mailEvent.user_name, 'Agoserve')

    const [mail] = mailsTo(customer.email)
    assert.match(
      mail.subject,
      /^Réparation terminée : votre lave-linge Marque \S+ vous attend – Atelier/
    )
    assert.include(mail.text, `Bonjour ${customer.last_name} Alice,`)
    assert.include(mail.text, '04 78 00 00 01')
    const [sms] = smsTo(customer.mobile)
    assert.match(sms.text, /la réparation de votre lave-linge .* est terminée/)
    assert.notInclude(JSON.stringify(events.map((event) => event.details)), customer.email)

    const devPage = await new WebClient().get('/dev/sms')
    assert.equal(devPage.status, 200)
    assert.include(textOf(devPage.text), sms.text)
  })

  test('an English customer is told in English, with the appointment in Paris time', async ({
    assert,
  }) => {
    const customer = contact({ notification_locale: 'en' })
    const job = await aJobFor(customer)
    await enqueue({
      ...job,
      event: 'appointment_set',
      details: {
        appointmentId: randomUUID(),
        startsAt: new Date('2031-01-14T08:00:00Z'),
        endsAt: new Date('2031-01-14T10:00:00Z'),
      },
    })
    await until(
      () => messages(job.jobId),
      (rows) => rows.length === 2
    )
    const [mail] = mailsTo(customer.email)
    assert.match(mail.subject, /^Your appointment on Tuesday 14 January – Atelier/)
    assert.include(mail.text, 'on Tuesday 14 January between 09:00 and 11:00')
    const [sms] = smsTo(customer.mobile)
    assert.include(sms.text, 'appointment confirmed on Tuesday 14 January between 09:00 and 11:00')
  })

  test('a customer who opted out gets nothing; the timeline says why', async ({ assert }) => {
    const customer = contact({ notifications_opt_out: true })
    const job = await aJobFor(customer)
    await enqueue({ ...job, event: 'appliance_ready' })

    const events = await until(
      () => messages(job.jobId),
      (rows) => rows.length === 2
    )
    assert.deepEqual(
      events.map((event) => [event.details.channel, event.details.status, event.details.reason]),
      [
        ['email', 'skipped', 'opted_out'],
        ['sms', 'skipped', 'opted_out'],
      ]
    )
    assert.lengthOf(mailsTo(customer.email), 0)
    assert.lengthOf(smsTo(customer.mobile), 0)
  })

  test('without an e-mail address, the SMS alone goes out', async ({ assert }) => {
    const customer = contact({ email: null })
    const job = await aJobFor(customer)
    await enqueue({
      ...job,
      event: 'quote_ready',
      details: { quoteId: randomUUID(), quoteUrl: 'https://example.test/q/abc' },
    })
    const events = await until(
      () => messages(job.jobId),
      (rows) => rows.length === 2
    )
    assert.deepEqual(
      events.map((event) => [event.details.channel, event.details.status, event.details.reason]),
      [
        ['email', 'skipped', 'no_address'],
        ['sms', 'sent', null],
      ]
    )
    const [sms] = smsTo(customer.mobile)
    assert.include(sms.text, 'est prêt : https://example.test/q/abc')
  })

  test('after a provider failure the retry sends what is missing, never twice', async ({
    assert,
    cleanup,
  }) => {
    const customer = contact()
    const logSender = await app.container.make(SmsSender)
    let failures = 0
    // The provider is down for this customer's first SMS only.
    class FlakySms extends SmsSender {
      async send(sms: Sms) {
        if (sms.to === customer.mobile && failures === 0) {
          failures++
          return { ok: false as const, type: 'send_failed' as const, error: 'HTTP 503: busy' }
        }
        return logSender.send(sms)
      }
    }
    app.container.swap(SmsSender, () => new FlakySms())
    cleanup(() => app.container.restore(SmsSender))

    const job = await aJobFor(customer)
    const request: NotificationRequest = { ...job, event: 'appliance_ready' }
    // Asked twice at once: queued once.
    await Promise.all([enqueue(request), enqueue(request)])
    const events = await until(
      () => messages(job.jobId),
      (rows) => rows.some((row) => row.details.channel === 'sms' && row.details.status === 'sent')
    )
    assert.deepEqual(
      events.map((event) => [event.details.channel, event.details.status, event.details.retrying]),
      [
        ['email', 'sent', false],
        ['sms', 'failed', true],
        ['sms', 'sent', false],
      ]
    )
    assert.equal(events[1].details.error, 'HTTP 503: busy')
    await settled(request)

    // Asked again once done: the timeline already has both.
    await enqueue(request)
    await settled(request)
    const notify = await app.container.make(NotifyCustomer)
    const again = await notify.execute(request)
    assert.deepEqual(again, { ok: true, value: { outcomes: [] } })
    assert.lengthOf(await messages(job.jobId), 3)
    assert.lengthOf(mailsTo(customer.email), 1)
    assert.lengthOf(smsTo(customer.mobile), 1)
  })

  test("a job of another shop, asked with this shop's id, sends nothing", async ({ assert }) => {
    const { tenant: shopA } = await aShop()
    const customer = contact()
    const jobB = await aJobFor(customer)
    const request: NotificationRequest = {
      tenantId: shopA.id,
      jobId: jobB.jobId,
      event: 'appliance_ready',
    }
    await enqueue(request)
    const [job] = await settled(request)
    assert.equal(job.state, 'completed')
    assert.lengthOf(await messages(jobB.jobId), 0)
    assert.lengthOf(mailsTo(customer.email), 0)
    assert.lengthOf(smsTo(customer.mobile), 0)
  })

  test('nothing is queued when the transaction asking for it rolls back', async ({ assert }) => {
    const customer = contact()
    const job = await aJobFor(customer)
    const { RepairJobs } = await import('#interventions/application/repair_jobs')
    const jobs = await app.container.make(RepairJobs)
    await assert.rejects(() =>
      jobs.change(job.tenantId, job.jobId, STAFF, async () => {
        await enqueue({ ...job, event: 'appliance_ready' })
        throw new Error('rolled back')
      })
    )
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const key = `${job.tenantId}:${notificationKey(job.jobId, 'appliance_ready')}`
    assert.lengthOf(
      await ownerDb().from('pgboss.job').where({ name: 'job-notifications', singleton_key: key }),
      0
    )
    assert.lengthOf(mailsTo(customer.email), 0)
  })
})

test.group('Customer notifications: unsubscribing', () => {
  test('the link in the e-mail works without signing in; a tampered one is refused', async ({
    assert,
  }) => {
    const customer = contact()
    const job = await aJobFor(customer)
    await enqueue({ ...job, event: 'appliance_ready' })
    const [mail] = await until(
      async () => mailsTo(customer.email),
      (found) => found.length === 1
    )
    const link = /https?:\/\/\S+\/notifications\/unsubscribe\/\S+/.exec(mail.text)
    assert.isNotNull(link)
    const path = new URL(link![0]).pathname + new URL(link![0]).search

    const visitor = new WebClient()
    const page = await visitor.get(path)
    assert.equal(page.status, 200)
    assert.include(textOf(page.text), 'Ne plus recevoir les messages de Atelier')
    const confirmed = await visitor.request('POST', path, {})
    assert.equal(confirmed.location, path)
    assert.include(textOf((await visitor.get(path)).text), 'Désabonnement enregistré')
    const row = await ownerDb().from('customers').where('id', job.customerId).first()
    assert.isTrue(row.notifications_opt_out)

    const other = await aJobFor(contact())
    const forged = path.replace(job.customerId, other.customerId)
    const refused = await visitor.get(forged)
    assert.equal(refused.status, 403)
    assert.include(textOf(refused.text), 'Lien non valable')
    assert.equal((await visitor.request('POST', forged, {})).status, 403)
    const untouched = await ownerDb().from('customers').where('id', other.customerId).first()
    assert.isFalse(untouched.notifications_opt_out)
    assert.equal((await visitor.get(`${path}x`)).status, 403)
  })

  test('the customer form sets the language and the refusal of messages', async ({ assert }) => {
    const { tenant, client } = await signedInStaff('receptionist')
    const created = await client.submit('/customers/new', '/customers', {
      kind: 'person',
      last_name: `Martin ${unique()}`,
      payment_terms_days: '0',
      notification_locale: 'en',
      notifications_opt_out: '1',
    })
    assert.match(created.location!, /^\/customers\/[0-9a-f-]{36}$/)
    const row = await ownerDb()
      .from('customers')
      .where({ tenant_id: tenant.id, id: created.location!.split('/').pop() })
      .first()
    assert.equal(row.notification_locale, 'en')
    assert.isTrue(row.notifications_opt_out)
  })
})

/** A stand-in SMS provider on a local port: answers from a script, records what it was sent. */
async function provider(answers: Array<(response: ServerResponse) => void>) {
  const received: Array<{ headers: IncomingMessage['headers']; body: any }> = []
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body: JSON.parse(body) })
      const answer = answers.shift()
      answer?.(response)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const sender = new HttpSmsSender({
    url: `http://127.0.0.1:${port}/v1/messages`,
    apiKey: 'secret-key',
    sender: 'ATELIER',
    timeoutMs: 300,
    retryDelayMs: 10,
  })
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return { sender, received, close }
}

const json = (status: number, body: unknown) => (response: ServerResponse) => {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

const anSms: Sms = {
  tenantId: 't-1',
  to: '+33612345678',
  text: 'Votre lave-linge est prêt',
  idempotencyKey: 't-1:job:appliance_ready:sms',
}

test.group('HTTP SMS provider', () => {
  test('a JSON POST with the bearer token and idempotency key; the id comes back', async ({
    assert,
    cleanup,
  }) => {
    const { sender, received, close } = await provider([json(201, { id: 'msg-1' })])
    cleanup(close)
    assert.deepEqual(await sender.send(anSms), { ok: true, value: { providerId: 'msg-1' } })
    assert.lengthOf(received, 1)
    assert.equal(received[0].headers.authorization, 'Bearer secret-key')
    assert.equal(received[0].headers['idempotency-key'], anSms.idempotencyKey)
    assert.deepEqual(received[0].body, {
      from: 'ATELIER',
      to: anSms.to,
      text: anSms.text,
      reference: anSms.idempotencyKey,
    })
  })

  test('a 5xx is retried once with the same key; a 4xx is not', async ({ assert, cleanup }) => {
    const flaky = await provider([json(500, { error: 'oops' }), json(200, { messageId: 'msg-2' })])
    cleanup(flaky.close)
    assert.deepEqual(await flaky.sender.send(anSms), { ok: true, value: { providerId: 'msg-2' } })
    assert.lengthOf(flaky.received, 2)
    assert.equal(flaky.received[1].headers['idempotency-key'], anSms.idempotencyKey)

    const down = await provider([json(502, {}), json(503, { message: 'maintenance' })])
    cleanup(down.close)
    assert.deepEqual(await down.sender.send(anSms), {
      ok: false,
      type: 'send_failed',
      error: 'HTTP 503: maintenance',
    })

    const refusing = await provider([json(422, { error: { message: 'invalid number' } })])
    cleanup(refusing.close)
    assert.deepEqual(await refusing.sender.send(anSms), {
      ok: false,
      type: 'send_failed',
      error: 'HTTP 422: invalid number',
    })
    assert.lengthOf(refusing.received, 1)
  })

  test('no answer within the timeout is a failure, not retried at once', async ({
    assert,
    cleanup,
  }) => {
    const silent = await provider([() => {}])
    cleanup(silent.close)
    const started = Date.now()
    assert.deepEqual(await silent.sender.send(anSms), {
      ok: false,
      type: 'send_failed',
      error: 'no answer within 300 ms',
    })
    assert.isBelow(Date.now() - started, 2000)
    assert.lengthOf(silent.received, 1)
  })
})
