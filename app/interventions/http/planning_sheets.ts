import type { HttpContext } from '@adonisjs/core/http'
import { formatDecimal, formatPhone } from '#core/http/format'
import { parisTime } from '#interventions/domain/planning'
import type { VisitSheet } from '#interventions/adapters/lucid/planning_query'

/** A visit as the day sheet and the technician's phone page print it: text ready to show. */
export function presentSheet(sheet: VisitSheet, ctx: HttpContext) {
  const t = (key: string, data?: Record<string, unknown>) => ctx.i18n.t(key, data)
  const { address, appliance } = sheet
  const place = [address.postcode, address.city].filter(Boolean).join(' ')
  const addressLines = [address.line1, address.line2, place].filter(Boolean) as string[]
  const phones = [
    sheet.customerPhone && { label: t('planning.sheet.phone'), value: sheet.customerPhone },
    sheet.customerMobile && { label: t('planning.sheet.mobile'), value: sheet.customerMobile },
    sheet.contactPhone && {
      label: sheet.contactName ?? t('planning.sheet.site_contact'),
      value: sheet.contactPhone,
    },
  ]
    .filter((phone): phone is { label: string; value: string } => Boolean(phone))
    .map((phone) => ({ ...phone, text: formatPhone(phone.value), href: `tel:${phone.value}` }))
  const applianceText = appliance
    ? [
        appliance.type ? t(`referentials.appliance_types.${appliance.type}`) : null,
        appliance.brand,
        appliance.model,
        appliance.name ? `(${appliance.name})` : null,
      ]
        .filter(Boolean)
        .join(' ')
    : null
  return {
    ...sheet,
    time: `${parisTime(sheet.start)}–${parisTime(sheet.end)}`,
    addressLines,
    mapsUrl: addressLines.length
      ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(addressLines.join(', '))}`
      : null,
    phones,
    applianceText,
    serial: appliance?.serial ?? null,
    parts: sheet.parts.map((part) => ({
      ...part,
      quantityText: formatDecimal(part.quantity, ctx.i18n.locale, 3),
      statusText: part.status ? t(`planning.part_statuses.${part.status}`) : null,
    })),
    onSiteUrl: `/jobs/${sheet.jobId}/on-site`,
  }
}
