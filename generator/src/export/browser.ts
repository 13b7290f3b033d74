import { accessSync, constants, existsSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-chromium'
import { LecternError } from '../errors.js'

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/** Flags for a headless Chromium on a closed network, possibly as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/**
 * Find a Chromium to drive, never downloading one: `LECTERN_BROWSER`, then Playwright's own
 * installed browser, then `chromium`, `chromium-browser` or `google-chrome` on PATH.
 */
export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.LECTERN_BROWSER
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv
    throw new LecternError(`LECTERN_BROWSER is set to "${fromEnv}", which is not an executable file; fix or unset it`)
  }
  try {
    const { chromium } = await import('playwright-chromium')
    const own = chromium.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // Playwright has no browser of its own here: look on PATH.
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue
    for (const name of PATH_NAMES) {
      const candidate = path.join(dir, name)
      if (isExecutable(candidate)) return candidate
    }
  }
  throw new LecternError(
    'no Chromium found: install one (Debian/Ubuntu: `apt-get install chromium`; or `npx playwright install chromium`) or set LECTERN_BROWSER to its path',
  )
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Start the browser lectern exports with. The caller closes it (in a `finally`). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await findBrowser()
  const { chromium } = await import('playwright-chromium')
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new LecternError(`could not start the browser at ${executablePath}: ${reason}`)
  }
}
