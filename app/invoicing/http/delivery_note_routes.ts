import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerResource } from '#core/admin/register_resource'
import { registerNavigation } from '#core/http/navigation'
import { deliveryNoteResource } from '#invoicing/http/resources/delivery_note_resource'

/** Delivery notes: their own pages, the ticking page that invoices several, and the list. */
export function deliveryNoteRoutes() {
  const signedIn = [middleware.auth(), middleware.tenant()]
  const notes = controllers.invoicing.DeliveryNotes
  router
    .group(() => {
      router.get('/new', [notes, 'create']).as('create')
      router.post('/', [notes, 'store']).as('store')
      router.get('/to-invoice', [notes, 'toInvoice']).as('toInvoice')
      router.post('/invoice', [notes, 'invoiceSelection']).as('invoiceSelection')
      router.get('/:id', [notes, 'show']).as('show')
      router.post('/:id/lines', [notes, 'addLine']).as('addLine')
      router.post('/:id/lines/:lineId/delete', [notes, 'removeLine']).as('removeLine')
      router.post('/:id/issue', [notes, 'issue']).as('issue')
      router.post('/:id/delete', [notes, 'destroy']).as('destroy')
      router.post('/:id/invoice', [notes, 'invoice']).as('invoice')
      router.get('/:id/print', [notes, 'print']).as('print')
      router.get('/:id/pdf', [notes, 'pdf']).as('pdf')
      router.post('/:id/mail', [notes, 'mail']).as('mail')
    })
    .prefix('/delivery-notes')
    .as('delivery_notes')
    .where('id', router.matchers.uuid())
    .where('lineId', router.matchers.uuid())
    .use(signedIn)
  registerResource(deliveryNoteResource, signedIn)

  registerNavigation({
    group: 'nav.groups.invoicing',
    labelKey: 'nav.delivery_notes',
    href: '/delivery-notes',
    permission: 'invoices.view',
    audience: 'tenant',
    order: 30,
  })
  registerNavigation({
    group: 'nav.groups.invoicing',
    labelKey: 'nav.delivery_notes_to_invoice',
    href: '/delivery-notes/to-invoice',
    permission: 'invoices.manage',
    audience: 'tenant',
    order: 31,
  })
}
