import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createHash } from 'node:crypto'
import type { Browser } from 'playwright-chromium'
import { LecternError, UsageError } from '../errors.js'
import { displayPath } from '../paths.js'
import { writeFileAtomic } from '../fsutil.js'
import { buildSpa } from '../export/slidev.js'
import { serveStatic } from '../export/serve.js'
import { launchBrowser } from '../export/browser.js'
import { openPrintView, printSlides } from '../export/pdf.js'
import { readDeckInfo } from '../export/deckinfo.js'
import { finishPdf, sectionOutline } from '../export/meta.js'
import { screenshotSlides } from '../export/png.js'
import { makeHandout, type Paper } from '../export/handout.js'
import { makePptx } from '../export/pptx.js'
import { toolFingerprint } from './manifest.js'
import { createProgress, type Progress } from './progress.js'

export { findDecks } from './decks.js'

export const FORMATS = ['pdf', 'spa', 'handout', 'png', 'pptx'] as const
export type Format = (typeof FORMATS)[number]

export interface ExportOptions {
  decks: string[]
  formats: Format[]
  out: string
  paper?: Paper
  perPage?: 1 | 2 | 3
  /** Redo decks whose inputs did not change. */
  force?: boolean
  /** `K/N`: export only the K-th of N deterministic shards of the decks. */
  shard?: string
  quiet?: boolean
  log?: (line: string) => void
  warn?: (line: string) => void
}

export interface ExportResult {
  deck: string
  status: 'exported' | 'unchanged' | 'failed'
  outputs: string[]
  seconds?: number
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
 * The decks of shard `K/N`: decks are sorted by name and dealt round-robin, so every deck is in
 * exactly one shard and the split does not depend on the machine.
 */
export function shardDecks(decks: string[], shard: string): string[] {
  const match = /^(\d+)\/(\d+)$/.exec(shard)
  const k = match ? Number(match[1]) : NaN
  const n = match ? Number(match[2]) : NaN
  if (!match || n < 1 || k < 1 || k > n) throw new UsageError(`--shard must look like K/N with 1 ≤ K ≤ N (e.g. 2/4), not "${shard}"`)
  const sorted = [...decks].sort((a, b) => (path.basename(a) < path.basename(b) ? -1 : path.basename(a) > path.basename(b) ? 1 : 0))
  return sorted.filter((_, index) => index % n === k - 1)
}

const EXPORT_MANIFEST = '.lectern-export.json'

/** Hash of everything an export depends on: the deck's files, lectern and its theme, the options. */
async function exportInputs(deckDir: string, formats: Format[], options: ExportOptions): Promise<string> {
  const hash = createHash('sha256')
  hash.update(toolFingerprint()).update(JSON.stringify({ formats: [...formats].sort(), paper: options.paper, perPage: options.perPage }))
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await fs.readdir(dir)).sort()) {
      // Slidev and Vite keep caches in the deck folder; they are not inputs.
      if (name === 'node_modules' || name === '.slidev') continue
      const full = path.join(dir, name)
      if ((await fs.stat(full)).isDirectory()) await walk(full)
      else hash.update(path.relative(deckDir, full)).update(await fs.readFile(full))
    }
  }
  await walk(deckDir)
  return hash.digest('hex')
}

function outputsOf(outDir: string, slug: string, formats: Format[]): string[] {
  return formats.map((format) => {
    switch (format) {
      case 'pdf':
        return path.join(outDir, `${slug}.pdf`)
      case 'spa':
        return path.join(outDir, 'spa', 'index.html')
      case 'handout':
        return path.join(outDir, `${slug}-handout.pdf`)
      case 'png':
        return path.join(outDir, 'png')
      case 'pptx':
        return path.join(outDir, `${slug}.pptx`)
    }
  })
}

async function unchanged(outDir: string, inputs: string, outputs: string[]): Promise<boolean> {
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(outDir, EXPORT_MANIFEST), 'utf8')) as { inputs: string }
    if (manifest.inputs !== inputs) return false
    for (const output of outputs) await fs.access(output)
    return true
  } catch {
    return false
  }
}

/**
 * Export decks in one pass: each deck is built once by Slidev; one Chromium prints every format
 * of every deck. While one deck prints, the next one builds. A deck whose inputs did not change
 * since its last export is skipped (`force` redoes it); a deck that fails does not stop the others.
 */
