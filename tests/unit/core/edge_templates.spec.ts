import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

const VIEWS = join(import.meta.dirname, '../../../resources/views')

/** Edge reads a tag only at the start of a line: one written after text prints as text. */
const INLINE_TAG =
  /(?<=\S)@!?(?:component|badge|button|include|if|elseif|else|each|let|pageHeader|layout|form\.\w+|document\.\w+|signatureError)\(/

async function edgeFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? edgeFiles(join(folder, entry.name))
        : Promise.resolve(entry.name.endsWith('.edge') ? [join(folder, entry.name)] : [])
    )
  )
  return nested.flat()
}

test.group('Edge templates', () => {
  test('no tag is written after text on its line (it would print as text)', async ({ assert }) => {
    const offending: string[] = []
    for (const file of await edgeFiles(VIEWS)) {
      const lines = (await readFile(file, 'utf8')).split('\n')
      lines.forEach((line, index) => {
        if (INLINE_TAG.test(line)) offending.push(`${file.slice(VIEWS.length + 1)}:${index + 1}`)
      })
    }
    assert.deepEqual(offending, [])
  })
})
