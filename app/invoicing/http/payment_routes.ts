import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { registerNavigation } from '#core/http/navigation'

/** Payments, statements, the overdue list and reminder letters. */
export default function paymentRoutes() {
  const signedIn = [middleware.auth(), middleware.tenant()]
  const payments = controllers.invoicing.Payments
  const statements = controllers.invoicing.Statements
  const reminders = controllers.invoicing.Reminders

  router
    .group(() => {
      router.get('/invoices/:id/payments/new', [payments, 'create']).as('create')
      router.post('/invoices/:id/payments', [payments, 'store']).as('store')
      router.post('/invoices/:id/payments/credit', [payments, 'allocateCredit']).as('credit')
      router.get('/payments', [payments, 'index']).as('index')
      router.get('/payments/export.csv', [payments, 'exportCsv']).as('export')
      router.post('/payments/:id/cancel', [payments, 'cancel']).as('cancel')
    })
    .as('payments')
    .where('id', router.matchers.uuid())
    .use(signedIn)

  router
    .group(() => {
      router.get('/', [statements, 'show']).as('show')
      router.get('/print', [statements, 'print']).as('print')
      router.get('/pdf', [statements, 'pdf']).as('pdf')
      router.post('/payments', [statements, 'storePayment']).as('payment')
    })
    .prefix('/customers/:id/statement')
    .as('statements')
    .where('id', router.matchers.uuid())
    .use(signedIn)

  router
    .group(() => {
      router.get('/', [reminders, 'index']).as('index')
      router.get('/:id', [reminders, 'show']).as('show')
      router.get('/:id/letter', [reminders, 'letter']).as('letter')
      router.get('/:id/letter.pdf', [reminders, 'letterPdf']).as('letterPdf')
      router.post('/:id/reminders', [reminders, 'store']).as('store')
    })
    .prefix('/receivables/overdue')
    .as('reminders')
    .where('id', router.matchers.uuid())
    .use(signedIn)

  registerNavigation({
    group: 'nav.groups.invoicing',
    labelKey: 'nav.payments',
    href: '/payments',
    permission: 'payments.view',
    audience: 'tenant',
    order: 60,
  })
  registerNavigation({
    group: 'nav.groups.invoicing',
    labelKey: 'nav.overdue',
    href: '/receivables/overdue',
    permission: 'payments.view',
    audience: 'tenant',
    order: 61,
  })
}
