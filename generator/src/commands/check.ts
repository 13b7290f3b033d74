import { promises as fs } from 'node:fs'
import path from 'node:path'
import { parseSync } from '@slidev/parser'
import { checkDeck, type DeckReport } from '../check.js'
import { LecternError } from '../errors.js'
import { displayPath } from '../paths.js'
import { decodeNote } from '../decode.js'

export interface CheckResult {
  deck: string
  note?: string
  report?: DeckReport
  error?: string
}

/** Check each deck against the note it was built from (the note's path is in the deck). */
export async function checkDecks(decks: string[]): Promise<CheckResult[]> {
  const results: CheckResult[] = []
  for (const deckDir of decks) {
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
      results.push({ deck: deckDir, note, report: checkDeck(markdown, noteText, shown) })
    } catch (error) {
      const message = error instanceof LecternError ? error.message : `${shown}: ${String((error as Error)?.message ?? error)}`
      results.push({ deck: deckDir, error: message })
    }
  }
  return results
}

/** One paragraph per deck, for people. */
export function formatCheck(result: CheckResult): string {
  const shown = displayPath(result.deck)
  if (result.error || !result.report) return `${shown}: error: ${result.error}`
  const r = result.report
  const share = (r.sentences.share * 100).toFixed(r.sentences.share === 1 ? 0 : 1)
  const lines = [
    `${shown}: ${r.slides} slides; busiest slide ${r.busiest.number} "${r.busiest.title}" shows ${r.busiest.words} words` +
      `${r.busiest.source ? ` (${r.busiest.source})` : ''}; median ${r.medianWords} words; ` +
      `sentences ${r.sentences.found}/${r.sentences.total} (${share}%); ${r.tables} tables; ${r.diagrams} diagrams; ` +
      `budget ${r.budget.words} words, ${r.budget.lines} lines — ${r.problems.length ? `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}` : 'ok'}`,
    ...r.problems.map((problem) => `  ${problem}`),
  ]
  return lines.join('\n')
}
