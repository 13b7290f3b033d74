import type { LineRange, SlideBlock } from '../../types.js'
import { visibleWords } from '../../text.js'
import { partsWithin } from '../budget.js'
import { fenceFor } from '../notes.js'
import { capParts, solo, type Unit, type UnitContext } from '../unit.js'

/** Characters of code on one line of a slide (15 px monospace on the 980 px canvas). */
const CODE_CHARS_PER_LINE = 92

interface Row {
  text: string
  /** Index of the source line this row shows (a long line wraps into several rows). */
  line: number
}

/**
 * A code block as slides of at most `maxCodeLines` rows. Parts break only at a blank line or
 * before a top-level statement (a line that starts unindented and does not close or continue
 * the one before); a single statement longer than a slide is split between its lines.
 */
export function codeUnits(value: string, lang: string, context: UnitContext, range: LineRange | undefined): Unit[] {
  const notes = `${fenceFor(value)}${lang}\n${value}\n${fenceFor(value)}`
  if (lang.trim().toLowerCase() === 'mermaid') return [solo({ type: 'mermaid', value }, notes, range)]
  const { budget, maxCodeLines } = context.options
  const source = value.split('\n')
  const rows: Row[] = source.flatMap((line, index) => {
    const chars = [...line]
    if (chars.length <= CODE_CHARS_PER_LINE) return [{ text: line, line: index }]
    const cut: Row[] = []
    for (let i = 0; i < chars.length; i += CODE_CHARS_PER_LINE) cut.push({ text: chars.slice(i, i + CODE_CHARS_PER_LINE).join(''), line: index })
    return cut
  })
  const fitsRows = (from: number, to: number): boolean =>
    to - from <= maxCodeLines && visibleWords(rows.slice(from, to).map((row) => row.text).join('\n')) + context.titleWords <= budget.words
  // Statements: runs of rows between places where code may break.
  const starts = [0]
  for (let i = 1; i < rows.length; i++) if (mayBreakBefore(rows, i)) starts.push(i)
  const statements: Array<[number, number]> = starts.map((start, k) => [start, starts[k + 1] ?? rows.length])
  const pieces: Array<[number, number]> = statements.flatMap(([from, to]) =>
    fitsRows(from, to) ? [[from, to] as [number, number]] : partsWithin(to - from, (a, b) => fitsRows(from + a, from + b)).map(([a, b]): [number, number] => [from + a, from + b]),
  )
  const parts = partsWithin(pieces.length, (a, b) => fitsRows(pieces[a][0], pieces[b - 1][1])).map(([a, b]): [number, number] => [pieces[a][0], pieces[b - 1][1]])
  const units: Unit[] = parts.map(([from, to]) => {
    // Blank lines at the edges of a part show as nothing.
    let end = to
    while (end - 1 > from && !rows[end - 1].text.trim()) end--
    let begin = from
    while (begin < end - 1 && !rows[begin].text.trim()) begin++
    const part = rows.slice(begin, end).map((row) => row.text).join('\n')
    // The notes hold the whole source lines this part shows (a cut line appears whole).
    const first = rows[from].line
    const last = rows[to - 1].line
    const original = source.slice(first, last + 1).join('\n')
    const fence = fenceFor(original)
    const block: SlideBlock = { type: 'code', lang, value: part }
    return solo(block, `${fence}${lang}\n${original}\n${fence}`, range && { start: range.start + 1 + first, end: Math.min(range.end, range.start + 1 + last) })
  })
  if (units.length === 1 && 'notes' in units[0]) units[0] = { ...units[0], notes }
  return capParts(units, 'code')
}

/** A part may start at row `i`: after a blank line, or at an unindented line that starts a new statement. */
function mayBreakBefore(rows: Row[], i: number): boolean {
  const row = rows[i]
  if (rows[i - 1].line === row.line) return false
  if (!rows[i - 1].text.trim()) return true
  if (!row.text.trim() || /^\s/.test(row.text)) return false
  // Closing brackets, chained calls and operators continue the statement before.
  if (/^[)\]}>.,|&+\-*/=?:]/.test(row.text)) return false
  return !/[\\,([{=+\-*/|&]\s*$/.test(rows[i - 1].text)
}