export async function exportDecks(options: ExportOptions): Promise<ExportResult[]> {
  const warn = options.warn ?? ((line) => process.stderr.write(`${line}\n`))
  const decks = options.shard ? shardDecks(options.decks, options.shard) : options.decks
  const progress = createProgress({ quiet: options.quiet, log: options.log })
  const results: ExportResult[] = []
  const needsBrowser = options.formats.some((format) => format !== 'spa')
  let browser: Browser | undefined
  // Plan first: which decks need work.
  const jobs: Array<{ deckDir: string; slug: string; outDir: string; inputs: string; spaDir: string; keepSpa: boolean }> = []
  for (const deckDir of decks) {
    const slug = path.basename(path.resolve(deckDir))
    const outDir = path.resolve(options.out, slug)
    try {
      await fs.access(path.join(deckDir, 'slides.md')).catch(() => {
        throw new LecternError(`${displayPath(deckDir)}: not a deck (no slides.md); run \`lectern build\` first`)
      })
      const inputs = await exportInputs(deckDir, options.formats, options)
      if (!options.force && (await unchanged(outDir, inputs, outputsOf(outDir, slug, options.formats)))) {
        progress.line(`${displayPath(deckDir)}  unchanged`)
        results.push({ deck: deckDir, status: 'unchanged', outputs: outputsOf(outDir, slug, options.formats) })
        continue
      }
      const keepSpa = options.formats.includes('spa')
      const spaDir = keepSpa ? path.join(outDir, 'spa') : await fs.mkdtemp(path.join(os.tmpdir(), 'lectern-spa-'))
      jobs.push({ deckDir, slug, outDir, inputs, spaDir, keepSpa })
    } catch (error) {
      const message = describe(error, deckDir)
      warn(message)
      results.push({ deck: deckDir, status: 'failed', outputs: [], error: message })
    }
  }
  // Start building the first deck; each deck's build overlaps the previous deck's printing.
  const builds = new Map<number, Promise<void>>()
  const startBuild = (index: number): Promise<void> | undefined => {
    const job = jobs[index]
    if (!job) return undefined
    if (!builds.has(index)) {
      const fast = !job.keepSpa
      const promise = buildSpa(path.resolve(job.deckDir), job.spaDir, { fast })
      promise.catch(() => undefined)
      builds.set(index, promise)
    }
    return builds.get(index)
  }
  try {
    for (let index = 0; index < jobs.length; index++) {
      const job = jobs[index]
      const task = progress.deck(displayPath(job.deckDir))
      const started = performance.now()
      try {
        startBuild(index)
        task.step('building with Slidev')
        await builds.get(index)
        startBuild(index + 1)
        if (needsBrowser && !browser) browser = await launchBrowser()
        const outputs = await renderFormats(job, options, browser, task)
        await writeFileAtomic(path.join(job.outDir, EXPORT_MANIFEST), `${JSON.stringify({ inputs: job.inputs }, null, 2)}\n`)
        const seconds = (performance.now() - started) / 1000
        task.done(`${outputs.map(displayPath).join(', ')}`)
        results.push({ deck: job.deckDir, status: 'exported', outputs, seconds })
      } catch (error) {
        const message = describe(error, job.deckDir)
        task.fail(message)
        warn(message)
        results.push({ deck: job.deckDir, status: 'failed', outputs: [], error: message })
        if (error instanceof LecternError && /no Chromium found|could not start the browser/.test(error.message)) break
      } finally {
        if (!job.keepSpa) await fs.rm(job.spaDir, { recursive: true, force: true })
      }
    }
  } finally {
    await Promise.allSettled(builds.values())
    for (const job of jobs) if (!job.keepSpa) await fs.rm(job.spaDir, { recursive: true, force: true })
    await browser?.close()
    progress.stop()
  }
  return results
}

async function renderFormats(
  job: { deckDir: string; slug: string; outDir: string; spaDir: string; keepSpa: boolean },
  options: ExportOptions,
  browser: Browser | undefined,
  task: ReturnType<Progress['deck']>,
): Promise<string[]> {
  const outputs: string[] = []
  if (job.keepSpa) outputs.push(path.join(job.spaDir, 'index.html'))
  if (!browser) return outputs
  const markdown = await fs.readFile(path.join(job.deckDir, 'slides.md'), 'utf8')
  const info = readDeckInfo(markdown, job.slug)
  const count = info.slides.length
  const wantsImages = options.formats.some((format) => format === 'png' || format === 'handout' || format === 'pptx')
  const server = await serveStatic(job.spaDir)
  try {
    // Slides print at 2× so pictures in PNGs, handouts and pptx files are sharp; the PDF is vector.
    const view = await openPrintView(browser, server.url, count, wantsImages ? 2 : 1)
    try {
      if (options.formats.includes('pdf')) {
        task.step('printing the PDF')
        const pdf = await printSlides(view.page, count)
        const outline = sectionOutline(info.slides).map((entry) => ({ page: entry.slide, title: entry.title }))
        const file = path.join(job.outDir, `${job.slug}.pdf`)
        await writeFileAtomic(file, await finishPdf(pdf, { title: info.title, author: info.author, outline }))
        outputs.push(file)
      }
      let images: Buffer[] = []
      if (wantsImages) {
        task.step('taking pictures of the slides', count)
        images = await screenshotSlides(view.page, (done) => task.tick(done))
      }
      if (view.errors.length) throw new LecternError(`${displayPath(job.deckDir)}: the deck raised errors in the browser: ${view.errors.join('; ')}`)
      if (options.formats.includes('png')) {
        const dir = path.join(job.outDir, 'png')
        await fs.rm(dir, { recursive: true, force: true })
        for (const [i, image] of images.entries()) await writeFileAtomic(path.join(dir, `${String(i + 1).padStart(2, '0')}.png`), image)
        outputs.push(dir)
      }
      if (options.formats.includes('handout')) {
        task.step('laying out the handout')
        const file = path.join(job.outDir, `${job.slug}-handout.pdf`)
        await writeFileAtomic(file, await makeHandout(browser, info, images, { paper: options.paper ?? 'a4', perPage: options.perPage ?? 2 }))
        outputs.push(file)
      }
      if (options.formats.includes('pptx')) {
        task.step('writing the pptx')
        const file = path.join(job.outDir, `${job.slug}.pptx`)
        await writeFileAtomic(file, await makePptx(info, images))
        outputs.push(file)
      }
    } finally {
      await view.close()
    }
  } finally {
    await server.close()
  }
  return outputs
}

function describe(error: unknown, deckDir: string): string {
  return error instanceof LecternError ? error.message : `${displayPath(deckDir)}: ${String((error as Error)?.message ?? error)}`
}
