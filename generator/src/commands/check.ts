import { promises as fs } from 'node:fs'
import path from 'node:path'
import { parseSync } from '@slidev/parser'
import { checkDeck, type DeckReport } from '../check.js'
import { LecternError } from '../errors.js'
import { displayPath } from '../paths.js'
import { decodeNote } from '../decode.js'
import os from 'node:os'
import type { Browser } from 'playwright-chromium'
import { launchBrowser } from '../export/browser.js'
import { buildSpa } from '../export/slidev.js'
import { serveStatic } from '../export/serve.js'
import { measureSlides, type SlideMeasure } from '../export/measure.js'
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
        result.error = error instanceof LecternError ? error.message : `${displayPath(deckDir)}: ${String((error as Error)?.message ?? error)}`
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
  const spaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'lectern-check-'))
  try {
    await buildSpa(path.resolve(deckDir), spaDir)
    const server = await serveStatic(spaDir)
    try {
      return await measureSlides(chromium, server.url, expected)
    } finally {
      await server.close()
    }
  } finally {
    await fs.rm(spaDir, { recursive: true, force: true })
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
      const markdown = await fs.readFile(file, 'utf8').catch(() => {
        throw new LecternError(`${shown}: not a deck (no slides.md); run \`lectern build\` first`)
      })
      const head = parseSync(markdown, file).slides[0]?.frontmatter ?? {}
      const noteRef = (head.lectern as { note?: unknown } | undefined)?.note
      let noteText: string | undefined
      let note: string | undefined
      if (typeof noteRef === 'string') {
        note = path.resolve(deckDir, noteRef)
        const bytes = await fs.readFile(note).catch(() => {
          throw new LecternError(`${shown}: its note ${displayPath(note!)} cannot be read; rebuild the deck or restore the note`)
        })
        noteText = decodeNote(bytes, displayPath(note)).text
      }
      const lint = noteText === undefined ? undefined : lintDeck(markdown, noteText, displayPath(note!))
      return { deck: deckDir, note, report: checkDeck(markdown, noteText, shown), lint }
    } catch (error) {
      const message = error instanceof LecternError ? error.message : `${shown}: ${String((error as Error)?.message ?? error)}`
      return { deck: deckDir, error: message }
    }
  }


/** One paragraph per deck, for people. */
export function formatCheck(result: CheckResult): string {
  const shown = displayPath(result.deck)
  if (result.error || !result.report) return `${shown}: error: ${result.error}`
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
