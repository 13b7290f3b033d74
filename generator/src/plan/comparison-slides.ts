/** Comparison tables as slides: split by rows within the budget, summaries of many siblings cut to the columns that fit. */
import type { PlanOptions, Section, SlideBlock } from '../types.js'
import { runsText, visibleWords } from '../text.js'
import { fits, partsWithin } from './budget.js'
import type { Comparison } from './compare.js'
import { shownWords } from './math.js'
import type { Planned } from './sections.js'

/** A comparison table, split by rows when it does not fit one slide; a lead-in shows above its first part. */
export function comparisonSlides(comparison: Comparison, section: Section, options: PlanOptions, lead?: SlideBlock): Planned[] {
  if (comparison.summary) {
    const block = summaryColumns(comparison.block, comparison.title, options)
    if (!block) return []
    comparison = { ...comparison, block, notes: `${block.subjects.join(' and ')} of each, side by side (each has its own slides before): ${block.rows.map((row) => row.aspect).join(', ')}.` }
  }
  const { title } = comparison
  const { rows } = comparison.block
  const leadOf = (from: number): SlideBlock[] => (lead && from === 0 ? [lead] : [])
  const fitsIn = (budget: PlanOptions['budget']) => (from: number, to: number): boolean => fits([...leadOf(from), { ...comparison.block, rows: rows.slice(from, to) }], title, budget)
  let parts = partsWithin(rows.length, fitsIn(options.budget))
  // A lone row on a slide of its own reads as an afterthought: a table a little over the word
  // budget (never over its lines) stays whole instead.
  const roomy = { ...options.budget, words: Math.floor(options.budget.words * LONE_ROW_SLACK) }
  // (The words a reader sees stay within the budget: only the planner's margin is spent.)
  const seen = visibleWords([title, ...comparison.block.subjects, ...rows.map((row) => row.aspect)].join(' ')) + rows.reduce((n, row) => n + row.cells.reduce((m, cell) => m + shownWords(cell), 0), 0)
  if (parts.length === 2 && parts.some(([from, to]) => to - from === 1) && seen <= options.budget.words && fitsIn(roomy)(0, rows.length)) parts = [[0, rows.length]]
  return parts.map(([start, end], part) => ({
    slide: {
      kind: 'comparison',
      // The comparison layout keeps its first column (the aspects) on one line: a table without aspects takes the default one.
      layout: comparison.block.showAspects ? 'comparison' : 'default',
      title: part === 0 ? title : `${title} (cont.)`,
      body: [...leadOf(start), { ...comparison.block, rows: rows.slice(start, end) }],
      notes: part === 0 ? comparison.notes : `The comparison of ${namesOf(comparison.summary ? comparison.block.rows.map((row) => row.aspect) : comparison.block.subjects)} continues (the full text is in the notes of the first part).`,
      lines: { ...section.lines },
    },
  }))
}

/** How far over the word budget a comparison table may go to keep a lone row off a slide of its own. */
const LONE_ROW_SLACK = 1.25

/** Names as a sentence says them: "A, B and C". */
const namesOf = (names: string[]): string => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join(''))

/** Most slides a summary table (a row per sibling, whose own slides come before it) may take. */
const SUMMARY_SLIDES = 3

/**
 * The columns of a summary table that fit SUMMARY_SLIDES slides: all of them when they fit, else
 * the most columns (in the note's order, the fewest words first) that do; undefined when not even
 * one column fits. Note: the siblings' own slides say it all; the summary only sets it side by side.
 */
function summaryColumns(block: Extract<SlideBlock, { type: 'comparison' }>, title: string, options: PlanOptions): Extract<SlideBlock, { type: 'comparison' }> | undefined {
  const count = block.subjects.length
  const subsets: number[][] = []
  for (let mask = (1 << count) - 1; mask > 0; mask--) subsets.push([...Array(count).keys()].filter((i) => mask & (1 << i)))
  const words = (columns: number[]): number => block.rows.reduce((n, row) => n + columns.reduce((m, c) => m + runsText(row.cells[c]).split(/\s+/).length, 0), 0)
  subsets.sort((a, b) => b.length - a.length || words(a) - words(b))
  for (const columns of subsets) {
    const picked = { ...block, subjects: columns.map((c) => block.subjects[c]), rows: block.rows.map((row) => ({ aspect: row.aspect, cells: columns.map((c) => row.cells[c]) })) }
    const parts = partsWithin(picked.rows.length, (from, to) => fits([{ ...picked, rows: picked.rows.slice(from, to) }], title, options.budget))
    if (parts.length <= SUMMARY_SLIDES && parts.every(([from, to]) => fits([{ ...picked, rows: picked.rows.slice(from, to) }], title, options.budget))) return picked
  }
  return undefined
}
