import { test } from '@japa/runner'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { PortalJobExport } from '#interventions/application/manufacturer_portal'
import {
  CsvPortalJobExporter,
  JOBS_FILE,
  PARTS_FILE,
} from '#interventions/adapters/portal_files/csv_portal_job_exporter'
import { JOB_COLUMNS, PART_COLUMNS } from '#interventions/adapters/portal_files/job_export_layout'

function aJob(changes: Partial<PortalJobExport> = {}): PortalJobExport {
  return {
    jobNumber: 'R-2026-00042',
    kind: 'warranty',
    status: 'closed',
    receivedOn: '2026-11-03',
    closedOn: '2026-11-12',
    customer: { name: 'Nathalie Lefèvre', postcode: '69005', city: 'Lyon' },
    appliance: {
      brand: 'Whirlpool',
      model: 'FFB8458WVFR',
      serialNumber: '438123456789',
      purchaseDate: '2025-06-14',
    },
    symptoms: 'Ne vidange plus; code "F9 E1"\nen fin de cycle',
    diagnosis: 'Pompe de vidange bloquée',
    workDone: 'Remplacement de la pompe, essais OK',
    parts: [
      { partNumber: '481010584940', label: 'Pompe de vidange', quantity: 1, unitPriceCents: 3290 },
      { partNumber: 'C00311016', label: 'Courroie 1192 J5', quantity: 2, unitPriceCents: 1190 },
    ],
    labourMinutes: 45,
    principalReference: 'MDT-2026-004101',
    ...changes,
  }
}

async function* slowly(jobs: PortalJobExport[]) {
  for (const job of jobs) {
    await new Promise((resolve) => setImmediate(resolve))
    yield job
  }
}

test.group('Portal job export (CSV files)', (group) => {
  let directory: string
  group.each.setup(async () => {
    directory = await mkdtemp(join(tmpdir(), 'portal-files-'))
    return () => rm(directory, { recursive: true, force: true })
  })

  const read = (name: string) => readFile(join(directory, name), 'utf8')
  const rows = (text: string) =>
    parse(text, { delimiter: ';', bom: true, relax_column_count: false }) as string[][]

  test('writes both files with a BOM, `;`, CRLF and the documented header', async ({ assert }) => {
    const files = await new CsvPortalJobExporter().write([aJob()], directory)
    assert.deepEqual(
      files.map(({ name, rows: count }) => ({ name, count })),
      [
        { name: JOBS_FILE, count: 1 },
        { name: PARTS_FILE, count: 2 },
      ]
    )
    const jobs = await read(JOBS_FILE)
    assert.isTrue(jobs.startsWith('\ufeffjob_number;kind;status;received_on;'))
    assert.include(jobs, '\r\n')
    assert.deepEqual(
      rows(jobs)[0],
      JOB_COLUMNS.map((column) => column.name)
    )
    const parts = await read(PARTS_FILE)
    assert.isTrue(parts.startsWith('\ufeff'))
    assert.deepEqual(
      rows(parts)[0],
      PART_COLUMNS.map((column) => column.name)
    )
  })

  test('one row per job with parts and labour summarised', async ({ assert }) => {
    await new CsvPortalJobExporter().write([aJob()], directory)
    const [header, row] = rows(await read(JOBS_FILE))
    const cell = Object.fromEntries(header.map((name, index) => [name, row[index]]))
    assert.deepInclude(cell, {
      job_number: 'R-2026-00042',
      kind: 'warranty',
      received_on: '03/11/2026',
      closed_on: '12/11/2026',
      customer_name: 'Nathalie Lefèvre',
      purchase_date: '14/06/2025',
      parts_lines: '2',
      parts_quantity: '3',
      parts_summary: '481010584940 Pompe de vidange x1 | C00311016 Courroie 1192 J5 x2',
      parts_total_excl_vat: '56,70',
      labour_minutes: '45',
      principal_reference: 'MDT-2026-004101',
    })
  })

  test('one row per part line, joined on the job number', async ({ assert }) => {
    await new CsvPortalJobExporter().write(
      slowly([aJob(), aJob({ jobNumber: 'R-2026-00043', parts: [] })]),
      directory
    )
    assert.deepEqual(rows(await read(PARTS_FILE)).slice(1), [
      ['R-2026-00042', '1', '481010584940', 'Pompe de vidange', '1', '32,90', '32,90'],
      ['R-2026-00042', '2', 'C00311016', 'Courroie 1192 J5', '2', '11,90', '23,80'],
    ])
    assert.lengthOf(rows(await read(JOBS_FILE)), 3)
  })

  test('quotes separators, quotes and line breaks; empty values stay empty', async ({ assert }) => {
    await new CsvPortalJobExporter().write(
      [aJob({ closedOn: null, principalReference: null, diagnosis: null })],
      directory
    )
    const text = await read(JOBS_FILE)
    assert.include(text, '"Ne vidange plus; code ""F9 E1""\nen fin de cycle"')
    const [header, row] = rows(text)
    const cell = Object.fromEntries(header.map((name, index) => [name, row[index]]))
    assert.equal(cell.symptoms, 'Ne vidange plus; code "F9 E1"\nen fin de cycle')
    assert.equal(cell.closed_on, '')
    assert.equal(cell.diagnosis, '')
    assert.equal(cell.principal_reference, '')
  })

  test('a cell starting with = + - @ gets a leading apostrophe', async ({ assert }) => {
    await new CsvPortalJobExporter().write(
      [
        aJob({
          customer: { name: '=HYPERLINK("http://evil.example")', postcode: null, city: '@SUM(A1)' },
          diagnosis: '+33 6 12 34 56 78',
          workDone: '-2+3',
          parts: [{ partNumber: '=1+1', label: 'Joint', quantity: 1, unitPriceCents: 500 }],
        }),
      ],
      directory
    )
    const [header, row] = rows(await read(JOBS_FILE))
    const cell = Object.fromEntries(header.map((name, index) => [name, row[index]]))
    assert.equal(cell.customer_name, `'=HYPERLINK("http://evil.example")`)
    assert.equal(cell.customer_city, `'@SUM(A1)`)
    assert.equal(cell.diagnosis, `'+33 6 12 34 56 78`)
    assert.equal(cell.work_done, `'-2+3`)
    assert.equal(cell.parts_summary, `'=1+1 Joint x1`)
    assert.equal(rows(await read(PARTS_FILE))[1][2], `'=1+1`)
  })

  test('a failing source fails the export', async ({ assert }) => {
    async function* broken() {
      yield aJob()
      throw new Error('cursor lost')
    }
    await assert.rejects(() => new CsvPortalJobExporter().write(broken(), directory), 'cursor lost')
  })
})
