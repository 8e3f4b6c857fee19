import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerResource } from '#core/admin/register_resource'
import { registerNavigation } from '#core/http/navigation'
import { invoiceResource } from '#invoicing/http/resources/invoice_resource'
import paymentRoutes from '#invoicing/http/payment_routes'
import runRoutes from '#invoicing/http/run_routes'
import { deliveryNoteRoutes } from '#invoicing/http/delivery_note_routes'

/** The invoicing module's pages: invoices and credit notes, then payments and reminders. */
export default function invoicingRoutes() {
  const signedIn = [middleware.auth(), middleware.tenant()]
  const invoices = controllers.invoicing.Invoices
  router
    .group(() => {
      router.get('/new', [invoices, 'create']).as('create')
      router.post('/', [invoices, 'store']).as('store')
      router.get('/:id', [invoices, 'show']).as('show')
      router.post('/:id/lines', [invoices, 'addLine']).as('addLine')
      router.post('/:id/lines/:lineId/delete', [invoices, 'removeLine']).as('removeLine')
      router.post('/:id/price-basis', [invoices, 'priceBasis']).as('priceBasis')
      router.post('/:id/issue', [invoices, 'issue']).as('issue')
      router.post('/:id/delete', [invoices, 'destroy']).as('destroy')
      router.post('/:id/credit-note', [invoices, 'creditNote']).as('creditNote')
      router.post('/:id/send', [invoices, 'send']).as('send')
      router.get('/:id/print', [invoices, 'print']).as('print')
      router.get('/:id/pdf', [invoices, 'pdf']).as('pdf')
      router.get('/:id/factur-x.xml', [invoices, 'xml']).as('xml')
    })
    .prefix('/invoices')
    .as('invoices')
    .where('id', router.matchers.uuid())
    .where('lineId', router.matchers.uuid())
    .use(signedIn)
  registerResource(invoiceResource, signedIn)

  router
    .post('/jobs/:id/invoice', [controllers.invoicing.JobInvoices, 'store'])
    .as('job_invoices.store')
    .where('id', router.matchers.uuid())
    .use(signedIn)
  router
    .post('/counter/tickets/:id/invoice', [controllers.invoicing.TicketInvoices, 'store'])
    .as('ticket_invoices.store')
    .where('id', router.matchers.uuid())
    .use(signedIn)

  const settings = controllers.invoicing.InvoicingSettings
  router
    .group(() => {
      router.get('/', [settings, 'show']).as('show')
      router.post('/', [settings, 'update']).as('update')
    })
    .prefix('/settings/invoicing')
    .as('invoicing_settings')
    .use(signedIn)

  for (const [labelKey, href, order] of [
    ['nav.invoices', '/invoices', 40],
    ['nav.new_invoice', '/invoices/new', 41],
  ] as const) {
    registerNavigation({
      group: 'nav.groups.invoicing',
      labelKey,
      href,
      permission: labelKey === 'nav.invoices' ? 'invoices.view' : 'invoices.manage',
      audience: 'tenant',
      order,
    })
  }
  registerNavigation({
    group: 'nav.groups.settings',
    labelKey: 'nav.invoicing_settings',
    href: '/settings/invoicing',
    permission: 'invoicing.settings',
    audience: 'tenant',
    last: true,
  })
  paymentRoutes()
  runRoutes()
  deliveryNoteRoutes()
}
