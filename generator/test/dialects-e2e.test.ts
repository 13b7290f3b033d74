/**
 * End to end for notes as people write them: the real CLI builds a note with math, a callout and
 * a remote image served from 127.0.0.1; Slidev and Chromium print the PDF; pdf.js reads it back.
 */
import { execFile, spawnSync } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { png } from './helpers.js'
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { chromium } from 'playwright-chromium'
import { findBrowser, CHROMIUM_ARGS } from '../src/export/browser.js'
import { serveStatic } from '../src/export/serve.js'

const bin = path.resolve(__dirname, '../bin/lectern.js')

let server: Server
let work: string
interface PageRead {
  text: string
  images: number
  fonts: string[]
  links: string[]
}
let pages: PageRead[]

async function readPdf(file: string): Promise<PageRead[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false }).promise
  const out: PageRead[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i)
    const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ')
    const ops = await page.getOperatorList()
    const fonts = new Set<string>()
    let images = 0
    ops.fnArray.forEach((fn, k) => {
      if (fn === OPS.paintImageXObject) images++
      if (fn === OPS.setFont) {
        const id = ops.argsArray[k][0] as string
        const font = page.commonObjs.has(id) ? (page.commonObjs.get(id) as { name?: string }) : undefined
        if (font?.name) fonts.add(font.name)
      }
    })
    const links = (await page.getAnnotations()).map((a: { url?: string; unsafeUrl?: string }) => a.unsafeUrl ?? a.url ?? '').filter(Boolean)
    out.push({ text, images, fonts: [...fonts], links })
  }
  return out
}

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/growth.png') return response.writeHead(200, { 'content-type': 'image/png' }).end(png(320, 160))
    if (request.url === '/badge.svg') {
      return response
        .writeHead(200, { 'content-type': 'image/svg+xml' })
        .end('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20" onload="window.__pwned=1"><script>window.__pwned=2</script><rect width="40" height="20" fill="#1d4ed8"/></svg>')
    }
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  work = mkdtempSync(path.join(os.tmpdir(), 'lectern-dialects-e2e-'))
  mkdirSync(path.join(work, 'notes'))
  writeFileSync(
    path.join(work, 'notes', 'growth.md'),
    [
      '# Growth Accounting',
      '',
      '## Output',
      '',
      'National output adds up as $Y = C + I + G$ in a closed economy.',
      '',
      '$$',
      'g_Y = \\alpha \\, g_K + (1 - \\alpha) \\, g_L',
      '$$',
      '',
      '> [!tip] Keep the shares in mind',
      '> Capital usually earns about a third of income.',
      '',
      'A harmless formula link: $\\href{javascript:alert(1)}{\\text{press}}$ stays text.',
      '',
      '## Evidence',
      '',
      'The chart compares growth across decades.',
      '',
      `![Growth chart](${base}/growth.png)`,
      '',
      `![Badge](${base}/badge.svg)`,
      '',
    ].join('\n'),
  )
  const build = await new Promise<{ code: number; stderr: string }>((resolve) =>
    execFile(process.execPath, [bin, 'build'], { cwd: work, encoding: 'utf8' }, (error, _out, stderr) => resolve({ code: error ? 1 : 0, stderr })),
  )
  expect(build.code, build.stderr).toBe(0)
  const exported = spawnSync(process.execPath, [bin, 'export', '--format', 'pdf'], { cwd: work, encoding: 'utf8' })
  expect(exported.status, String(exported.stderr)).toBe(0)
  pages = await readPdf(path.join(work, 'dist', 'growth', 'growth.pdf'))
}, 240_000)

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('dialects in the PDF (real Slidev, real Chromium)', () => {
  it('renders math with KaTeX: KaTeX fonts on the page, no dollar signs or TeX commands in its text', () => {
    const page = pages.find((p) => p.text.includes('National output'))!
    expect(page).toBeDefined()
    expect(page.fonts.some((name) => /KaTeX/i.test(name))).toBe(true)
    expect(page.text).not.toMatch(/\$|\\alpha|\\,/)
    expect(page.text).toMatch(/α/)
  })

  it('shows the callout with its title and no [! marker', () => {
    const all = pages.map((p) => p.text).join(' ')
    expect(all).toContain('Keep the shares in mind')
    expect(all).toContain('Capital usually earns about a third of income')
    expect(all).not.toContain('[!')
  })

  it('keeps \\href from math as text, never a link', () => {
    expect(pages.flatMap((p) => p.links).filter((url) => /javascript/i.test(url))).toEqual([])
    expect(pages.map((p) => p.text).join(' ')).toMatch(/\\href/)
  })

  it('shows the fetched image on a slide', () => {
    expect(pages.reduce((n, p) => n + p.images, 0)).toBeGreaterThanOrEqual(1)
    expect(pages.map((p) => p.text).join(' ')).not.toMatch(/Image not shown|127\.0\.0\.1/)
  })

  it('copies a fetched SVG that runs nothing when its own URL is opened', async () => {
    const assets = path.join(work, 'decks', 'growth', 'assets')
    const svg = readdirSync(assets).find((name) => name.endsWith('.svg'))!
    expect(svg).toMatch(/^remote-[0-9a-f]{16}\.svg$/)
    const served = await serveStatic(assets)
    const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage()
      await page.goto(`${served.url}${svg}`)
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
      expect(await page.locator('rect').count()).toBe(1)
    } finally {
      await browser.close()
      await served.close()
    }
  }, 60_000)
})
