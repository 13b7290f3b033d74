import type { LineRange, SlideBlock } from '../../types.js'
import { visibleWords } from '../../text.js'
import { cheapestCuts, partsWithin } from '../budget.js'
import { fenceFor } from '../notes.js'
import { capParts, solo, type Unit, type UnitContext } from '../unit.js'

/** Characters of code on one line of a slide (15 px monospace on the 980 px canvas). */
const CODE_CHARS_PER_LINE = 92

/**
 * Rows a line of code takes on a slide. Note: the theme wraps a long line only at spaces (a
 * path or a word is never cut; one longer than a row breaks where it must), so this counts
 * the rows of that wrap, not characters over the width.
 */
export function lineRows(line: string): number {
  let rows = 1
  let used = 0
  for (const token of line.split(/(?<= )/u)) {
    const size = [...token].length
    const word = [...token.trimEnd()].length
    if (used > 0 && used + word > CODE_CHARS_PER_LINE) {
      rows++
      used = 0
    }
    // A word longer than a row breaks inside it (the only place it can).
    const extra = used === 0 && word > CODE_CHARS_PER_LINE ? Math.ceil(word / CODE_CHARS_PER_LINE) - 1 : 0
    rows += extra
    used += size - extra * CODE_CHARS_PER_LINE
  }
  return rows
}

/** Rows a code block takes on a slide, blank lines at its end left out (they show as nothing). */
export function codeRows(value: string): number {
  const lines = value.split('\n')
  while (lines.length > 1 && !lines[lines.length - 1].trim()) lines.pop()
  return lines.reduce((sum, line) => sum + lineRows(line), 0)
}

/**
 * A code block as slides of at most `maxCodeLines` rows. Parts break only at a blank line or
 * before a top-level statement (a line at the block's smallest indentation that does not close
 * or continue the one before); a statement longer than a slide breaks before the statements of
 * its body (the lines at its body's smallest indentation: a YAML key's children, a function's
 * statements), and only one with no such place left is split between its lines. Lines are
 * never cut: a long line wraps on the slide.
 */
export function codeUnits(value: string, lang: string, context: UnitContext, range: LineRange | undefined): Unit[] {
  const notes = `${fenceFor(value)}${lang}\n${value}\n${fenceFor(value)}`
  if (lang.trim().toLowerCase() === 'mermaid') return [solo({ type: 'mermaid', value }, notes, range)]
  const { budget, maxCodeLines } = context.options
  const source = value.split('\n')
  // Blank lines at the end show as nothing and take no room.
  let length = source.length
  while (length > 1 && !source[length - 1].trim()) length--
  const lines = source.slice(0, length)
  const rows = lines.map(lineRows)
  const rowsOf = (from: number, to: number): number => {
    // Blank lines at the edges of a part show as nothing.
    while (to - 1 > from && !lines[to - 1].trim()) to--
    while (from < to - 1 && !lines[from].trim()) from++
    return rows.slice(from, to).reduce((sum, n) => sum + n, 0)
  }
  const fitsLines = (from: number, to: number): boolean => rowsOf(from, to) <= maxCodeLines && visibleWords(lines.slice(from, to).join('\n')) + context.titleWords <= budget.words
  const pieces = statementsOf(lines, 0, lines.length, fitsLines)
  const fitsPieces = (a: number, b: number): boolean => fitsLines(pieces[a][0], pieces[b - 1][1])
  const fewest = partsWithin(pieces.length, fitsPieces)
  const cuts = balancedCuts(pieces.length, fewest.length, fitsPieces, (a, b) => rowsOf(pieces[a][0], pieces[b - 1][1])) ?? fewest
  const parts = cuts.map(([a, b]): [number, number] => [pieces[a][0], pieces[b - 1][1]])
  const units: Unit[] = parts.map(([from, to]) => {
    let end = to
    while (end - 1 > from && !lines[end - 1].trim()) end--
    let begin = from
    while (begin < end - 1 && !lines[begin].trim()) begin++
    const part = lines.slice(begin, end).join('\n')
    const original = source.slice(from, to).join('\n')
    const fence = fenceFor(original)
    const block: SlideBlock = { type: 'code', lang, value: part }
    return solo(block, `${fence}${lang}\n${original}\n${fence}`, range && { start: range.start + 1 + from, end: Math.min(range.end, range.start + to) })
  })
  if (units.length === 1 && 'notes' in units[0]) units[0] = { ...units[0], notes }
  return capParts(units, 'code')
}

/** Most statements the balanced split searches (it is quadratic in the fit tests). */
const BALANCE_MAX = 60

/**
 * The split of `count` statements into `parts` parts that fit with the fewest one-row parts,
 * then the most even rows (3 + 3 + 2 commands, never 3 + 3 + 1). Undefined past BALANCE_MAX.
 */
function balancedCuts(count: number, parts: number, fits: (from: number, to: number) => boolean, rowsOf: (from: number, to: number) => number): Array<[number, number]> | undefined {
  if (parts < 2 || count > BALANCE_MAX) return undefined
  return cheapestCuts(count, parts, fits, (from, to) => {
    const rows = rowsOf(from, to)
    return { lone: rows === 1 ? 1 : 0, size: rows }
  })
}

/** Width of a line's leading white space (a tab counts as two), or undefined for a blank line. */
function indentOf(line: string): number | undefined {
  if (!line.trim()) return undefined
  const lead = /^[ \t]*/.exec(line)![0]
  return [...lead].reduce((sum, char) => sum + (char === '\t' ? 2 : 1), 0)
}

/**
 * The statements of lines [from, to) as [from, to) ranges that each fit (`fits`) where they
 * can: a break comes after a blank line or before a line at the range's smallest indentation
 * that starts a statement; a statement too long for one slide is split the same way inside its
 * body (its first line, the head, goes with its first child), and one with no such place is
 * split between its lines.
 */
function statementsOf(lines: string[], from: number, to: number, fits: (from: number, to: number) => boolean): Array<[number, number]> {
  const indents = lines.slice(from, to).map(indentOf).filter((n): n is number => n !== undefined)
  if (!indents.length) return [[from, to]]
  const base = Math.min(...indents)
  const starts = [from]
  for (let i = from + 1; i < to; i++) if (mayBreakBefore(lines, i, base)) starts.push(i)
  const statements = starts.map((start, k): [number, number] => [start, starts[k + 1] ?? to])
  return statements.flatMap(([a, b]): Array<[number, number]> => {
    if (fits(a, b) || b - a === 1) return [[a, b]]
    // Inside the statement: its body's statements, the head with the first of them.
    const inner = statementsOf(lines, a + 1, b, fits)
    const nested = inner.length > 1 && lines.slice(a + 1, b).some((line) => (indentOf(line) ?? -1) > base)
    if (nested) {
      inner[0] = [a, inner[0][1]]
      return inner
    }
    return partsWithin(b - a, (x, y) => fits(a + x, a + y)).map(([x, y]): [number, number] => [a + x, a + y])
  })
}

/** A part may start at line `i`: after a blank line, or at a line of indentation `base` that starts a new statement. */
function mayBreakBefore(lines: string[], i: number, base: number): boolean {
  const line = lines[i]
  if (!line.trim()) return false
  if (!lines[i - 1].trim()) return true
  if (indentOf(line) !== base) return false
  const text = line.trimStart()
  // Closing brackets, chained calls and operators continue the statement before.
  if (/^[)\]}>.,|&+\-*/=?:]/.test(text) && !/^- /.test(text)) return false
  return !/[\\,([{=+\-*/|&]\s*$/.test(lines[i - 1])
}
