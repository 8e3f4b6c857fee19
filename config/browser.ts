import { existsSync } from 'node:fs'
import env from '#start/env'

/**
 * The Chromium used for PDFs and browser tests, resolved once: CHROMIUM_PATH, else the usual
 * system locations (Debian's `chromium` package first).
 */
const candidates = [
  env.get('CHROMIUM_PATH'),
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
].filter((path): path is string => Boolean(path))

export const chromiumPath = candidates.find((path) => existsSync(path)) ?? null

export function requireChromium(): string {
  if (!chromiumPath) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`
    )
  }
  return chromiumPath
}

/** Flags that keep a headless Chromium quiet on a machine without internet access. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
