import type { Table, TableRow } from 'mdast'
import type { Run, SlideBlock } from '../../types.js'
import { countWords, runsText, toRuns } from '../../text.js'
import { fits, partsWithin } from '../budget.js'
import { gist } from '../condense.js'
import { notesFor } from '../notes.js'
import { capParts, rangeOf, solo, type Unit, type UnitContext } from '../unit.js'

/** Most columns a table slide shows; wider tables continue with the first column repeated. */
const MAX_TABLE_COLUMNS = 5
/** Words an authored table cell is shortened towards (by grammar; it may stay longer). */
const TABLE_CELL_WORDS = 12
/** Shorter cell targets tried, in order, when a table would otherwise leave a one-row part. */
const TIGHTER_CELL_WORDS = [8, 6]

/**
 * A table as slides: every part repeats the header, parts are as even as the budget allows (no
 * one-row remainder), wide tables continue by columns with the first column repeated.
 */
export function tableUnits(table: Table, context: UnitContext): Unit[] {
  return capParts(tableParts(table, context), 'table')
}

function tableParts(table: Table, context: UnitContext): Unit[] {
  const columns = Math.max(0, ...table.children.map((row) => row.children.length))
  if (columns > MAX_TABLE_COLUMNS) {
    const units: Unit[] = []
    for (let from = 1; from < columns; from += MAX_TABLE_COLUMNS - 1) {
      const keep = (cells: TableRow['children']): TableRow['children'] => [cells[0], ...cells.slice(from, from + MAX_TABLE_COLUMNS - 1)].filter(Boolean)
      const part: Table = {
        ...table,
        align: table.align ? [table.align[0], ...table.align.slice(from, from + MAX_TABLE_COLUMNS - 1)] : table.align,
        children: table.children.map((row) => ({ ...row, children: keep(row.children) })),
      }
      units.push(...tableParts(part, from === 1 ? context : { ...context, firstLead: undefined }))
    }
    return units
  }
  const [head, ...body] = table.children
  const align = table.align ?? []
  const { budget, maxTableRows } = context.options
  const split = (words: number): { blockFor: (from: number, to: number) => SlideBlock; parts: Array<[number, number]> } => {
    const cell = (runs: Run[]): Run[] => (countWords(runsText(runs)) > words ? gist(runs, words) : runs)
    const header = head ? head.children.map((c) => cell(toRuns(c.children))) : []
    const rows = body.map((row) => row.children.map((c) => cell(toRuns(c.children))))
    const blockFor = (from: number, to: number): SlideBlock => ({ type: 'table', align, header, rows: rows.slice(from, to) })
    // The first part shares its slide with the lead-in, if any; the later parts have the whole budget.
    const lead = context.firstLead
    const roomOf = (from: number): { words: number; budget: typeof budget } => (from === 0 && lead ? { words: context.titleWords + lead.words, budget: { ...budget, lines: Math.max(1, budget.lines - lead.lines) } } : { words: context.titleWords, budget })
    const fitsRows = (from: number, to: number): boolean => to - from <= maxTableRows && fits([blockFor(from, to)], roomOf(from).words, roomOf(from).budget)
    const parts = body.length ? partsWithin(body.length, fitsRows) : [[0, 0] as [number, number]]
    return { blockFor, parts }
  }
  // A split that leaves a one-row part (3 rows as 2 + 1) shows shorter cells instead, when
  // that gives parts of two rows or more (the notes keep every cell whole).
  const lone = (parts: Array<[number, number]>): boolean => parts.length > 1 && parts.some(([from, to]) => to - from === 1)
  let chosen = split(TABLE_CELL_WORDS)
  for (const words of TIGHTER_CELL_WORDS) {
    if (!lone(chosen.parts)) break
    const tighter = split(words)
    if (!lone(tighter.parts)) chosen = tighter
  }
  const { blockFor, parts } = chosen
  return parts.map(([from, to]) => {
    const partRows = body.slice(from, to)
    const first = partRows[0] ?? head
    const last = partRows[partRows.length - 1] ?? head
    return solo(
      blockFor(from, to),
      notesFor({ type: 'table', align, children: head ? [head, ...partRows] : partRows }),
      first?.position && last?.position ? { start: first.position.start.line, end: last.position.end.line } : rangeOf(table),
    )
  })
}
