#!/usr/bin/env node
// Screenshot slides of a built SPA: node scripts/screenshot.mjs dist/<deck>/spa OUT_DIR [N…]
// A helper for looking at decks as a viewer would (the export writes PDFs; this writes PNGs).
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-chromium'
import { findBrowser, CHROMIUM_ARGS } from '../generator/dist/export/browser.js'
import { serveStatic } from '../generator/dist/export/serve.js'

const [spa, out, ...numbers] = process.argv.slice(2)
if (!spa || !out) {
  console.error('usage: node scripts/screenshot.mjs SPA_DIR OUT_DIR [SLIDE…]')
  process.exit(2)
}
mkdirSync(out, { recursive: true })
const server = await serveStatic(spa)
const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROMIUM_ARGS })
try {
  const page = await browser.newPage({ viewport: { width: 980, height: 552 } })
  await page.goto(`${server.url}index.html#/1`)
  const total = await page.evaluate(() => document.querySelectorAll('.slidev-page').length)
  const wanted = numbers.length ? numbers.map(Number) : Array.from({ length: total }, (_, i) => i + 1)
  for (const n of wanted) {
    await page.evaluate((target) => (location.hash = `#/${target}`), n)
    await page.locator(`.slidev-page-${n}`).waitFor({ state: 'visible' })
    await page.waitForTimeout(400)
    await page.screenshot({ path: path.join(out, `${String(n).padStart(2, '0')}.png`) })
  }
} finally {
  await browser.close()
  await server.close()
}
