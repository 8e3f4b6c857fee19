import { readFile } from 'node:fs/promises'

/** Reads KEY=value lines of a dotenv file (no expansion: only the launcher's few keys are needed). */
export async function readEnvFile(path) {
  const values = {}
  try {
    for (const line of (await readFile(path, 'utf8')).split('\n')) {
      const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/)
      if (match && match[2] !== '') values[match[1]] = match[2].replace(/^['"]|['"]$/g, '')
    }
  } catch {}
  return values
}
