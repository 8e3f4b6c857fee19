import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { BaseCheck, Result } from '@adonisjs/core/health'
import { healthChecks, readinessChecks } from '#start/health'

class FailingCheck extends BaseCheck {
  name = 'Failing check'
  async run() {
    return Result.failed('Simulated outage')
  }
}

const token = () => app.config.get<string>('agoserve.monitoringToken')

const expectedChecks = [
  'Database health check (platform)',
  'Migrations check',
  'Disk space check',
  'Memory heap check',
  'Memory RSS check',
  'Event loop delay check',
]

test.group('Health / live', () => {
  test('answers ok without touching the session', async ({ client, assert }) => {
    const response = await client.get('/health/live')

    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
    response.assertHeader('cache-control', 'no-store')
    assert.isUndefined(response.header('set-cookie'))
  })
})

test.group('Health / ready', () => {
  test('gives only a summary without the monitoring token', async ({ client, assert }) => {
    const response = await client.get('/health/ready')

    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
    response.assertHeader('cache-control', 'no-store')
    assert.isUndefined(response.header('set-cookie'))
  })

  test('lists every check for the monitoring token holder', async ({ client, assert }) => {
    const response = await client.get('/health/ready').header('x-monitoring-token', token())

    response.assertStatus(200)
    response.assertHeader('cache-control', 'no-store')
    const body = response.body()
    assert.isTrue(body.isHealthy)
    assert.sameMembers(
      body.checks.map((check: { name: string }) => check.name),
      expectedChecks
    )
    for (const check of body.checks) {
      assert.properties(check, ['name', 'status', 'message'])
      assert.notEqual(check.status, 'error', `${check.name}: ${check.message}`)
    }
  })

  test('gives only a summary with a wrong token', async ({ client }) => {
    const response = await client.get('/health/ready').header('x-monitoring-token', `${token()}x`)

    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
  })

  test('never shows the details when no token is configured', async ({ client, cleanup }) => {
    const configured = token()
    app.config.set('agoserve.monitoringToken', undefined)
    cleanup(() => app.config.set('agoserve.monitoringToken', configured))

    const response = await client.get('/health/ready').header('x-monitoring-token', configured)

    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
  })

  test('answers 503 when a check fails', async ({ client, assert, cleanup }) => {
    healthChecks.register([...readinessChecks, new FailingCheck()])
    cleanup(() => {
      healthChecks.register(readinessChecks)
    })

    const summary = await client.get('/health/ready')
    summary.assertStatus(503)
    summary.assertBody({ status: 'error' })

    const detailed = await client.get('/health/ready').header('x-monitoring-token', token())
    detailed.assertStatus(503)
    const failing = detailed
      .body()
      .checks.find((check: { name: string }) => check.name === 'Failing check')
    assert.equal(failing.status, 'error')
    assert.equal(failing.message, 'Simulated outage')
  })

  test('answers 503 while a migration has not run', async ({ client, assert, cleanup }) => {
    const owner = db.connection('owner')
    const latest = await owner.from('adonis_schema').orderBy('id', 'desc').first()
    await owner.from('adonis_schema').where('id', latest.id).delete()
    cleanup(async () => {
      await owner.table('adonis_schema').insert(latest)
    })

    const response = await client.get('/health/ready').header('x-monitoring-token', token())

    response.assertStatus(503)
    const check = response
      .body()
      .checks.find((c: { name: string }) => c.name === 'Migrations check')
    assert.equal(check.status, 'error')
    assert.deepEqual(check.meta.pending, [latest.name])
  })
})
