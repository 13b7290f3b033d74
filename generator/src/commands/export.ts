import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseSync } from '@slidev/parser'
import type { Browser } from 'playwright-chromium'
import { LecternError, UsageError } from '../errors.js'
import { displayPath } from '../paths.js'
import { buildSpa } from '../export/slidev.js'
import { serveStatic } from '../export/serve.js'
import { launchBrowser } from '../export/browser.js'
import { printPdf } from '../export/pdf.js'

export { findDecks } from './decks.js'

export const FORMATS = ['pdf', 'spa'] as const
export type Format = (typeof FORMATS)[number]

export interface ExportOptions {
  decks: string[]
  formats: Format[]
  out: string
  log?: (line: string) => void
  warn?: (line: string) => void
}

export interface ExportResult {
  deck: string
  outputs: string[]
  error?: string
}

/** Parse `pdf,spa` into formats, rejecting unknown names. */
export function parseFormats(value: string): Format[] {
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
  if (!names.length) throw new UsageError('--format needs at least one of: ' + FORMATS.join(', '))
  for (const name of names) {
    if (!(FORMATS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown format "${name}"; choose from: ${FORMATS.join(', ')}`)
    }
  }
  return [...new Set(names)] as Format[]
}

/**
 * Export decks: each is built once with Slidev into a static SPA; the PDF is printed from that
 * SPA by one shared Chromium. A deck that fails does not stop the others.
 */
export async function exportDecks(options: ExportOptions): Promise<ExportResult[]> {
  const log = options.log ?? ((line) => process.stdout.write(`${line}\n`))
  const warn = options.warn ?? ((line) => process.stderr.write(`${line}\n`))
  const results: ExportResult[] = []
  let browser: Browser | undefined
  try {
    for (const deckDir of options.decks) {
      const slug = path.basename(path.resolve(deckDir))
      const outDir = path.resolve(options.out, slug)
      try {
        if (options.formats.includes('pdf') && !browser) browser = await launchBrowser()
        const outputs = await exportOne(deckDir, outDir, slug, options.formats, browser)
        log(`${displayPath(deckDir)} → ${outputs.map(displayPath).join(', ')}`)
        results.push({ deck: deckDir, outputs })
      } catch (error) {
        const message = error instanceof LecternError ? error.message : `${displayPath(deckDir)}: ${String((error as Error)?.message ?? error)}`
        warn(message)
        results.push({ deck: deckDir, outputs: [], error: message })
        if (error instanceof LecternError && /no Chromium found|could not start the browser/.test(error.message)) break
      }
    }
  } finally {
    await browser?.close()
  }
  return results
}

async function exportOne(deckDir: string, outDir: string, slug: string, formats: Format[], browser?: Browser): Promise<string[]> {
  const entry = path.join(deckDir, 'slides.md')
  const markdown = await fs.readFile(entry, 'utf8').catch(() => {
    throw new LecternError(`${displayPath(deckDir)}: not a deck (no slides.md); run \`lectern build\` first`)
  })
  const parsed = parseSync(markdown, entry)
  const headmatter = parsed.slides[0]?.frontmatter ?? {}
  const title = typeof headmatter.title === 'string' ? headmatter.title : slug
  const author = typeof headmatter.author === 'string' ? headmatter.author : undefined

  const keepSpa = formats.includes('spa')
  const spaDir = keepSpa ? path.join(outDir, 'spa') : await fs.mkdtemp(path.join(os.tmpdir(), 'lectern-spa-'))
  const outputs: string[] = []
  try {
    await fs.mkdir(outDir, { recursive: true })
    await buildSpa(path.resolve(deckDir), spaDir)
    if (keepSpa) outputs.push(path.join(spaDir, 'index.html'))
    if (formats.includes('pdf') && browser) {
      const server = await serveStatic(spaDir)
      try {
        const pdfPath = path.join(outDir, `${slug}.pdf`)
        await printPdf(browser, server.url, pdfPath, { title, author, slides: parsed.slides.length })
        outputs.push(pdfPath)
      } finally {
        await server.close()
      }
    }
  } finally {
    if (!keepSpa) await fs.rm(spaDir, { recursive: true, force: true })
  }
  return outputs
}
