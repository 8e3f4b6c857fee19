import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { SeatRegistry } from '#core/application/seat_registry'
import { can } from '#core/domain/permissions'

export default class HomeController {
  /** Tenant staff land on their shop's home; operator staff on the back office. */
  @inject()
  async show({ auth, view, response, tenantDb }: HttpContext, seats: SeatRegistry) {
    const user = auth.user!
    if (user.isOperator) return response.redirect('/operator/tenants')
    if (!can(user.role, 'seats.manage')) return view.render('pages/home', { seatUsage: null })
    const tenant = await tenantDb!.run((trx) => trx.from('tenants').select('seats').first())
    const holders = await seats.holders(user.tenantId!)
    return view.render('pages/home', {
      seatUsage: { used: holders.length, capacity: tenant.seats },
    })
  }
}
