import { promises as fs } from 'node:fs'
import path from 'node:path'
import { parseSync } from '@slidev/parser'
import { checkDeck, type DeckReport } from '../deck-report.js'
import { firstLine, LecternError } from '../errors.js'
import { displayPath } from '../paths.js'
import { decodeNote } from '../decode.js'
import type { Browser } from 'playwright-chromium'
import { launchBrowser } from '../export/browser.js'
import { buildSpa } from '../export/slidev.js'
import { serveStatic } from '../export/serve.js'
import { measureSlides, type SlideMeasure } from '../export/measure.js'
import { makeTemporaryFolder, NotRegularFileError, readRegularFile, removeTemporaryFolder } from '../fsutil.js'
import { MANIFEST, readManifestState, sha256 } from './manifest.js'
import { isInside } from './deckfolder.js'
import { scanDeck } from './deckscan.js'
import { formatFinding, lintDeck, type LintReport } from '../lint.js'

export interface CheckResult {
  deck: string
  note?: string
  report?: DeckReport
  /** Per slide, as measured in Chromium (absent with --no-browser). */
  browser?: SlideMeasure[]
  /** The slide-text lint (cut sentences, thin slides); `--strict` fails on any finding. */
  lint?: LintReport
  error?: string
}

/** The smallest text a viewer at the back of the room can read, in px on the 980×552 canvas. */
export const MIN_FONT_PX = 14

/**
 * Check each deck against the note it was built from (the note's path is in the deck), then,
 * unless `browser` is false, build its SPA and measure every slide in Chromium.
 */
export async function checkDecks(decks: string[], options: { browser?: boolean } = {}): Promise<CheckResult[]> {
  const results: CheckResult[] = []
  let chromium: Browser | undefined
  try {
    for (const deckDir of decks) {
      const result = await checkStatic(deckDir)
      results.push(result)
      if (options.browser === false || !result.report) continue
      chromium ??= await launchBrowser()
      try {
        result.browser = await measureDeck(chromium, deckDir)
        addBrowserProblems(result)
      } catch (error) {
        result.error = error instanceof LecternError ? error.message : `${displayPath(deckDir)}: ${firstLine(error)}`
      }
    }
  } finally {
    await chromium?.close()
  }
  return results
}

async function measureDeck(chromium: Browser, deckDir: string): Promise<SlideMeasure[]> {
  const markdown = await fs.readFile(path.join(deckDir, 'slides.md'), 'utf8')
  const expected = parseSync(markdown, 'slides.md').slides.map((slide) => (slide.content.match(/^`{3,}mermaid\b/gm) ?? []).length)
  // The same guard as export: no FIFO, device or symlink out of the deck reaches Slidev.
  await scanDeck(deckDir, (line) => process.stderr.write(`${line}\n`))
  const spaDir = await makeTemporaryFolder('lectern-check-')
  try {
    await buildSpa(path.resolve(deckDir), spaDir)
    const server = await serveStatic(spaDir)
    try {
      return await measureSlides(chromium, server.url, expected)
    } finally {
      await server.close()
    }
  } finally {
    await removeTemporaryFolder(spaDir)
  }
}

function addBrowserProblems(result: CheckResult): void {
  const report = result.report!
  const shown = displayPath(result.deck)
  for (const measure of result.browser ?? []) {
    const slide = report.perSlide[measure.number - 1]
    const where = `${shown}: slide ${measure.number} "${slide?.title ?? ''}"${slide?.source ? ` (${slide.source})` : ''}`
    if (measure.words > report.budget.words) report.problems.push(`${where}: shows ${measure.words} words in the browser, over the budget of ${report.budget.words}`)
    if (measure.overflowPx > 0.5) report.problems.push(`${where}: content overflows by ${measure.overflowPx} px in the browser`)
    if (measure.minFontPx > 0 && measure.minFontPx < MIN_FONT_PX) {
      report.problems.push(`${where}: text as small as ${measure.minFontPx} px (the minimum is ${MIN_FONT_PX} px)`)
    }
    const broken = measure.diagrams.expected - measure.diagrams.rendered
    if (broken > 0 || measure.diagrams.errors.length) {
      report.problems.push(`${where}: ${Math.max(broken, measure.diagrams.errors.length)} diagram(s) did not render${measure.diagrams.errors.length ? `: ${measure.diagrams.errors[0]}` : ''}`)
    }
  }
}

async function checkStatic(deckDir: string): Promise<CheckResult> {
    const shown = displayPath(deckDir)
    try {
      const file = path.join(deckDir, 'slides.md')
      const markdown = (
        await readRegularFile(file, { followSymlinks: false }).catch((error) => {
          if (error instanceof NotRegularFileError) throw new LecternError(`${displayPath(file)}: is ${error.kind}, not a regular file; lectern checks only regular deck files`)
          throw new LecternError(`${shown}: not a deck (no slides.md); run \`lectern build\` first`)
        })
      ).toString('utf8')
      const named = await noteOf(deckDir)
      const note = named?.note
      let noteText: string | undefined
      if (named) {
        const bytes = await readRegularFile(named.note).catch((error) => {
          if (error instanceof NotRegularFileError) throw new LecternError(`${shown}: its note ${displayPath(named.note)} is ${error.kind}, not a regular file`)
          throw new LecternError(`${shown}: its note ${displayPath(named.note)} cannot be read; rebuild the deck or restore the note`)
        })
        // A note that changed since the build is not compared (and a manifest cannot name any file).
        if (sha256(bytes) !== named.hash) throw new LecternError(`${shown}: its note ${displayPath(named.note)} changed since the deck was built; run \`lectern build\` and check again`)
        noteText = decodeNote(bytes, displayPath(named.note)).text
      }
      const lint = noteText === undefined ? undefined : lintDeck(markdown, noteText, displayPath(note!))
      return { deck: deckDir, note, report: checkDeck(markdown, noteText, shown), lint }
    } catch (error) {
      const message = error instanceof LecternError ? error.message : `${shown}: ${firstLine(error)}`
      return { deck: deckDir, error: message }
    }
  }


