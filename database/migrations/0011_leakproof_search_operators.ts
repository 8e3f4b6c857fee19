import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Under row-level security PostgreSQL only evaluates a condition before the tenant policy, and so
 * only serves it from an index, when its operator is LEAKPROOF. `LIKE` (textlike) and pg_trgm's
 * word-similarity operators are not marked so, which turned every search of the app role into a
 * sequential scan of the whole table (0.8 s on a million customers instead of 3 ms). They cannot
 * leak a row's content: their only errors come from the pattern, which is the query's constant,
 * never from the row's text. Marking a function LEAKPROOF needs a superuser: without one the
 * migration says so and goes on (searches stay correct, only slower); run the ALTERs it prints
 * once as a superuser.
 */
const FUNCTIONS = [
  'textlike(text, text)',
  'word_similarity_op(text, text)',
  'word_similarity_commutator_op(text, text)',
  'similarity_op(text, text)',
  // A prefix LIKE on a text_pattern_ops index (phones, e-mails) becomes a range of these.
  'text_pattern_lt(text, text)',
  'text_pattern_le(text, text)',
  'text_pattern_ge(text, text)',
  'text_pattern_gt(text, text)',
]

type Client = Parameters<Parameters<BaseSchema['defer']>[0]>[0]

async function isSuperuser(db: Client) {
  const { rows } = await db.rawQuery('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')
  return Boolean(rows[0]?.rolsuper)
}

export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      if (!(await isSuperuser(db))) {
        console.warn(
          `Not a superuser: search indexes are not used under row-level security until a superuser runs ${FUNCTIONS.map((fn) => `ALTER FUNCTION ${fn} LEAKPROOF;`).join(' ')}`
        )
        return
      }
      for (const fn of FUNCTIONS) await db.rawQuery(`ALTER FUNCTION ${fn} LEAKPROOF`)
    })
  }

  async down() {
    this.defer(async (db) => {
      if (!(await isSuperuser(db))) return
      for (const fn of FUNCTIONS) await db.rawQuery(`ALTER FUNCTION ${fn} NOT LEAKPROOF`)
    })
  }
}
