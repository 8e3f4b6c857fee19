import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Found with the 2,000,000-job bench (bench/jobs.js, issue 4).
 *
 * The job list itself needs no new index: its page, capped count and label joins already run in
 * well under a millisecond on 0016's indexes (plans in the bench's BENCH_JOBS_EXPLAIN output).
 *
 * What the bench did find is the self-reference "comeback of" (tenant_id, comeback_of_id) having
 * no index: removing any job makes PostgreSQL look for comebacks pointing at it, and without an
 * index that means walking every job of the tenant — 0.46 s per removed job at 2 M jobs, so a
 * tenant purge or a batch delete would run for days. Few jobs are comebacks, hence a partial index
 * (the foreign key's lookup, `comeback_of_id = $2`, implies NOT NULL and uses it).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(
      `CREATE INDEX repair_jobs_comeback_of ON repair_jobs (tenant_id, comeback_of_id)
       WHERE comeback_of_id IS NOT NULL`
    )
  }

  async down() {
    this.schema.raw('DROP INDEX repair_jobs_comeback_of')
  }
}
