import { centsToInput } from '#core/domain/money'
import type { PortalJobExport } from '#interventions/application/manufacturer_portal'

/*
 * The two files other portals import, column by column. `jobs.csv` has one row per job with its
 * parts and labour summarised, enough for portals that take a single file; `job_parts.csv` has
 * one row per part line for those that want the detail, joined on job_number.
 * Cells are written the way the app's other exports write them (and its importer reads them):
 * dates dd/mm/yyyy, amounts in euros with a decimal comma and no thousands separator.
 */

export type ExportCellType = 'text' | 'date' | 'money' | 'integer'

export interface ExportColumn<Row> {
  name: string
  type: ExportCellType
  example: string
  description: string
  value(row: Row): string | number | null
}

const partsTotalCents = (job: PortalJobExport) =>
  job.parts.reduce((total, part) => total + part.quantity * part.unitPriceCents, 0)

export const JOB_COLUMNS: ExportColumn<PortalJobExport>[] = [
  {
    name: 'job_number',
    type: 'text',
    example: 'R-2026-00042',
    description: 'Numéro du dossier de réparation (clé de job_parts.csv)',
    value: (job) => job.jobNumber,
  },
  {
    name: 'kind',
    type: 'text',
    example: 'warranty',
    description: 'workshop, on_site, warranty, principal ou mission_order',
    value: (job) => job.kind,
  },
  {
    name: 'status',
    type: 'text',
    example: 'closed',
    description:
      'Statut du dossier : received, scheduled, … invoiced, closed, cancelled, unrepairable',
    value: (job) => job.status,
  },
  {
    name: 'received_on',
    type: 'date',
    example: '03/11/2026',
    description: "Date d'entrée du dossier",
    value: (job) => job.receivedOn,
  },
  {
    name: 'closed_on',
    type: 'date',
    example: '12/11/2026',
    description: 'Date de clôture, vide si en cours',
    value: (job) => job.closedOn,
  },
  {
    name: 'customer_name',
    type: 'text',
    example: 'Nathalie Lefèvre',
    description: 'Nom du client',
    value: (job) => job.customer.name,
  },
  {
    name: 'customer_postcode',
    type: 'text',
    example: '69005',
    description: 'Code postal du client',
    value: (job) => job.customer.postcode,
  },
  {
    name: 'customer_city',
    type: 'text',
    example: 'Lyon',
    description: 'Ville du client',
    value: (job) => job.customer.city,
  },
  {
    name: 'appliance_brand',
    type: 'text',
    example: 'Whirlpool',
    description: "Marque de l'appareil",
    value: (job) => job.appliance.brand,
  },
  {
    name: 'appliance_model',
    type: 'text',
    example: 'FFB8458WVFR',
    description: 'Référence commerciale du modèle',
    value: (job) => job.appliance.model,
  },
  {
    name: 'serial_number',
    type: 'text',
    example: '438123456789',
    description: 'Numéro de série',
    value: (job) => job.appliance.serialNumber,
  },
  {
    name: 'purchase_date',
    type: 'date',
    example: '14/06/2025',
    description: "Date d'achat de l'appareil",
    value: (job) => job.appliance.purchaseDate,
  },
  {
    name: 'symptoms',
    type: 'text',
    example: 'Ne vidange plus, code F9 E1',
    description: 'Panne déclarée (retours à la ligne possibles, cellule entre guillemets)',
    value: (job) => job.symptoms,
  },
  {
    name: 'diagnosis',
    type: 'text',
    example: 'Pompe de vidange bloquée',
    description: 'Diagnostic du technicien',
    value: (job) => job.diagnosis,
  },
  {
    name: 'work_done',
    type: 'text',
    example: 'Remplacement de la pompe, essais OK',
    description: 'Travaux réalisés',
    value: (job) => job.workDone,
  },
  {
    name: 'parts_lines',
    type: 'integer',
    example: '2',
    description: 'Nombre de lignes de pièces (détail dans job_parts.csv)',
    value: (job) => job.parts.length,
  },
  {
    name: 'parts_quantity',
    type: 'integer',
    example: '3',
    description: 'Nombre total de pièces',
    value: (job) => job.parts.reduce((total, part) => total + part.quantity, 0),
  },
  {
    name: 'parts_summary',
    type: 'text',
    example: '481010584940 Pompe de vidange x1 | C00311016 Courroie 1192 J5 x2',
    description: 'Pièces « référence libellé x<quantité> » séparées par « | »',
    value: (job) =>
      job.parts.map((part) => `${part.partNumber} ${part.label} x${part.quantity}`).join(' | '),
  },
  {
    name: 'parts_total_excl_vat',
    type: 'money',
    example: '56,70',
    description: 'Total des pièces HT en euros (somme quantité × prix unitaire)',
    value: (job) => partsTotalCents(job),
  },
  {
    name: 'labour_minutes',
    type: 'integer',
    example: '45',
    description: "Main-d'œuvre en minutes",
    value: (job) => job.labourMinutes,
  },
  {
    name: 'principal_reference',
    type: 'text',
    example: 'MDT-2026-004101',
    description: "Référence du donneur d'ordre (mandat, sinistre…), vide si aucune",
    value: (job) => job.principalReference,
  },
]

export interface JobPartRow {
  job: PortalJobExport
  index: number
}

export const PART_COLUMNS: ExportColumn<JobPartRow>[] = [
  {
    name: 'job_number',
    type: 'text',
    example: 'R-2026-00042',
    description: 'Numéro du dossier (job_number de jobs.csv)',
    value: ({ job }) => job.jobNumber,
  },
  {
    name: 'line_number',
    type: 'integer',
    example: '1',
    description: 'Rang de la ligne dans le dossier, à partir de 1',
    value: ({ index }) => index + 1,
  },
  {
    name: 'part_number',
    type: 'text',
    example: '481010584940',
    description: 'Référence fabricant de la pièce',
    value: ({ job, index }) => job.parts[index].partNumber,
  },
  {
    name: 'label',
    type: 'text',
    example: 'Pompe de vidange',
    description: 'Libellé de la pièce',
    value: ({ job, index }) => job.parts[index].label,
  },
  {
    name: 'quantity',
    type: 'integer',
    example: '1',
    description: 'Quantité',
    value: ({ job, index }) => job.parts[index].quantity,
  },
  {
    name: 'unit_price_excl_vat',
    type: 'money',
    example: '32,90',
    description: 'Prix unitaire HT en euros',
    value: ({ job, index }) => job.parts[index].unitPriceCents,
  },
  {
    name: 'line_total_excl_vat',
    type: 'money',
    example: '32,90',
    description: 'Quantité × prix unitaire HT, en euros',
    value: ({ job, index }) => job.parts[index].quantity * job.parts[index].unitPriceCents,
  },
]

/** A value as its cell shows it; empty for a missing value. */
export function exportCell(type: ExportCellType, value: string | number | null): string {
  if (value === null || value === '') return ''
  switch (type) {
    case 'money':
      return centsToInput(Number(value))
    case 'date': {
      const [year, month, day] = String(value).slice(0, 10).split('-')
      return `${day}/${month}/${year}`
    }
    default:
      return String(value)
  }
}