/**
 * The note a deck was built from and its hash, as its lectern manifest names them, when that
 * note lies inside the project (the working directory) or beside the deck. A deck without a
 * manifest (hand-made) names no note: its `lectern.note` frontmatter is not trusted.
 */
async function noteOf(deckDir: string): Promise<{ note: string; hash: string } | undefined> {
  const state = await readManifestState(deckDir)
  if (state === 'unreadable') {
    throw new LecternError(`${displayPath(path.join(deckDir, MANIFEST))}: lectern's manifest of this deck is unreadable (damaged); rebuild the deck with \`lectern build --force\` on its note`)
  }
  const manifest = state === 'none' ? undefined : state
  if (!manifest || typeof manifest.note !== 'string' || typeof manifest.noteHash !== 'string') return undefined
  const note = path.resolve(deckDir, manifest.note)
  const real = await fs.realpath(note).catch(() => note)
  const roots = await Promise.all([process.cwd(), path.dirname(path.resolve(deckDir))].map((dir) => fs.realpath(dir).catch(() => dir)))
  if (!roots.some((root) => isInside(real, root))) {
    throw new LecternError(`${displayPath(deckDir)}: its manifest names the note ${manifest.note}, which is outside the project and the deck's folder; lectern reads only notes inside them (run check from the project folder)`)
  }
  return { note, hash: manifest.noteHash }
}

/** One paragraph per deck, for people. */
export function formatCheck(result: CheckResult): string {
  const shown = displayPath(result.deck)
  if (result.error || !result.report) {
    // Errors start with the file they are about: `error:` goes after that place, once.
    const error = result.error ?? 'no report'
    const place = [`${shown}: `, ...[...error.matchAll(/^([^:\s][^:]*): /g)].map((m) => m[0])].find((prefix) => error.startsWith(prefix))
    return place ? `${place}error: ${error.slice(place.length)}` : `${shown}: error: ${error}`
  }
  const r = result.report
  const share = (r.sentences.share * 100).toFixed(r.sentences.share === 1 ? 0 : 1)
  const measured = result.browser
  const browser = measured?.length
    ? ` In Chromium: busiest slide shows ${Math.max(...measured.map((m) => m.words))} words; largest overflow ${Math.max(...measured.map((m) => m.overflowPx))} px; ` +
      `smallest text ${Math.min(...measured.map((m) => m.minFontPx).filter((v) => v > 0))} px; diagrams rendered ` +
      `${measured.reduce((n, m) => n + m.diagrams.rendered, 0)}/${measured.reduce((n, m) => n + m.diagrams.expected, 0)}.`
    : ''
  const lines = [
    `${shown}: ${r.slides} slides; busiest slide ${r.busiest.number} "${r.busiest.title}" shows ${r.busiest.words} words` +
      `${r.busiest.source ? ` (${r.busiest.source})` : ''}; median ${r.medianWords} words; ` +
      `sentences ${r.sentences.found}/${r.sentences.total} (${share}%); ${r.tables} tables; ${r.diagrams} diagrams; ` +
      `budget ${r.budget.words} words, ${r.budget.lines} lines.${browser} ${r.problems.length ? `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}` : 'OK'}`,
    ...r.problems.map((problem) => `  ${problem}`),
    ...(result.lint?.findings.length
      ? [`  slide text: ${result.lint.flagged} of ${result.lint.items} bullets and cells read as cut, ${result.lint.thinSlides} thin slides`, ...result.lint.findings.map((f) => `  ${formatFinding(shown, f)}`)]
      : []),
  ]
  return lines.join('\n')
}
