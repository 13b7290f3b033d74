/**
 * What a viewer's browser does with a hostile note, on the real parts: the real CLI builds and
 * exports, Slidev builds the web deck, Chromium opens it (over HTTP and from disk) and prints the
 * PDF. A trap server on 127.0.0.1 counts every request that leaves the deck: there must be none.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseSync } from '@slidev/parser'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { chromium, type Browser, type Page } from 'playwright-chromium'
import { findBrowser, CHROMIUM_ARGS } from '../src/export/browser.js'
import { serveStatic } from '../src/export/serve.js'
import { slidevBin } from '../src/export/slidev.js'

const bin = path.resolve(__dirname, '../bin/lectern.js')
let work: string
let trap: http.Server
let trapUrl: string
const hits: string[] = []
let exportRun: ReturnType<typeof spawnSync>
let browser: Browser

/** Titles as the author wrote them, which every view must show literally. */
const TITLES = {
  budget: "Budget {{ $emit.constructor('window.x=1;alert(1)')() }}",
  cells: '', // set once the trap's address is known
  treaties: 'Treaties </div> of <img src=x> 1648',
}

function notes(): Record<string, string> {
  TITLES.cells = `Cells <img src="${trapUrl}title.png" onerror="window.x=1;alert(1)">`
  return {
    budget: `---
title: "${TITLES.budget.replace(/"/g, '\\"')}"
subtitle: "Where money goes {{ 6 * 7 }}"
author: "Ann <img src=${trapUrl}author.png onerror=alert(2)> {{ 7*7 }}"
date: "2026 </div>"
---

# Household budgets

## Fixed costs </div> and <img src=x>

Rent is paid every month. Insurance is paid once a year.

## Income {{ 2 + 2 }}

Wages arrive at the end of the month. Savings earn a little interest.

\`\`\`mermaid
%%{init: {"securityLevel": "loose", "htmlLabels": true, "flowchart": {"htmlLabels": true}}}%%
flowchart LR
  W["<img src='${trapUrl}mermaid.png'> wages"] --> S["<b>savings</b>"]
\`\`\`

## Spending

Spending follows income. Some months cost more than others.

\`\`\`mermaid
---
config:
  securityLevel: loose
  htmlLabels: true
  flowchart:
    htmlLabels: true
---
flowchart LR
  I["<img src='${trapUrl}frontmatter.png'> income"] --> O["outgoings"]
\`\`\`
`,
    cells: `# ${TITLES.cells}

## Membranes <img src=${trapUrl}heading.png onerror=alert(3)>

The membrane keeps the inside apart from the outside. Small molecules pass through it.

## Organelles

The nucleus holds the genes. Mitochondria release energy from food.
`,
    treaties: `---
title: "${TITLES.treaties}"
---

# Peace of Westphalia

## Negotiations

Envoys met in two towns for several years. The talks ended a long war.

## Results

Borders were redrawn. Rulers chose the religion of their lands.

## Map

![A map of the new borders](map.png)
`,
  }
}

