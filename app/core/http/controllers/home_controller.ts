import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { SeatRegistry } from '#core/application/seat_registry'
import { can } from '#core/domain/permissions'

export default class HomeController {
  /** Tenant staff land on their shop's home; operator staff on the back office. */
  @inject()
  async show({ auth, view, response }: HttpContext, seats: SeatRegistry) {
    const user = auth.user!
    if (user.isOperator) return response.redirect('/operator/tenants')
    return view.render('pages/home', {
      seatHolders: can(user.role, 'seats.manage') ? await seats.holders(user.tenantId!) : null,
    })
  }
}
