import type { HttpContext } from '@adonisjs/core/http'

export default class HealthController {
  live({ response }: HttpContext) {
    response.header('cache-control', 'no-store')
    return response.send({ status: 'ok' })
  }

  async ready({ response }: HttpContext) {
    return response.send({ status: 'ok' })
  }
}
