import { promises as fs } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import type { Browser } from 'playwright-chromium'
import { firstLine, LecternError, UsageError } from '../errors.js'
import { displayPath } from '../paths.js'
import { makeTemporaryFolder, removeTemporaryFolder, swapFolder, writeFileAtomic } from '../fsutil.js'
import { scanDeck } from './deckscan.js'
import { isInside } from './deckfolder.js'
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
import { EXPORT_MANIFEST, readExportRecord, recordExport } from './exportrecord.js'
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

/**
 * Hash of everything an export depends on (`inputs`): the deck's files (read safely, see
 * `scanDeck`), lectern and its theme, the options; and of the deck alone (`deck`).
 */
async function exportInputs(deckDir: string, formats: Format[], options: ExportOptions, warn: (line: string) => void): Promise<{ inputs: string; deck: string }> {
  const deck = await scanDeck(deckDir, warn)
  const hash = createHash('sha256')
  hash.update(toolFingerprint()).update(JSON.stringify({ formats: [...formats].sort(), paper: options.paper, perPage: options.perPage })).update(deck)
  return { inputs: hash.digest('hex'), deck }
}

/**
 * Refuse, before any work, two decks that would export into the same folder (same name), and
 * an output folder inside a deck (or a deck inside its output folder). Usage errors (exit 2).
 */
export async function checkExportTargets(decks: string[], out: string): Promise<string[]> {
  const byName = new Map<string, string>()
  const unique: string[] = []
  const seen = new Set<string>()
  for (const deck of decks) {
    const real = await fs.realpath(deck).catch(() => path.resolve(deck))
    if (seen.has(real)) continue
    seen.add(real)
    unique.push(deck)
    const slug = path.basename(path.resolve(deck))
    const other = byName.get(slug)
    if (other !== undefined) {
      throw new UsageError(`${displayPath(other)} and ${displayPath(deck)} would both export into ${displayPath(path.join(out, slug))}; export them in separate runs with different --out folders, or rename one`)
    }
    byName.set(slug, deck)
    const outDir = path.resolve(out, slug)
    const realOut = await fs.realpath(outDir).catch(() => outDir)
    if (isInside(realOut, real) || isInside(real, realOut)) {
      throw new UsageError(`${displayPath(deck)}: its export folder ${displayPath(outDir)} would overlap the deck itself; pass another --out (e.g. --out dist)`)
    }
  }
  return unique
}

/**
 * May lectern write this deck's exports into `outDir`? Yes when the folder is new, empty, or
 * one lectern exported into before (it has an export manifest). It is marked at once, so a
 * failed first export can be retried.
 */
async function claimOutDir(outDir: string): Promise<void> {
  const stat = await fs.lstat(outDir).catch(() => undefined)
  if (stat) {
    if (!stat.isDirectory()) throw new LecternError(`${displayPath(outDir)}: exists and is not a folder lectern exported into; move it or pass another --out`)
    const marker = await fs.lstat(path.join(outDir, EXPORT_MANIFEST)).catch(() => undefined)
    if (marker?.isFile()) {
      // Temporary folders of an export that was killed (named `.spa-<pid>-…`, its pid gone).
      for (const name of await fs.readdir(outDir)) {
        const pid = /^\.(?:spa|png)-(\d+)-[\w-]+$/.exec(name)?.[1]
        if (pid && !isRunning(Number(pid))) await fs.rm(path.join(outDir, name), { recursive: true, force: true })
      }
      return
    }
    if ((await fs.readdir(outDir)).length) {
      throw new LecternError(`${displayPath(outDir)}: is a folder lectern did not export into (no ${EXPORT_MANIFEST}); lectern never replaces files it did not write, pass another --out`)
    }
  }
  await writeFileAtomic(path.join(outDir, EXPORT_MANIFEST), `${JSON.stringify({ inputs: '' }, null, 2)}\n`)
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
    const manifest = await readExportRecord(outDir)
    if (!manifest.inputs || manifest.inputs !== inputs) return false
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
  const all = await checkExportTargets(options.decks, options.out)
  const decks = options.shard ? shardDecks(all, options.shard) : all
  const progress = createProgress({ quiet: options.quiet, log: options.log })
  const results: ExportResult[] = []
  const needsBrowser = options.formats.some((format) => format !== 'spa')
  let browser: Browser | undefined
  // Plan first: which decks need work.
  const jobs: Array<{ deckDir: string; slug: string; outDir: string; inputs: string; deck: string; spaDir: string; keepSpa: boolean }> = []
  const stop = new AbortController()
  for (const deckDir of decks) {
    const slug = path.basename(path.resolve(deckDir))
    const outDir = path.resolve(options.out, slug)
    try {
      const slides = await fs.lstat(path.join(deckDir, 'slides.md')).catch(() => undefined)
      if (!slides?.isFile()) throw new LecternError(`${displayPath(deckDir)}: not a deck (no slides.md file); run \`lectern build\` first`)
      const { inputs, deck } = await exportInputs(deckDir, options.formats, options, warn)
      if (!options.force && (await unchanged(outDir, inputs, outputsOf(outDir, slug, options.formats)))) {
        progress.line(`${displayPath(deckDir)}  unchanged`)
        results.push({ deck: deckDir, status: 'unchanged', outputs: outputsOf(outDir, slug, options.formats) })
        continue
      }
      await claimOutDir(outDir)
      const keepSpa = options.formats.includes('spa')
      // The SPA is built into a fresh folder (beside spa/ when it is kept) and swapped in whole.
      const spaDir = keepSpa ? await makeTemporaryFolder(`.spa-${process.pid}-`, outDir) : await makeTemporaryFolder('lectern-spa-')
      jobs.push({ deckDir, slug, outDir, inputs, deck, spaDir, keepSpa })
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
      const promise = buildSpa(path.resolve(job.deckDir), job.spaDir, { fast, signal: stop.signal })
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
        if (job.keepSpa) await swapFolder(job.spaDir, path.join(job.outDir, 'spa'))
        // Outputs of an earlier export made from an older deck would publish removed text: they go.
        const written = outputs.map((output) => (output.endsWith(`${path.sep}index.html`) ? path.dirname(output) : output))
        for (const stale of await recordExport(job.outDir, job.inputs, job.deck, written)) {
          warn(`${stale}: removed; it was made from an older version of ${displayPath(job.deckDir)} (export that format again to get it back)`)
        }
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
        await removeTemporaryFolder(job.spaDir)
      }
    }
  } finally {
    stop.abort()
    await Promise.allSettled(builds.values())
    for (const job of jobs) await removeTemporaryFolder(job.spaDir)
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
  if (job.keepSpa) outputs.push(path.join(job.outDir, 'spa', 'index.html'))
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
        const fresh = await makeTemporaryFolder(`.png-${process.pid}-`, job.outDir)
        try {
          for (const [i, image] of images.entries()) await fs.writeFile(path.join(fresh, `${String(i + 1).padStart(2, '0')}.png`), image)
          await swapFolder(fresh, dir)
        } finally {
          await removeTemporaryFolder(fresh)
        }
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

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function describe(error: unknown, deckDir: string): string {
  return error instanceof LecternError ? error.message : `${displayPath(deckDir)}: ${firstLine(error)}`
}
