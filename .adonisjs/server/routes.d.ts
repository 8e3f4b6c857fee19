import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'session.endSeat': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'password.forgot': { paramsTuple?: []; params?: {} }
    'password.sendResetLink': { paramsTuple?: []; params?: {} }
    'password.reset': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password.storeReset': { paramsTuple?: []; params?: {} }
    'preferences.locale': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'password.edit': { paramsTuple?: []; params?: {} }
    'password.update': { paramsTuple?: []; params?: {} }
    'seats.index': { paramsTuple?: []; params?: {} }
    'seats.end': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'settings.documents.edit': { paramsTuple?: []; params?: {} }
    'settings.documents.update': { paramsTuple?: []; params?: {} }
    'settings.documents.removeLogo': { paramsTuple?: []; params?: {} }
    'settings.documents.preview': { paramsTuple?: []; params?: {} }
    'settings.documents.previewHtml': { paramsTuple?: []; params?: {} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.export': { paramsTuple?: []; params?: {} }
    'staff.lookup': { paramsTuple?: []; params?: {} }
    'staff.create': { paramsTuple?: []; params?: {} }
    'staff.store': { paramsTuple?: []; params?: {} }
    'staff.bulk': { paramsTuple?: []; params?: {} }
    'staff.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'staff.saveView': { paramsTuple?: []; params?: {} }
    'staff.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'dev.mails': { paramsTuple?: []; params?: {} }
    'dev.styleGuide': { paramsTuple?: []; params?: {} }
    'repair_jobs.create': { paramsTuple?: []; params?: {} }
    'repair_jobs.store': { paramsTuple?: []; params?: {} }
    'repair_jobs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.status': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.details': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.addLine': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.removeLine': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'lineId': ParamValue} }
    'repair_jobs.sign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.decideQuote': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.createLink': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.revokeLinks': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.onSite': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.attach': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.attachment': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'attachmentId': ParamValue} }
    'repair_jobs.detach': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'attachmentId': ParamValue} }
    'repair_jobs.index': { paramsTuple?: []; params?: {} }
    'repair_jobs.export': { paramsTuple?: []; params?: {} }
    'repair_jobs.lookup': { paramsTuple?: []; params?: {} }
    'repair_jobs.bulk': { paramsTuple?: []; params?: {} }
    'repair_jobs.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'repair_jobs.saveView': { paramsTuple?: []; params?: {} }
    'repair_jobs.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'customer_link.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'customer_link.decide': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'portal.index': { paramsTuple?: []; params?: {} }
    'portal.update': { paramsTuple?: []; params?: {} }
    'portal.sync': { paramsTuple?: []; params?: {} }
    'portal.retry': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'portal.jobsExport': { paramsTuple?: []; params?: {} }
    'job_documents.intakeReceipt': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'job_documents.intakeReceiptPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'job_documents.intakeTicketPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'job_documents.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'job_documents.reportPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.index': { paramsTuple?: []; params?: {} }
    'planning.daySheet': { paramsTuple?: []; params?: {} }
    'planning.myDay': { paramsTuple?: []; params?: {} }
    'planning.appointments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.appointments.move': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.appointments.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.appointments.done': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.jobAppointments.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.jobAppointments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.index': { paramsTuple?: []; params?: {} }
    'planning.hours.export': { paramsTuple?: []; params?: {} }
    'planning.hours.lookup': { paramsTuple?: []; params?: {} }
    'planning.hours.create': { paramsTuple?: []; params?: {} }
    'planning.hours.store': { paramsTuple?: []; params?: {} }
    'planning.hours.bulk': { paramsTuple?: []; params?: {} }
    'planning.hours.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'planning.hours.saveView': { paramsTuple?: []; params?: {} }
    'planning.hours.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'planning.absences.index': { paramsTuple?: []; params?: {} }
    'planning.absences.export': { paramsTuple?: []; params?: {} }
    'planning.absences.lookup': { paramsTuple?: []; params?: {} }
    'planning.absences.create': { paramsTuple?: []; params?: {} }
    'planning.absences.store': { paramsTuple?: []; params?: {} }
    'planning.absences.bulk': { paramsTuple?: []; params?: {} }
    'planning.absences.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'planning.absences.saveView': { paramsTuple?: []; params?: {} }
    'planning.absences.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'planning.windows.index': { paramsTuple?: []; params?: {} }
    'planning.windows.export': { paramsTuple?: []; params?: {} }
    'planning.windows.lookup': { paramsTuple?: []; params?: {} }
    'planning.windows.create': { paramsTuple?: []; params?: {} }
    'planning.windows.store': { paramsTuple?: []; params?: {} }
    'planning.windows.bulk': { paramsTuple?: []; params?: {} }
    'planning.windows.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'planning.windows.saveView': { paramsTuple?: []; params?: {} }
    'planning.windows.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'planning.zones.index': { paramsTuple?: []; params?: {} }
    'planning.zones.export': { paramsTuple?: []; params?: {} }
    'planning.zones.lookup': { paramsTuple?: []; params?: {} }
    'planning.zones.create': { paramsTuple?: []; params?: {} }
    'planning.zones.store': { paramsTuple?: []; params?: {} }
    'planning.zones.bulk': { paramsTuple?: []; params?: {} }
    'planning.zones.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'planning.zones.saveView': { paramsTuple?: []; params?: {} }
    'planning.zones.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'planning.zone_technicians.index': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.export': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.lookup': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.create': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.store': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.bulk': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'planning.zone_technicians.saveView': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'notifications.unsubscribe.show': { paramsTuple: [ParamValue,ParamValue]; params: {'tenantId': ParamValue,'customerId': ParamValue} }
    'notifications.unsubscribe.store': { paramsTuple: [ParamValue,ParamValue]; params: {'tenantId': ParamValue,'customerId': ParamValue} }
    'dev.sms': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'take_backs.record': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.slip': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'takeBackId': ParamValue} }
    'take_backs.slipPdf': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'takeBackId': ParamValue} }
    'take_backs.handOver': { paramsTuple?: []; params?: {} }
    'take_backs.markCollected': { paramsTuple?: []; params?: {} }
    'take_backs.index': { paramsTuple?: []; params?: {} }
    'take_backs.export': { paramsTuple?: []; params?: {} }
    'take_backs.lookup': { paramsTuple?: []; params?: {} }
    'take_backs.create': { paramsTuple?: []; params?: {} }
    'take_backs.store': { paramsTuple?: []; params?: {} }
    'take_backs.bulk': { paramsTuple?: []; params?: {} }
    'take_backs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'take_backs.saveView': { paramsTuple?: []; params?: {} }
    'take_backs.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'counter.show': { paramsTuple?: []; params?: {} }
    'counter.addLine': { paramsTuple?: []; params?: {} }
    'counter.changeLine': { paramsTuple: [ParamValue]; params: {'lineId': ParamValue} }
    'counter.removeLine': { paramsTuple: [ParamValue]; params: {'lineId': ParamValue} }
    'counter.setCustomer': { paramsTuple?: []; params?: {} }
    'counter.pay': { paramsTuple?: []; params?: {} }
    'counter.tickets.index': { paramsTuple?: []; params?: {} }
    'counter.tickets.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'counter.tickets.receipt': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'counter.tickets.receiptPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'counter.tickets.refund': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'counter.tickets.mail': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.closures': { paramsTuple?: []; params?: {} }
    'register.close': { paramsTuple?: []; params?: {} }
    'register.archive': { paramsTuple?: []; params?: {} }
    'register.archiveFile': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.archiveManifest': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.verifyPage': { paramsTuple?: []; params?: {} }
    'register.verify': { paramsTuple?: []; params?: {} }
    'quotes.create': { paramsTuple?: []; params?: {} }
    'quotes.store': { paramsTuple?: []; params?: {} }
    'quotes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.addLine': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.removeLine': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'lineId': ParamValue} }
    'quotes.priceBasis': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.send': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.revise': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.decide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.createLink': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.revokeLinks': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.mail': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.toInvoice': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.toJob': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.toOrder': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.index': { paramsTuple?: []; params?: {} }
    'quotes.export': { paramsTuple?: []; params?: {} }
    'quotes.lookup': { paramsTuple?: []; params?: {} }
    'quotes.bulk': { paramsTuple?: []; params?: {} }
    'quotes.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'quotes.saveView': { paramsTuple?: []; params?: {} }
    'quotes.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.deposit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.deliver': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.invoice': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.mail': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.index': { paramsTuple?: []; params?: {} }
    'orders.export': { paramsTuple?: []; params?: {} }
    'orders.lookup': { paramsTuple?: []; params?: {} }
    'orders.create': { paramsTuple?: []; params?: {} }
    'orders.store': { paramsTuple?: []; params?: {} }
    'orders.bulk': { paramsTuple?: []; params?: {} }
    'orders.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'orders.saveView': { paramsTuple?: []; params?: {} }
    'orders.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'quote_link.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'quote_link.decide': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invoices.create': { paramsTuple?: []; params?: {} }
    'invoices.store': { paramsTuple?: []; params?: {} }
    'invoices.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.addLine': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.removeLine': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'lineId': ParamValue} }
    'invoices.priceBasis': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.issue': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.creditNote': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.send': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.xml': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.index': { paramsTuple?: []; params?: {} }
    'invoices.export': { paramsTuple?: []; params?: {} }
    'invoices.lookup': { paramsTuple?: []; params?: {} }
    'invoices.bulk': { paramsTuple?: []; params?: {} }
    'invoices.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'invoices.saveView': { paramsTuple?: []; params?: {} }
    'invoices.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'job_invoices.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'ticket_invoices.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoicing_settings.show': { paramsTuple?: []; params?: {} }
    'invoicing_settings.update': { paramsTuple?: []; params?: {} }
    'payments.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.credit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.index': { paramsTuple?: []; params?: {} }
    'payments.export': { paramsTuple?: []; params?: {} }
    'payments.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'statements.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'statements.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'statements.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'statements.payment': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reminders.index': { paramsTuple?: []; params?: {} }
    'reminders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reminders.letter': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reminders.letterPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reminders.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoicing_runs.index': { paramsTuple?: []; params?: {} }
    'invoicing_runs.store': { paramsTuple?: []; params?: {} }
    'invoicing_runs.principals': { paramsTuple?: []; params?: {} }
    'invoicing_runs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.create': { paramsTuple?: []; params?: {} }
    'delivery_notes.store': { paramsTuple?: []; params?: {} }
    'delivery_notes.toInvoice': { paramsTuple?: []; params?: {} }
    'delivery_notes.invoiceSelection': { paramsTuple?: []; params?: {} }
    'delivery_notes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.addLine': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.removeLine': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'lineId': ParamValue} }
    'delivery_notes.issue': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.invoice': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.mail': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.index': { paramsTuple?: []; params?: {} }
    'delivery_notes.export': { paramsTuple?: []; params?: {} }
    'delivery_notes.lookup': { paramsTuple?: []; params?: {} }
    'delivery_notes.bulk': { paramsTuple?: []; params?: {} }
    'delivery_notes.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'delivery_notes.saveView': { paramsTuple?: []; params?: {} }
    'delivery_notes.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'search.index': { paramsTuple?: []; params?: {} }
    'customers.personalData': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'referentials.priceSimulator': { paramsTuple?: []; params?: {} }
    'customers.index': { paramsTuple?: []; params?: {} }
    'customers.export': { paramsTuple?: []; params?: {} }
    'customers.lookup': { paramsTuple?: []; params?: {} }
    'customers.create': { paramsTuple?: []; params?: {} }
    'customers.store': { paramsTuple?: []; params?: {} }
    'customers.bulk': { paramsTuple?: []; params?: {} }
    'customers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'customers.saveView': { paramsTuple?: []; params?: {} }
    'customers.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'customer_appliances.index': { paramsTuple?: []; params?: {} }
    'customer_appliances.export': { paramsTuple?: []; params?: {} }
    'customer_appliances.lookup': { paramsTuple?: []; params?: {} }
    'customer_appliances.create': { paramsTuple?: []; params?: {} }
    'customer_appliances.store': { paramsTuple?: []; params?: {} }
    'customer_appliances.bulk': { paramsTuple?: []; params?: {} }
    'customer_appliances.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'customer_appliances.saveView': { paramsTuple?: []; params?: {} }
    'customer_appliances.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'customer_sites.index': { paramsTuple?: []; params?: {} }
    'customer_sites.export': { paramsTuple?: []; params?: {} }
    'customer_sites.lookup': { paramsTuple?: []; params?: {} }
    'customer_sites.create': { paramsTuple?: []; params?: {} }
    'customer_sites.store': { paramsTuple?: []; params?: {} }
    'customer_sites.bulk': { paramsTuple?: []; params?: {} }
    'customer_sites.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'customer_sites.saveView': { paramsTuple?: []; params?: {} }
    'customer_sites.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'customer_contacts.index': { paramsTuple?: []; params?: {} }
    'customer_contacts.export': { paramsTuple?: []; params?: {} }
    'customer_contacts.lookup': { paramsTuple?: []; params?: {} }
    'customer_contacts.create': { paramsTuple?: []; params?: {} }
    'customer_contacts.store': { paramsTuple?: []; params?: {} }
    'customer_contacts.bulk': { paramsTuple?: []; params?: {} }
    'customer_contacts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'customer_contacts.saveView': { paramsTuple?: []; params?: {} }
    'customer_contacts.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'product_models.index': { paramsTuple?: []; params?: {} }
    'product_models.export': { paramsTuple?: []; params?: {} }
    'product_models.lookup': { paramsTuple?: []; params?: {} }
    'product_models.create': { paramsTuple?: []; params?: {} }
    'product_models.store': { paramsTuple?: []; params?: {} }
    'product_models.bulk': { paramsTuple?: []; params?: {} }
    'product_models.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'product_models.saveView': { paramsTuple?: []; params?: {} }
    'product_models.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'brands.index': { paramsTuple?: []; params?: {} }
    'brands.export': { paramsTuple?: []; params?: {} }
    'brands.lookup': { paramsTuple?: []; params?: {} }
    'brands.create': { paramsTuple?: []; params?: {} }
    'brands.store': { paramsTuple?: []; params?: {} }
    'brands.bulk': { paramsTuple?: []; params?: {} }
    'brands.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'brands.saveView': { paramsTuple?: []; params?: {} }
    'brands.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'manufacturers.index': { paramsTuple?: []; params?: {} }
    'manufacturers.export': { paramsTuple?: []; params?: {} }
    'manufacturers.lookup': { paramsTuple?: []; params?: {} }
    'manufacturers.create': { paramsTuple?: []; params?: {} }
    'manufacturers.store': { paramsTuple?: []; params?: {} }
    'manufacturers.bulk': { paramsTuple?: []; params?: {} }
    'manufacturers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'manufacturers.saveView': { paramsTuple?: []; params?: {} }
    'manufacturers.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'suppliers.index': { paramsTuple?: []; params?: {} }
    'suppliers.export': { paramsTuple?: []; params?: {} }
    'suppliers.lookup': { paramsTuple?: []; params?: {} }
    'suppliers.create': { paramsTuple?: []; params?: {} }
    'suppliers.store': { paramsTuple?: []; params?: {} }
    'suppliers.bulk': { paramsTuple?: []; params?: {} }
    'suppliers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'suppliers.saveView': { paramsTuple?: []; params?: {} }
    'suppliers.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'articles.index': { paramsTuple?: []; params?: {} }
    'articles.export': { paramsTuple?: []; params?: {} }
    'articles.lookup': { paramsTuple?: []; params?: {} }
    'articles.create': { paramsTuple?: []; params?: {} }
    'articles.store': { paramsTuple?: []; params?: {} }
    'articles.bulk': { paramsTuple?: []; params?: {} }
    'articles.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'articles.saveView': { paramsTuple?: []; params?: {} }
    'articles.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'article_families.index': { paramsTuple?: []; params?: {} }
    'article_families.export': { paramsTuple?: []; params?: {} }
    'article_families.lookup': { paramsTuple?: []; params?: {} }
    'article_families.create': { paramsTuple?: []; params?: {} }
    'article_families.store': { paramsTuple?: []; params?: {} }
    'article_families.bulk': { paramsTuple?: []; params?: {} }
    'article_families.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'article_families.saveView': { paramsTuple?: []; params?: {} }
    'article_families.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'article_supplier_refs.index': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.export': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.lookup': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.create': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.store': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.bulk': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'article_supplier_refs.saveView': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'price_grids.index': { paramsTuple?: []; params?: {} }
    'price_grids.export': { paramsTuple?: []; params?: {} }
    'price_grids.lookup': { paramsTuple?: []; params?: {} }
    'price_grids.create': { paramsTuple?: []; params?: {} }
    'price_grids.store': { paramsTuple?: []; params?: {} }
    'price_grids.bulk': { paramsTuple?: []; params?: {} }
    'price_grids.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'price_grids.saveView': { paramsTuple?: []; params?: {} }
    'price_grids.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'price_grid_rules.index': { paramsTuple?: []; params?: {} }
    'price_grid_rules.export': { paramsTuple?: []; params?: {} }
    'price_grid_rules.lookup': { paramsTuple?: []; params?: {} }
    'price_grid_rules.create': { paramsTuple?: []; params?: {} }
    'price_grid_rules.store': { paramsTuple?: []; params?: {} }
    'price_grid_rules.bulk': { paramsTuple?: []; params?: {} }
    'price_grid_rules.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'price_grid_rules.saveView': { paramsTuple?: []; params?: {} }
    'price_grid_rules.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'price_grid_breaks.index': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.export': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.lookup': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.create': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.store': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.bulk': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'price_grid_breaks.saveView': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'customer_categories.index': { paramsTuple?: []; params?: {} }
    'customer_categories.export': { paramsTuple?: []; params?: {} }
    'customer_categories.lookup': { paramsTuple?: []; params?: {} }
    'customer_categories.create': { paramsTuple?: []; params?: {} }
    'customer_categories.store': { paramsTuple?: []; params?: {} }
    'customer_categories.bulk': { paramsTuple?: []; params?: {} }
    'customer_categories.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'customer_categories.saveView': { paramsTuple?: []; params?: {} }
    'customer_categories.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'vat_rates.index': { paramsTuple?: []; params?: {} }
    'vat_rates.export': { paramsTuple?: []; params?: {} }
    'vat_rates.lookup': { paramsTuple?: []; params?: {} }
    'vat_rates.create': { paramsTuple?: []; params?: {} }
    'vat_rates.store': { paramsTuple?: []; params?: {} }
    'vat_rates.bulk': { paramsTuple?: []; params?: {} }
    'vat_rates.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'data_portability.index': { paramsTuple?: []; params?: {} }
    'data_portability.formats.show': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'data_portability.formats.example': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'data_portability.imports.store': { paramsTuple?: []; params?: {} }
    'data_portability.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'data_portability.imports.commit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'data_portability.exports.tenant': { paramsTuple?: []; params?: {} }
    'data_portability.exports.kind': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'tenants.index': { paramsTuple?: []; params?: {} }
    'tenants.export': { paramsTuple?: []; params?: {} }
    'tenants.lookup': { paramsTuple?: []; params?: {} }
    'tenants.create': { paramsTuple?: []; params?: {} }
    'tenants.store': { paramsTuple?: []; params?: {} }
    'tenants.bulk': { paramsTuple?: []; params?: {} }
    'tenants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
  }
  GET: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password.forgot': { paramsTuple?: []; params?: {} }
    'password.reset': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'password.edit': { paramsTuple?: []; params?: {} }
    'seats.index': { paramsTuple?: []; params?: {} }
    'settings.documents.edit': { paramsTuple?: []; params?: {} }
    'settings.documents.preview': { paramsTuple?: []; params?: {} }
    'settings.documents.previewHtml': { paramsTuple?: []; params?: {} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.export': { paramsTuple?: []; params?: {} }
    'staff.lookup': { paramsTuple?: []; params?: {} }
    'staff.create': { paramsTuple?: []; params?: {} }
    'staff.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mails': { paramsTuple?: []; params?: {} }
    'dev.styleGuide': { paramsTuple?: []; params?: {} }
    'repair_jobs.create': { paramsTuple?: []; params?: {} }
    'repair_jobs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.onSite': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.attachment': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'attachmentId': ParamValue} }
    'repair_jobs.index': { paramsTuple?: []; params?: {} }
    'repair_jobs.export': { paramsTuple?: []; params?: {} }
    'repair_jobs.lookup': { paramsTuple?: []; params?: {} }
    'repair_jobs.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_link.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'portal.index': { paramsTuple?: []; params?: {} }
    'portal.jobsExport': { paramsTuple?: []; params?: {} }
    'job_documents.intakeReceipt': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'job_documents.intakeReceiptPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'job_documents.intakeTicketPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'job_documents.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'job_documents.reportPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.index': { paramsTuple?: []; params?: {} }
    'planning.daySheet': { paramsTuple?: []; params?: {} }
    'planning.myDay': { paramsTuple?: []; params?: {} }
    'planning.appointments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.jobAppointments.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.index': { paramsTuple?: []; params?: {} }
    'planning.hours.export': { paramsTuple?: []; params?: {} }
    'planning.hours.lookup': { paramsTuple?: []; params?: {} }
    'planning.hours.create': { paramsTuple?: []; params?: {} }
    'planning.hours.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.index': { paramsTuple?: []; params?: {} }
    'planning.absences.export': { paramsTuple?: []; params?: {} }
    'planning.absences.lookup': { paramsTuple?: []; params?: {} }
    'planning.absences.create': { paramsTuple?: []; params?: {} }
    'planning.absences.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.index': { paramsTuple?: []; params?: {} }
    'planning.windows.export': { paramsTuple?: []; params?: {} }
    'planning.windows.lookup': { paramsTuple?: []; params?: {} }
    'planning.windows.create': { paramsTuple?: []; params?: {} }
    'planning.windows.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.index': { paramsTuple?: []; params?: {} }
    'planning.zones.export': { paramsTuple?: []; params?: {} }
    'planning.zones.lookup': { paramsTuple?: []; params?: {} }
    'planning.zones.create': { paramsTuple?: []; params?: {} }
    'planning.zones.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.index': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.export': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.lookup': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.create': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notifications.unsubscribe.show': { paramsTuple: [ParamValue,ParamValue]; params: {'tenantId': ParamValue,'customerId': ParamValue} }
    'dev.sms': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'take_backs.slip': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'takeBackId': ParamValue} }
    'take_backs.slipPdf': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'takeBackId': ParamValue} }
    'take_backs.handOver': { paramsTuple?: []; params?: {} }
    'take_backs.index': { paramsTuple?: []; params?: {} }
    'take_backs.export': { paramsTuple?: []; params?: {} }
    'take_backs.lookup': { paramsTuple?: []; params?: {} }
    'take_backs.create': { paramsTuple?: []; params?: {} }
    'take_backs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'counter.show': { paramsTuple?: []; params?: {} }
    'counter.tickets.index': { paramsTuple?: []; params?: {} }
    'counter.tickets.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'counter.tickets.receipt': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'counter.tickets.receiptPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.closures': { paramsTuple?: []; params?: {} }
    'register.archiveFile': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.archiveManifest': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.verifyPage': { paramsTuple?: []; params?: {} }
    'quotes.create': { paramsTuple?: []; params?: {} }
    'quotes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.index': { paramsTuple?: []; params?: {} }
    'quotes.export': { paramsTuple?: []; params?: {} }
    'quotes.lookup': { paramsTuple?: []; params?: {} }
    'quotes.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.index': { paramsTuple?: []; params?: {} }
    'orders.export': { paramsTuple?: []; params?: {} }
    'orders.lookup': { paramsTuple?: []; params?: {} }
    'orders.create': { paramsTuple?: []; params?: {} }
    'orders.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quote_link.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invoices.create': { paramsTuple?: []; params?: {} }
    'invoices.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.xml': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.index': { paramsTuple?: []; params?: {} }
    'invoices.export': { paramsTuple?: []; params?: {} }
    'invoices.lookup': { paramsTuple?: []; params?: {} }
    'invoices.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoicing_settings.show': { paramsTuple?: []; params?: {} }
    'payments.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.index': { paramsTuple?: []; params?: {} }
    'payments.export': { paramsTuple?: []; params?: {} }
    'statements.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'statements.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'statements.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reminders.index': { paramsTuple?: []; params?: {} }
    'reminders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reminders.letter': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reminders.letterPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoicing_runs.index': { paramsTuple?: []; params?: {} }
    'invoicing_runs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.create': { paramsTuple?: []; params?: {} }
    'delivery_notes.toInvoice': { paramsTuple?: []; params?: {} }
    'delivery_notes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.index': { paramsTuple?: []; params?: {} }
    'delivery_notes.export': { paramsTuple?: []; params?: {} }
    'delivery_notes.lookup': { paramsTuple?: []; params?: {} }
    'delivery_notes.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'search.index': { paramsTuple?: []; params?: {} }
    'customers.personalData': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'referentials.priceSimulator': { paramsTuple?: []; params?: {} }
    'customers.index': { paramsTuple?: []; params?: {} }
    'customers.export': { paramsTuple?: []; params?: {} }
    'customers.lookup': { paramsTuple?: []; params?: {} }
    'customers.create': { paramsTuple?: []; params?: {} }
    'customers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.index': { paramsTuple?: []; params?: {} }
    'customer_appliances.export': { paramsTuple?: []; params?: {} }
    'customer_appliances.lookup': { paramsTuple?: []; params?: {} }
    'customer_appliances.create': { paramsTuple?: []; params?: {} }
    'customer_appliances.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.index': { paramsTuple?: []; params?: {} }
    'customer_sites.export': { paramsTuple?: []; params?: {} }
    'customer_sites.lookup': { paramsTuple?: []; params?: {} }
    'customer_sites.create': { paramsTuple?: []; params?: {} }
    'customer_sites.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.index': { paramsTuple?: []; params?: {} }
    'customer_contacts.export': { paramsTuple?: []; params?: {} }
    'customer_contacts.lookup': { paramsTuple?: []; params?: {} }
    'customer_contacts.create': { paramsTuple?: []; params?: {} }
    'customer_contacts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.index': { paramsTuple?: []; params?: {} }
    'product_models.export': { paramsTuple?: []; params?: {} }
    'product_models.lookup': { paramsTuple?: []; params?: {} }
    'product_models.create': { paramsTuple?: []; params?: {} }
    'product_models.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.index': { paramsTuple?: []; params?: {} }
    'brands.export': { paramsTuple?: []; params?: {} }
    'brands.lookup': { paramsTuple?: []; params?: {} }
    'brands.create': { paramsTuple?: []; params?: {} }
    'brands.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.index': { paramsTuple?: []; params?: {} }
    'manufacturers.export': { paramsTuple?: []; params?: {} }
    'manufacturers.lookup': { paramsTuple?: []; params?: {} }
    'manufacturers.create': { paramsTuple?: []; params?: {} }
    'manufacturers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.index': { paramsTuple?: []; params?: {} }
    'suppliers.export': { paramsTuple?: []; params?: {} }
    'suppliers.lookup': { paramsTuple?: []; params?: {} }
    'suppliers.create': { paramsTuple?: []; params?: {} }
    'suppliers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.index': { paramsTuple?: []; params?: {} }
    'articles.export': { paramsTuple?: []; params?: {} }
    'articles.lookup': { paramsTuple?: []; params?: {} }
    'articles.create': { paramsTuple?: []; params?: {} }
    'articles.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.index': { paramsTuple?: []; params?: {} }
    'article_families.export': { paramsTuple?: []; params?: {} }
    'article_families.lookup': { paramsTuple?: []; params?: {} }
    'article_families.create': { paramsTuple?: []; params?: {} }
    'article_families.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.index': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.export': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.lookup': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.create': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.index': { paramsTuple?: []; params?: {} }
    'price_grids.export': { paramsTuple?: []; params?: {} }
    'price_grids.lookup': { paramsTuple?: []; params?: {} }
    'price_grids.create': { paramsTuple?: []; params?: {} }
    'price_grids.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.index': { paramsTuple?: []; params?: {} }
    'price_grid_rules.export': { paramsTuple?: []; params?: {} }
    'price_grid_rules.lookup': { paramsTuple?: []; params?: {} }
    'price_grid_rules.create': { paramsTuple?: []; params?: {} }
    'price_grid_rules.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.index': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.export': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.lookup': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.create': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.index': { paramsTuple?: []; params?: {} }
    'customer_categories.export': { paramsTuple?: []; params?: {} }
    'customer_categories.lookup': { paramsTuple?: []; params?: {} }
    'customer_categories.create': { paramsTuple?: []; params?: {} }
    'customer_categories.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.index': { paramsTuple?: []; params?: {} }
    'vat_rates.export': { paramsTuple?: []; params?: {} }
    'vat_rates.lookup': { paramsTuple?: []; params?: {} }
    'vat_rates.create': { paramsTuple?: []; params?: {} }
    'vat_rates.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'data_portability.index': { paramsTuple?: []; params?: {} }
    'data_portability.formats.show': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'data_portability.formats.example': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'data_portability.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'data_portability.exports.tenant': { paramsTuple?: []; params?: {} }
    'data_portability.exports.kind': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'tenants.index': { paramsTuple?: []; params?: {} }
    'tenants.export': { paramsTuple?: []; params?: {} }
    'tenants.lookup': { paramsTuple?: []; params?: {} }
    'tenants.create': { paramsTuple?: []; params?: {} }
    'tenants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  HEAD: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password.forgot': { paramsTuple?: []; params?: {} }
    'password.reset': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'password.edit': { paramsTuple?: []; params?: {} }
    'seats.index': { paramsTuple?: []; params?: {} }
    'settings.documents.edit': { paramsTuple?: []; params?: {} }
    'settings.documents.preview': { paramsTuple?: []; params?: {} }
    'settings.documents.previewHtml': { paramsTuple?: []; params?: {} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.export': { paramsTuple?: []; params?: {} }
    'staff.lookup': { paramsTuple?: []; params?: {} }
    'staff.create': { paramsTuple?: []; params?: {} }
    'staff.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mails': { paramsTuple?: []; params?: {} }
    'dev.styleGuide': { paramsTuple?: []; params?: {} }
    'repair_jobs.create': { paramsTuple?: []; params?: {} }
    'repair_jobs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.onSite': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.attachment': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'attachmentId': ParamValue} }
    'repair_jobs.index': { paramsTuple?: []; params?: {} }
    'repair_jobs.export': { paramsTuple?: []; params?: {} }
    'repair_jobs.lookup': { paramsTuple?: []; params?: {} }
    'repair_jobs.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_link.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'portal.index': { paramsTuple?: []; params?: {} }
    'portal.jobsExport': { paramsTuple?: []; params?: {} }
    'job_documents.intakeReceipt': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'job_documents.intakeReceiptPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'job_documents.intakeTicketPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'job_documents.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'job_documents.reportPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.index': { paramsTuple?: []; params?: {} }
    'planning.daySheet': { paramsTuple?: []; params?: {} }
    'planning.myDay': { paramsTuple?: []; params?: {} }
    'planning.appointments.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.jobAppointments.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.index': { paramsTuple?: []; params?: {} }
    'planning.hours.export': { paramsTuple?: []; params?: {} }
    'planning.hours.lookup': { paramsTuple?: []; params?: {} }
    'planning.hours.create': { paramsTuple?: []; params?: {} }
    'planning.hours.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.index': { paramsTuple?: []; params?: {} }
    'planning.absences.export': { paramsTuple?: []; params?: {} }
    'planning.absences.lookup': { paramsTuple?: []; params?: {} }
    'planning.absences.create': { paramsTuple?: []; params?: {} }
    'planning.absences.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.index': { paramsTuple?: []; params?: {} }
    'planning.windows.export': { paramsTuple?: []; params?: {} }
    'planning.windows.lookup': { paramsTuple?: []; params?: {} }
    'planning.windows.create': { paramsTuple?: []; params?: {} }
    'planning.windows.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.index': { paramsTuple?: []; params?: {} }
    'planning.zones.export': { paramsTuple?: []; params?: {} }
    'planning.zones.lookup': { paramsTuple?: []; params?: {} }
    'planning.zones.create': { paramsTuple?: []; params?: {} }
    'planning.zones.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.index': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.export': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.lookup': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.create': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notifications.unsubscribe.show': { paramsTuple: [ParamValue,ParamValue]; params: {'tenantId': ParamValue,'customerId': ParamValue} }
    'dev.sms': { paramsTuple?: []; params?: {} }
    'dashboard': { paramsTuple?: []; params?: {} }
    'take_backs.slip': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'takeBackId': ParamValue} }
    'take_backs.slipPdf': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'takeBackId': ParamValue} }
    'take_backs.handOver': { paramsTuple?: []; params?: {} }
    'take_backs.index': { paramsTuple?: []; params?: {} }
    'take_backs.export': { paramsTuple?: []; params?: {} }
    'take_backs.lookup': { paramsTuple?: []; params?: {} }
    'take_backs.create': { paramsTuple?: []; params?: {} }
    'take_backs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'counter.show': { paramsTuple?: []; params?: {} }
    'counter.tickets.index': { paramsTuple?: []; params?: {} }
    'counter.tickets.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'counter.tickets.receipt': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'counter.tickets.receiptPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.closures': { paramsTuple?: []; params?: {} }
    'register.archiveFile': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.archiveManifest': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.verifyPage': { paramsTuple?: []; params?: {} }
    'quotes.create': { paramsTuple?: []; params?: {} }
    'quotes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.index': { paramsTuple?: []; params?: {} }
    'quotes.export': { paramsTuple?: []; params?: {} }
    'quotes.lookup': { paramsTuple?: []; params?: {} }
    'quotes.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.index': { paramsTuple?: []; params?: {} }
    'orders.export': { paramsTuple?: []; params?: {} }
    'orders.lookup': { paramsTuple?: []; params?: {} }
    'orders.create': { paramsTuple?: []; params?: {} }
    'orders.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quote_link.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invoices.create': { paramsTuple?: []; params?: {} }
    'invoices.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.xml': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.index': { paramsTuple?: []; params?: {} }
    'invoices.export': { paramsTuple?: []; params?: {} }
    'invoices.lookup': { paramsTuple?: []; params?: {} }
    'invoices.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoicing_settings.show': { paramsTuple?: []; params?: {} }
    'payments.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.index': { paramsTuple?: []; params?: {} }
    'payments.export': { paramsTuple?: []; params?: {} }
    'statements.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'statements.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'statements.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reminders.index': { paramsTuple?: []; params?: {} }
    'reminders.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reminders.letter': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reminders.letterPdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoicing_runs.index': { paramsTuple?: []; params?: {} }
    'invoicing_runs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.create': { paramsTuple?: []; params?: {} }
    'delivery_notes.toInvoice': { paramsTuple?: []; params?: {} }
    'delivery_notes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.print': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.index': { paramsTuple?: []; params?: {} }
    'delivery_notes.export': { paramsTuple?: []; params?: {} }
    'delivery_notes.lookup': { paramsTuple?: []; params?: {} }
    'delivery_notes.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'search.index': { paramsTuple?: []; params?: {} }
    'customers.personalData': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'referentials.priceSimulator': { paramsTuple?: []; params?: {} }
    'customers.index': { paramsTuple?: []; params?: {} }
    'customers.export': { paramsTuple?: []; params?: {} }
    'customers.lookup': { paramsTuple?: []; params?: {} }
    'customers.create': { paramsTuple?: []; params?: {} }
    'customers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.index': { paramsTuple?: []; params?: {} }
    'customer_appliances.export': { paramsTuple?: []; params?: {} }
    'customer_appliances.lookup': { paramsTuple?: []; params?: {} }
    'customer_appliances.create': { paramsTuple?: []; params?: {} }
    'customer_appliances.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.index': { paramsTuple?: []; params?: {} }
    'customer_sites.export': { paramsTuple?: []; params?: {} }
    'customer_sites.lookup': { paramsTuple?: []; params?: {} }
    'customer_sites.create': { paramsTuple?: []; params?: {} }
    'customer_sites.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.index': { paramsTuple?: []; params?: {} }
    'customer_contacts.export': { paramsTuple?: []; params?: {} }
    'customer_contacts.lookup': { paramsTuple?: []; params?: {} }
    'customer_contacts.create': { paramsTuple?: []; params?: {} }
    'customer_contacts.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.index': { paramsTuple?: []; params?: {} }
    'product_models.export': { paramsTuple?: []; params?: {} }
    'product_models.lookup': { paramsTuple?: []; params?: {} }
    'product_models.create': { paramsTuple?: []; params?: {} }
    'product_models.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.index': { paramsTuple?: []; params?: {} }
    'brands.export': { paramsTuple?: []; params?: {} }
    'brands.lookup': { paramsTuple?: []; params?: {} }
    'brands.create': { paramsTuple?: []; params?: {} }
    'brands.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.index': { paramsTuple?: []; params?: {} }
    'manufacturers.export': { paramsTuple?: []; params?: {} }
    'manufacturers.lookup': { paramsTuple?: []; params?: {} }
    'manufacturers.create': { paramsTuple?: []; params?: {} }
    'manufacturers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.index': { paramsTuple?: []; params?: {} }
    'suppliers.export': { paramsTuple?: []; params?: {} }
    'suppliers.lookup': { paramsTuple?: []; params?: {} }
    'suppliers.create': { paramsTuple?: []; params?: {} }
    'suppliers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.index': { paramsTuple?: []; params?: {} }
    'articles.export': { paramsTuple?: []; params?: {} }
    'articles.lookup': { paramsTuple?: []; params?: {} }
    'articles.create': { paramsTuple?: []; params?: {} }
    'articles.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.index': { paramsTuple?: []; params?: {} }
    'article_families.export': { paramsTuple?: []; params?: {} }
    'article_families.lookup': { paramsTuple?: []; params?: {} }
    'article_families.create': { paramsTuple?: []; params?: {} }
    'article_families.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.index': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.export': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.lookup': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.create': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.index': { paramsTuple?: []; params?: {} }
    'price_grids.export': { paramsTuple?: []; params?: {} }
    'price_grids.lookup': { paramsTuple?: []; params?: {} }
    'price_grids.create': { paramsTuple?: []; params?: {} }
    'price_grids.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.index': { paramsTuple?: []; params?: {} }
    'price_grid_rules.export': { paramsTuple?: []; params?: {} }
    'price_grid_rules.lookup': { paramsTuple?: []; params?: {} }
    'price_grid_rules.create': { paramsTuple?: []; params?: {} }
    'price_grid_rules.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.index': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.export': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.lookup': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.create': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.index': { paramsTuple?: []; params?: {} }
    'customer_categories.export': { paramsTuple?: []; params?: {} }
    'customer_categories.lookup': { paramsTuple?: []; params?: {} }
    'customer_categories.create': { paramsTuple?: []; params?: {} }
    'customer_categories.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.index': { paramsTuple?: []; params?: {} }
    'vat_rates.export': { paramsTuple?: []; params?: {} }
    'vat_rates.lookup': { paramsTuple?: []; params?: {} }
    'vat_rates.create': { paramsTuple?: []; params?: {} }
    'vat_rates.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'data_portability.index': { paramsTuple?: []; params?: {} }
    'data_portability.formats.show': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'data_portability.formats.example': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'data_portability.imports.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'data_portability.exports.tenant': { paramsTuple?: []; params?: {} }
    'data_portability.exports.kind': { paramsTuple: [ParamValue]; params: {'kind': ParamValue} }
    'tenants.index': { paramsTuple?: []; params?: {} }
    'tenants.export': { paramsTuple?: []; params?: {} }
    'tenants.lookup': { paramsTuple?: []; params?: {} }
    'tenants.create': { paramsTuple?: []; params?: {} }
    'tenants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  POST: {
    'session.store': { paramsTuple?: []; params?: {} }
    'session.endSeat': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'password.sendResetLink': { paramsTuple?: []; params?: {} }
    'password.storeReset': { paramsTuple?: []; params?: {} }
    'preferences.locale': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'seats.end': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'settings.documents.update': { paramsTuple?: []; params?: {} }
    'settings.documents.removeLogo': { paramsTuple?: []; params?: {} }
    'staff.store': { paramsTuple?: []; params?: {} }
    'staff.bulk': { paramsTuple?: []; params?: {} }
    'staff.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'staff.saveView': { paramsTuple?: []; params?: {} }
    'repair_jobs.store': { paramsTuple?: []; params?: {} }
    'repair_jobs.status': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.details': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.addLine': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.removeLine': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'lineId': ParamValue} }
    'repair_jobs.sign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.decideQuote': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.createLink': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.revokeLinks': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.attach': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.detach': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'attachmentId': ParamValue} }
    'repair_jobs.bulk': { paramsTuple?: []; params?: {} }
    'repair_jobs.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'repair_jobs.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'repair_jobs.saveView': { paramsTuple?: []; params?: {} }
    'customer_link.decide': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'portal.update': { paramsTuple?: []; params?: {} }
    'portal.sync': { paramsTuple?: []; params?: {} }
    'portal.retry': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.appointments.move': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.appointments.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.appointments.done': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.jobAppointments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.store': { paramsTuple?: []; params?: {} }
    'planning.hours.bulk': { paramsTuple?: []; params?: {} }
    'planning.hours.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'planning.hours.saveView': { paramsTuple?: []; params?: {} }
    'planning.absences.store': { paramsTuple?: []; params?: {} }
    'planning.absences.bulk': { paramsTuple?: []; params?: {} }
    'planning.absences.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'planning.absences.saveView': { paramsTuple?: []; params?: {} }
    'planning.windows.store': { paramsTuple?: []; params?: {} }
    'planning.windows.bulk': { paramsTuple?: []; params?: {} }
    'planning.windows.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'planning.windows.saveView': { paramsTuple?: []; params?: {} }
    'planning.zones.store': { paramsTuple?: []; params?: {} }
    'planning.zones.bulk': { paramsTuple?: []; params?: {} }
    'planning.zones.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'planning.zones.saveView': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.store': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.bulk': { paramsTuple?: []; params?: {} }
    'planning.zone_technicians.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'planning.zone_technicians.saveView': { paramsTuple?: []; params?: {} }
    'notifications.unsubscribe.store': { paramsTuple: [ParamValue,ParamValue]; params: {'tenantId': ParamValue,'customerId': ParamValue} }
    'take_backs.record': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.markCollected': { paramsTuple?: []; params?: {} }
    'take_backs.store': { paramsTuple?: []; params?: {} }
    'take_backs.bulk': { paramsTuple?: []; params?: {} }
    'take_backs.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'take_backs.saveView': { paramsTuple?: []; params?: {} }
    'counter.addLine': { paramsTuple?: []; params?: {} }
    'counter.changeLine': { paramsTuple: [ParamValue]; params: {'lineId': ParamValue} }
    'counter.removeLine': { paramsTuple: [ParamValue]; params: {'lineId': ParamValue} }
    'counter.setCustomer': { paramsTuple?: []; params?: {} }
    'counter.pay': { paramsTuple?: []; params?: {} }
    'counter.tickets.refund': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'counter.tickets.mail': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.close': { paramsTuple?: []; params?: {} }
    'register.archive': { paramsTuple?: []; params?: {} }
    'register.verify': { paramsTuple?: []; params?: {} }
    'quotes.store': { paramsTuple?: []; params?: {} }
    'quotes.addLine': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.removeLine': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'lineId': ParamValue} }
    'quotes.priceBasis': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.send': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.revise': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.decide': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.createLink': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.revokeLinks': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.mail': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.toInvoice': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.toJob': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.toOrder': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.bulk': { paramsTuple?: []; params?: {} }
    'quotes.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'quotes.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'quotes.saveView': { paramsTuple?: []; params?: {} }
    'orders.deposit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.deliver': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.invoice': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.mail': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.store': { paramsTuple?: []; params?: {} }
    'orders.bulk': { paramsTuple?: []; params?: {} }
    'orders.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'orders.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'orders.saveView': { paramsTuple?: []; params?: {} }
    'quote_link.decide': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'invoices.store': { paramsTuple?: []; params?: {} }
    'invoices.addLine': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.removeLine': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'lineId': ParamValue} }
    'invoices.priceBasis': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.issue': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.creditNote': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.send': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.bulk': { paramsTuple?: []; params?: {} }
    'invoices.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'invoices.saveView': { paramsTuple?: []; params?: {} }
    'job_invoices.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'ticket_invoices.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoicing_settings.update': { paramsTuple?: []; params?: {} }
    'payments.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.credit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'payments.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'statements.payment': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'reminders.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoicing_runs.store': { paramsTuple?: []; params?: {} }
    'invoicing_runs.principals': { paramsTuple?: []; params?: {} }
    'delivery_notes.store': { paramsTuple?: []; params?: {} }
    'delivery_notes.invoiceSelection': { paramsTuple?: []; params?: {} }
    'delivery_notes.addLine': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.removeLine': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'lineId': ParamValue} }
    'delivery_notes.issue': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.invoice': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.mail': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.bulk': { paramsTuple?: []; params?: {} }
    'delivery_notes.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'delivery_notes.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'delivery_notes.saveView': { paramsTuple?: []; params?: {} }
    'customers.store': { paramsTuple?: []; params?: {} }
    'customers.bulk': { paramsTuple?: []; params?: {} }
    'customers.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'customers.saveView': { paramsTuple?: []; params?: {} }
    'customer_appliances.store': { paramsTuple?: []; params?: {} }
    'customer_appliances.bulk': { paramsTuple?: []; params?: {} }
    'customer_appliances.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'customer_appliances.saveView': { paramsTuple?: []; params?: {} }
    'customer_sites.store': { paramsTuple?: []; params?: {} }
    'customer_sites.bulk': { paramsTuple?: []; params?: {} }
    'customer_sites.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'customer_sites.saveView': { paramsTuple?: []; params?: {} }
    'customer_contacts.store': { paramsTuple?: []; params?: {} }
    'customer_contacts.bulk': { paramsTuple?: []; params?: {} }
    'customer_contacts.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'customer_contacts.saveView': { paramsTuple?: []; params?: {} }
    'product_models.store': { paramsTuple?: []; params?: {} }
    'product_models.bulk': { paramsTuple?: []; params?: {} }
    'product_models.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'product_models.saveView': { paramsTuple?: []; params?: {} }
    'brands.store': { paramsTuple?: []; params?: {} }
    'brands.bulk': { paramsTuple?: []; params?: {} }
    'brands.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'brands.saveView': { paramsTuple?: []; params?: {} }
    'manufacturers.store': { paramsTuple?: []; params?: {} }
    'manufacturers.bulk': { paramsTuple?: []; params?: {} }
    'manufacturers.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'manufacturers.saveView': { paramsTuple?: []; params?: {} }
    'suppliers.store': { paramsTuple?: []; params?: {} }
    'suppliers.bulk': { paramsTuple?: []; params?: {} }
    'suppliers.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'suppliers.saveView': { paramsTuple?: []; params?: {} }
    'articles.store': { paramsTuple?: []; params?: {} }
    'articles.bulk': { paramsTuple?: []; params?: {} }
    'articles.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'articles.saveView': { paramsTuple?: []; params?: {} }
    'article_families.store': { paramsTuple?: []; params?: {} }
    'article_families.bulk': { paramsTuple?: []; params?: {} }
    'article_families.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'article_families.saveView': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.store': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.bulk': { paramsTuple?: []; params?: {} }
    'article_supplier_refs.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'article_supplier_refs.saveView': { paramsTuple?: []; params?: {} }
    'price_grids.store': { paramsTuple?: []; params?: {} }
    'price_grids.bulk': { paramsTuple?: []; params?: {} }
    'price_grids.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'price_grids.saveView': { paramsTuple?: []; params?: {} }
    'price_grid_rules.store': { paramsTuple?: []; params?: {} }
    'price_grid_rules.bulk': { paramsTuple?: []; params?: {} }
    'price_grid_rules.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'price_grid_rules.saveView': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.store': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.bulk': { paramsTuple?: []; params?: {} }
    'price_grid_breaks.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'price_grid_breaks.saveView': { paramsTuple?: []; params?: {} }
    'customer_categories.store': { paramsTuple?: []; params?: {} }
    'customer_categories.bulk': { paramsTuple?: []; params?: {} }
    'customer_categories.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'customer_categories.saveView': { paramsTuple?: []; params?: {} }
    'vat_rates.store': { paramsTuple?: []; params?: {} }
    'vat_rates.bulk': { paramsTuple?: []; params?: {} }
    'vat_rates.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'data_portability.imports.store': { paramsTuple?: []; params?: {} }
    'data_portability.imports.commit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.store': { paramsTuple?: []; params?: {} }
    'tenants.bulk': { paramsTuple?: []; params?: {} }
    'tenants.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
  }
  PUT: {
    'password.update': { paramsTuple?: []; params?: {} }
    'staff.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.hours.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.absences.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.windows.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zones.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'planning.zone_technicians.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'take_backs.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_sites.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_contacts.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'articles.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_families.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'article_supplier_refs.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grids.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_rules.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'price_grid_breaks.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_categories.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'vat_rates.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  DELETE: {
    'staff.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'repair_jobs.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'planning.hours.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'planning.absences.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'planning.windows.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'planning.zones.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'planning.zone_technicians.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'take_backs.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'quotes.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'orders.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'invoices.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'delivery_notes.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'customers.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'customer_appliances.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'customer_sites.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'customer_contacts.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'product_models.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'brands.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'manufacturers.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'suppliers.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'articles.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'article_families.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'article_supplier_refs.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'price_grids.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'price_grid_rules.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'price_grid_breaks.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
    'customer_categories.deleteView': { paramsTuple: [ParamValue]; params: {'viewId': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}