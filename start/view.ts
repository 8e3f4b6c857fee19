import edge from 'edge.js'
import {
  formatAmount,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPhone,
} from '#core/http/format'

/** Display helpers available in every view (French formats, Europe/Paris). */
edge.global('formatDate', formatDate)
edge.global('formatDateTime', formatDateTime)
edge.global('formatNumber', formatNumber)
edge.global('formatAmount', formatAmount)
edge.global('formatPhone', formatPhone)