beforeAll(async () => {
  trap = http.createServer((req, res) => {
    hits.push(String(req.url))
    res.end('')
  })
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve))
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}/`
  work = mkdtempSync(path.join(os.tmpdir(), 'lectern-web-'))
  mkdirSync(path.join(work, 'notes'))
  for (const [name, text] of Object.entries(notes())) writeFileSync(path.join(work, 'notes', `${name}.md`), text)
  writeFileSync(path.join(work, 'notes', 'map.png'), png(40, 20))
  const build = spawnSync(process.execPath, [bin, 'build'], { cwd: work, encoding: 'utf8' })
  expect(build.status, String(build.stderr)).toBe(0)
  exportRun = spawnSync(process.execPath, [bin, 'export', '--format', 'pdf,spa', '--out', 'dist'], { cwd: work, encoding: 'utf8' })
  browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROMIUM_ARGS })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await new Promise<void>((resolve) => trap?.close(() => resolve()))
})

/** A PNG of one colour, made here (no binary fixture). */
function png(width: number, height: number): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x7a)])
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

/** A page that records dialogs and page errors. */
async function openPage(): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  const dialogs: string[] = []
  const errors: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return { page, dialogs, errors }
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { x?: unknown }).x)
}

function slideCount(deck: string): number {
  return parseSync(readFileSync(path.join(work, 'decks', deck, 'slides.md'), 'utf8'), 'slides.md').slides.length
}

describe('titles, diagrams and the web deck with hostile notes', () => {
  it('exports every deck, even with </div> and <img> in a frontmatter title', () => {
    expect(exportRun.status, `${exportRun.stdout}${exportRun.stderr}`).toBe(0)
    expect(String(exportRun.stderr)).not.toContain('slidev build failed')
  })

  it.each(Object.keys(TITLES))('shows the %s titles literally in Goto, overview and presenter, running nothing', async (deck) => {
    const server = await serveStatic(path.join(work, 'dist', deck, 'spa'))
    const { page, dialogs, errors } = await openPage()
    try {
      await page.goto(`${server.url}#/1`)
      await page.locator('.slidev-page-1').waitFor({ state: 'visible', timeout: 20_000 })
      const title = TITLES[deck as keyof typeof TITLES]
      // The Goto dialog (key g) renders each slide title it finds: ask for every slide by number.
      await page.keyboard.press('g')
      const input = page.locator('#slidev-goto-input')
      await input.waitFor({ state: 'visible', timeout: 5_000 })
      const listed: string[] = []
      for (let n = 1; n <= slideCount(deck); n++) {
        await input.fill(String(n))
        await page.locator('.autocomplete-list').first().waitFor({ state: 'visible', timeout: 5_000 })
        listed.push(...(await page.locator('.autocomplete-list li').allInnerTexts()))
      }
      expect(listed.join('\n')).toContain(title)
      await page.keyboard.press('Escape')
      await page.keyboard.press('o')
      await page.waitForTimeout(800)
      await page.goto(`${server.url}#/presenter/1`)
      await page.waitForTimeout(1500)
      expect(await page.title()).toContain(title)
      expect(dialogs).toEqual([])
      expect(await pwned(page)).toBeUndefined()
      expect(errors).toEqual([])
      expect(hits).toEqual([])
    } finally {
      await page.close()
      await server.close()
    }
  }, 120_000)

  it('shows Mermaid labels as text, even when a diagram asks for HTML labels', async () => {
    const server = await serveStatic(path.join(work, 'dist', 'budget', 'spa'))
    const { page } = await openPage()
    try {
      const markdown = readFileSync(path.join(work, 'decks', 'budget', 'slides.md'), 'utf8')
      const numbers = parseSync(markdown, 'slides.md').slides.flatMap((slide, i) => (slide.content.includes('```mermaid') ? [i + 1] : []))
      const texts: string[] = []
      for (const n of numbers) {
        await page.goto(`${server.url}#/${n}`)
        const diagrams = page.locator(`.slidev-page-${n} .mermaid svg`)
        await diagrams.first().waitFor({ state: 'visible', timeout: 20_000 })
        for (const svg of await diagrams.all()) {
          const seen = await svg.evaluate((element) => ({
            text: element.textContent ?? '',
            html: element.querySelectorAll('img, image, foreignObject, b').length,
          }))
          expect(seen.html).toBe(0)
          texts.push(seen.text)
        }
      }
      const all = texts.join('\n')
      expect(all).toContain('mermaid.png')
      expect(all).toContain('wages')
      expect(all).toContain('frontmatter.png')
      expect(all).toContain('income')
      expect(hits).toEqual([])
    } finally {
      await page.close()
      await server.close()
    }
  }, 60_000)

  it('opens the web deck from disk (file://) as one file, with its fonts and images, and moves to slide 2', async () => {
    expect(readdirSync(path.join(work, 'dist', 'treaties', 'spa')).filter((name) => !['index.html', '404.html', '_redirects'].includes(name))).toEqual([])
    const { page, errors } = await openPage()
    try {
      await page.goto(pathToFileURL(path.join(work, 'dist', 'treaties', 'spa', 'index.html')).href)
      const first = page.locator('.slidev-page-1')
      await first.waitFor({ state: 'visible', timeout: 20_000 })
      expect(await first.innerText()).toContain(TITLES.treaties)
      await page.keyboard.press('ArrowRight')
      const second = page.locator('.slidev-page-2')
      await second.waitFor({ state: 'visible', timeout: 10_000 })
      expect(await second.innerText()).toContain('Negotiations')
      expect(page.url()).toMatch(/#\/2$/)
      const fonts = await page.evaluate(async () => {
        await document.fonts.ready
        return [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family)
      })
      expect(fonts).toContain('Inter')
      const markdown = readFileSync(path.join(work, 'decks', 'treaties', 'slides.md'), 'utf8')
      const n = parseSync(markdown, 'slides.md').slides.findIndex((slide) => slide.content.includes('![')) + 1
      expect(n).toBeGreaterThan(0)
      await page.goto(pathToFileURL(path.join(work, 'dist', 'treaties', 'spa', 'index.html')).href + `#/${n}`)
      const image = page.locator(`.slidev-page-${n} img`).first()
      await image.waitFor({ state: 'visible', timeout: 10_000 })
      expect(await image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(40)
      expect(errors).toEqual([])
      expect(hits).toEqual([])
    } finally {
      await page.close()
    }
  }, 60_000)

  it('lets a hand-written deck with raw HTML load nothing from outside and run no inline handler', async () => {
    // Raw HTML is not escaped in a deck someone wrote by hand: the page's policy is what holds.
    const deck = path.join(work, 'hand')
    mkdirSync(deck)
    writeFileSync(
      path.join(deck, 'slides.md'),
      `---\ntheme: ${JSON.stringify(path.resolve(__dirname, '../../themes/lectern'))}\ntitle: Hand\nrouterMode: hash\nfavicon: "data:,"\n---\n\n# Raw\n\n` +
        `<img src="${trapUrl}raw.png">\n\n<img src="data:," onerror="window.x = 1">\n\n` +
        `<div style="background-image: url(${trapUrl}style.png); height: 20px"></div>\n\n<iframe src="${trapUrl}frame"></iframe>\n`,
    )
    const build = spawnSync(process.execPath, [slidevBin(), 'build', 'slides.md', '--out', 'spa', '--base', './'], { cwd: deck, encoding: 'utf8' })
    expect(build.status, build.stderr).toBe(0)
    const { page } = await openPage()
    try {
      await page.goto(pathToFileURL(path.join(deck, 'spa', 'index.html')).href)
      await page.locator('.slidev-page-1').waitFor({ state: 'visible', timeout: 20_000 })
      await page.waitForTimeout(1000)
      expect(await page.locator('.slidev-page-1 iframe').count()).toBe(1)
      expect(await pwned(page)).toBeUndefined()
      expect(hits).toEqual([])
    } finally {
      await page.close()
    }
  }, 120_000)

  it('gives each PDF its titles and author as plain text', async () => {
    const read = async (deck: string) => {
      const doc = await getDocument({ data: new Uint8Array(readFileSync(path.join(work, 'dist', deck, `${deck}.pdf`))) }).promise
      const { info } = (await doc.getMetadata()) as { info: { Title?: string; Author?: string } }
      const outline = ((await doc.getOutline()) ?? []).map((entry) => entry.title)
      return { info, outline }
    }
    const budget = await read('budget')
    expect(budget.info.Title).toBe(TITLES.budget)
    expect(budget.info.Author).toBe(`Ann <img src=${trapUrl}author.png onerror=alert(2)> {{ 7*7 }}`)
    expect(budget.outline).toContain('Fixed costs </div> and <img src=x>')
    expect(budget.outline).toContain('Income {{ 2 + 2 }}')
    expect((await read('cells')).info.Title).toBe(TITLES.cells)
    expect((await read('treaties')).outline[0]).toBe(TITLES.treaties)
    expect(hits).toEqual([])
  })
})
