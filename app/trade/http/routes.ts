import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerNavigation } from '#core/http/navigation'
import { quoteRoutes } from '#trade/http/quote_routes'

/** Routes of the trade module: the counter-sale screen, its tickets, and the cash register. */
export default function tradeRoutes() {
  const signedIn = [middleware.auth(), middleware.tenant()]
  const counter = controllers.trade.Counter
  const tickets = controllers.trade.RegisterTickets
  const register = controllers.trade.Register

  router
    .group(() => {
      router.get('/', [counter, 'show']).as('show')
      router.post('/lines', [counter, 'addLine']).as('addLine')
      router.post('/lines/:lineId', [counter, 'changeLine']).as('changeLine')
      router.post('/lines/:lineId/remove', [counter, 'removeLine']).as('removeLine')
      router.post('/customer', [counter, 'setCustomer']).as('setCustomer')
      router.post('/pay', [counter, 'pay']).as('pay')
      router.get('/tickets', [tickets, 'index']).as('tickets.index')
      router.get('/tickets/:id', [tickets, 'show']).as('tickets.show')
      router.get('/tickets/:id/receipt', [tickets, 'receipt']).as('tickets.receipt')
      router.get('/tickets/:id/receipt.pdf', [tickets, 'receiptPdf']).as('tickets.receiptPdf')
      router.post('/tickets/:id/refund', [tickets, 'refund']).as('tickets.refund')
      router.post('/tickets/:id/mail', [tickets, 'mail']).as('tickets.mail')
      // The A4 invoice of a ticket is invoicing's (app/invoicing/http/routes.ts).
    })
    .prefix('/counter')
    .as('counter')
    .where('id', router.matchers.uuid())
    .where('lineId', router.matchers.uuid())
    .use(signedIn)

  router
    .group(() => {
      router.get('/closures', [register, 'closures']).as('closures')
      router.post('/closures', [register, 'close']).as('close')
      router.post('/archives', [register, 'archive']).as('archive')
      router.get('/archives/:id/file', [register, 'archiveFile']).as('archiveFile')
      router.get('/archives/:id/manifest', [register, 'archiveManifest']).as('archiveManifest')
      router.get('/verify', [register, 'verifyPage']).as('verifyPage')
      router.post('/verify', [register, 'verify']).as('verify')
    })
    .prefix('/register')
    .as('register')
    .where('id', router.matchers.uuid())
    .use(signedIn)

  // The counter comes after the documents in the sales menu.
  const entry = (
    labelKey: string,
    href: string,
    permission: 'counter.sell' | 'register.view',
    order: number
  ) =>
    registerNavigation({
      group: 'nav.groups.invoicing',
      labelKey,
      href,
      permission,
      audience: 'tenant',
      order,
    })
  entry('counter.nav.counter', '/counter', 'counter.sell', 80)
  entry('counter.nav.tickets', '/counter/tickets', 'register.view', 81)
  entry('counter.nav.closures', '/register/closures', 'register.view', 82)
  entry('counter.nav.verify', '/register/verify', 'register.view', 83)
  quoteRoutes()
}
