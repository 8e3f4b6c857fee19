import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerResource } from '#core/admin/register_resource'
import { registerNavigation } from '#core/http/navigation'
import { salesQuoteResource } from '#trade/http/resources/sales_quote_resource'
import { customerOrderResource } from '#trade/http/resources/customer_order_resource'

/** Quotes (their pages, print, the customer's link) and customer orders. */
export function quoteRoutes() {
  const signedIn = [middleware.auth(), middleware.tenant()]
  const quotes = controllers.trade.SalesQuotes
  router
    .group(() => {
      router.get('/new', [quotes, 'create']).as('create')
      router.post('/', [quotes, 'store']).as('store')
      router.get('/:id', [quotes, 'show']).as('show')
      router.post('/:id/lines', [quotes, 'addLine']).as('addLine')
      router.post('/:id/lines/:lineId/delete', [quotes, 'removeLine']).as('removeLine')
      router.post('/:id/price-basis', [quotes, 'priceBasis']).as('priceBasis')
      router.post('/:id/delete', [quotes, 'destroy']).as('destroy')
      router.post('/:id/send', [quotes, 'send']).as('send')
      router.post('/:id/revise', [quotes, 'revise']).as('revise')
      router.post('/:id/decision', [quotes, 'decide']).as('decide')
      router.post('/:id/link', [quotes, 'createLink']).as('createLink')
      router.post('/:id/link/revoke', [quotes, 'revokeLinks']).as('revokeLinks')
      router.post('/:id/mail', [quotes, 'mail']).as('mail')
      router.post('/:id/invoice', [quotes, 'toInvoice']).as('toInvoice')
      router.post('/:id/job', [quotes, 'toJob']).as('toJob')
      router.post('/:id/order', [quotes, 'toOrder']).as('toOrder')
      router.get('/:id/print', [quotes, 'print']).as('print')
      router.get('/:id/pdf', [quotes, 'pdf']).as('pdf')
    })
    .prefix('/quotes')
    .as('quotes')
    .where('id', router.matchers.uuid())
    .where('lineId', router.matchers.uuid())
    .use(signedIn)
  registerResource(salesQuoteResource, signedIn)

  const orders = controllers.trade.CustomerOrders
  router
    .group(() => {
      router.get('/:id', [orders, 'show']).as('show')
      router.post('/:id/deposit', [orders, 'deposit']).as('deposit')
      router.post('/:id/deliver', [orders, 'deliver']).as('deliver')
      router.post('/:id/cancel', [orders, 'cancel']).as('cancel')
      router.post('/:id/invoice', [orders, 'invoice']).as('invoice')
      router.post('/:id/mail', [orders, 'mail']).as('mail')
      router.get('/:id/print', [orders, 'print']).as('print')
      router.get('/:id/pdf', [orders, 'pdf']).as('pdf')
    })
    .prefix('/orders')
    .as('orders')
    .where('id', router.matchers.uuid())
    .use(signedIn)
  registerResource(customerOrderResource, signedIn)

  // The customer's link: no account, the signed token is the key.
  const link = controllers.trade.QuoteLink
  router
    .group(() => {
      router.get('/:token', [link, 'show']).as('show')
      router.post('/:token', [link, 'decide']).as('decide')
    })
    .prefix('/devis')
    .as('quote_link')

  for (const [labelKey, href, order] of [
    ['nav.quotes', '/quotes', 10],
    ['nav.orders', '/orders', 20],
  ] as const) {
    registerNavigation({
      group: 'nav.groups.invoicing',
      labelKey,
      href,
      permission: 'invoices.view',
      audience: 'tenant',
      order,
    })
  }
}
