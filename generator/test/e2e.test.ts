/**
 * End to end, on the real parts: the real CLI builds a note, Slidev builds the SPA, Chromium
 * prints the PDF; then we read the PDF with pdf.js and open every slide of the SPA in Chromium.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseSync } from '@slidev/parser'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { chromium, type Browser } from 'playwright-chromium'
import { findBrowser, CHROMIUM_ARGS } from '../src/export/browser.js'
import { serveStatic } from '../src/export/serve.js'

const bin = path.resolve(__dirname, '../bin/lectern.js')

const NOTE = `---
title: Containers End to End
author: Test Speaker
---

# Containers End to End

A short note that exercises every kind of block. It is read back from the PDF.

## Basics

- **Image**: a read-only template for containers.
- **Container**: a running instance of an image.
- Prose keeps {{ 6 * 7 }} literal
- Nested list
  - second level
    - third level

Docker prints a field with \`docker inspect --format '{{.State.Status}}'\` and prose keeps {{ 6 * 7 }} literal.

## Reference

| Command | Meaning |
|---|---|
| docker ps | list containers |
| docker images | list images |

\`\`\`sh
docker run --rm -it alpine sh
\`\`\`

![A box](box.svg)

![Not there](missing.png)

## Paths

The "client" [CLI] talks to the daemon <dockerd>, which hands work to containerd --> shim, which uses runc to start the process.

A container host has four layers, from top to bottom:

- Applications
- Container engine
- Host OS
- Hardware

A very long address: https://example.com/${'a'.repeat(600)} ends here.

\`\`\`text
${'x'.repeat(1000)}
\`\`\`

| ${Array.from({ length: 12 }, (_, i) => `c${i}`).join(' | ')} |
| ${Array.from({ length: 12 }, () => '---').join(' | ')} |
| ${Array.from({ length: 12 }, (_, i) => `value ${i}`).join(' | ')} |
`

let work: string
let deckMd: string
let slideCount: number
let pdfText: string[]
let exportRun: ReturnType<typeof spawnSync>

async function pdfPages(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false }).promise
  const pages: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  return pages
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'lectern-e2e-'))
  mkdirSync(path.join(work, 'notes'))
  writeFileSync(path.join(work, 'notes', 'talk.md'), NOTE)
  writeFileSync(
    path.join(work, 'notes', 'box.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#0f766e"/></svg>',
  )
  const build = spawnSync(process.execPath, [bin, 'build'], { cwd: work, encoding: 'utf8' })
  expect(build.status, build.stderr).toBe(0)
  deckMd = readFileSync(path.join(work, 'decks', 'talk', 'slides.md'), 'utf8')
  slideCount = parseSync(deckMd, 'slides.md').slides.length
  exportRun = spawnSync(process.execPath, [bin, 'export', '--format', 'pdf,spa,handout,png,pptx'], { cwd: work, encoding: 'utf8' })
  expect(exportRun.status, String(exportRun.stderr)).toBe(0)
  pdfText = await pdfPages(path.join(work, 'dist', 'talk', 'talk.pdf'))
}, 240_000)

describe('lectern export (real Slidev, real Chromium)', () => {
  it('writes the PDF and the SPA where the README says', () => {
    expect(existsSync(path.join(work, 'dist', 'talk', 'talk.pdf'))).toBe(true)
    expect(existsSync(path.join(work, 'dist', 'talk', 'spa', 'index.html'))).toBe(true)
    expect(String(exportRun.stdout)).toMatch(/decks\/talk → .*talk\.pdf/)
    expect(existsSync(path.join(work, 'dist', 'talk', 'talk-handout.pdf'))).toBe(true)
  })

  it('prints one PDF page per slide, with text that can be read back', () => {
    expect(slideCount).toBeGreaterThan(5)
    expect(pdfText).toHaveLength(slideCount)
    expect(pdfText[0]).toContain('Containers End to End')
    expect(pdfText.join(' ')).toContain('list containers')
  })

  it('shows mustache from the note literally, never evaluated', () => {
    const all = pdfText.join(' ')
    expect(all).toContain('{{ 6 * 7 }}')
    expect(all).not.toMatch(/keeps 42 literal/)
    expect(all).toContain("--format '{{.State.Status}}'")
  })

  it('sets the PDF title from the note', async () => {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(path.join(work, 'dist', 'talk', 'talk.pdf'))) }).promise
    const { info } = (await doc.getMetadata()) as { info: { Title?: string; Author?: string } }
    expect(info.Title).toBe('Containers End to End')
    expect(info.Author).toBe('Test Speaker')
  })

  it('passes lectern check in Chromium: no overflow, no text under 14 px, every diagram rendered', () => {
    const run = spawnSync(process.execPath, [bin, 'check', '--json'], { cwd: work, encoding: 'utf8' })
    const [report] = JSON.parse(run.stdout) as Array<{
      problems: string[]
      browser: Array<{ overflowPx: number; minFontPx: number; words: number; diagrams: { expected: number; rendered: number } }>
    }>
    expect(report.problems).toEqual([])
    expect(run.status).toBe(0)
    expect(Math.max(...report.browser.map((m) => m.overflowPx))).toBe(0)
    expect(Math.min(...report.browser.map((m) => m.minFontPx).filter((v) => v > 0))).toBeGreaterThanOrEqual(14)
    expect(Math.max(...report.browser.map((m) => m.words))).toBeLessThanOrEqual(60)
    const expected = report.browser.reduce((n, m) => n + m.diagrams.expected, 0)
    expect(expected).toBeGreaterThanOrEqual(2)
    expect(report.browser.reduce((n, m) => n + m.diagrams.rendered, 0)).toBe(expected)
  }, 120_000)

  it('writes a handout whose text holds the note’s sentences, with the title and page numbers', async () => {
    const handout = await pdfPages(path.join(work, 'dist', 'talk', 'talk-handout.pdf'))
    expect(handout.length).toBeGreaterThanOrEqual(Math.ceil(slideCount / 2))
    const text = handout.join(' ').replace(/\s+/g, ' ')
    const { noteSentences } = await import('../src/coverage.js')
    const { parseNote } = await import('../src/parse.js')
    const { VFile } = await import('vfile')
    const wanted = noteSentences(parseNote(new VFile({ value: NOTE })).tree).map((s) => s.replace(/\s+/g, ' '))
    const found = wanted.filter((sentence) => text.includes(sentence))
    // The misses are the 600-character URL and the 1,000-character code line: a line that long
    // wraps inside the word, and PDF text extraction puts a space at each wrap.
    expect(wanted.filter((sentence) => !text.includes(sentence)).filter((s) => s.length <= 500)).toEqual([])
    expect(found.length / wanted.length).toBeGreaterThanOrEqual(0.9)
    expect(handout[0]).toContain('Containers End to End')
    expect(handout[1]).toMatch(new RegExp(`2 / ${handout.length}`))
  })

  it('gives the slide PDF bookmarks by section', async () => {
    const doc = await getDocument({ data: new Uint8Array(readFileSync(path.join(work, 'dist', 'talk', 'talk.pdf'))) }).promise
    const outline = (await doc.getOutline()) ?? []
    expect(outline.map((item) => item.title)).toEqual(expect.arrayContaining(['Containers End to End', 'Basics', 'Reference', 'Paths']))
  })

  it('writes one PNG per slide and a pptx', () => {
    const pngs = readdirSync(path.join(work, 'dist', 'talk', 'png'))
    expect(pngs).toHaveLength(slideCount)
    const png = readFileSync(path.join(work, 'dist', 'talk', 'png', pngs[0]))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.readUInt32BE(16)).toBe(1960)
    const pptx = readFileSync(path.join(work, 'dist', 'talk', 'talk.pptx'))
    expect(pptx.subarray(0, 2).toString()).toBe('PK')
  })

  it('skips an unchanged deck on the next export, and redoes it with --force', () => {
    const again = spawnSync(process.execPath, [bin, 'export', '--format', 'pdf,spa,handout,png,pptx'], { cwd: work, encoding: 'utf8' })
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('decks/talk  unchanged')
    const shard = spawnSync(process.execPath, [bin, 'export', '--format', 'pdf', '--shard', '2/2', '--out', 'shard'], { cwd: work, encoding: 'utf8' })
    expect(shard.status).toBe(0)
    expect(existsSync(path.join(work, 'shard', 'talk'))).toBe(false)
  })

  it('renders every slide of the SPA from a sub-path with no page error and no request leaving the machine', async () => {
    const server = await serveStatic(path.join(work, 'dist'))
    let browser: Browser | undefined
    try {
      browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROMIUM_ARGS })
      const page = await browser.newPage({ viewport: { width: 980, height: 552 } })
      const errors: string[] = []
      const external: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      page.on('request', (request) => {
        const url = request.url()
        if (!url.startsWith(server.url) && !url.startsWith('data:')) external.push(url)
      })
      const parsed = parseSync(deckMd, 'slides.md')
      for (let n = 1; n <= slideCount; n++) {
        await page.goto(`${server.url}talk/spa/index.html#/${n}`)
        const slide = page.locator(`.slidev-page-${n}`)
        await slide.waitFor({ state: 'visible', timeout: 15_000 })
        const title = parsed.slides[n - 1].title
        if (title && !title.includes('<')) {
          const shown = title.replace(/\\/g, '')
          // Slides mount asynchronously: wait for the title text, then read it.
          await slide.getByText(shown, { exact: false }).first().waitFor({ timeout: 15_000 }).catch(() => undefined)
          expect(await slide.innerText()).toContain(shown)
        }
      }
      expect(errors).toEqual([])
      expect(external).toEqual([])
    } finally {
      await browser?.close()
      await server.close()
    }
  }, 120_000)
})
