import type { Blockquote, Image, List, Nodes, RootContent } from 'mdast'
import type { BulletItem, LineRange, Run, SlideBlock } from '../types.js'
import type { Unit, UnitContext } from './units.js'
import { calloutOf } from '../dialects/callout.js'
import { runsText, toRuns } from '../text.js'
import { notesFor } from './notes.js'
import { condenseParagraph, shortenSentence, splitSentences } from './condense.js'
import { continuesRuns } from './follow.js'
import { measureBlock } from './measure.js'
import { partsWithin } from './budget.js'
import { unitsFor } from './units.js'
import { imageUnit } from './blocks/image.js'

/**
 * Units for the blocks the dialects add (callouts, display math), or undefined for any other
 * block. Note: this is plan/units.ts's one hook for them.
 */
export function dialectUnits(node: RootContent, context: UnitContext): Unit[] | undefined {
  if (node.type === 'math') {
    const block: SlideBlock = { type: 'math', value: node.value }
    return [{ kind: 'flow', block, size: measureBlock(block), notes: notesFor(node), range: rangeOf(node) }]
  }
  if (node.type === 'blockquote' && calloutOf(node)) return calloutUnits(node, context)
  return undefined
}

/** Words a callout point keeps (its full text is in the notes). */
const CALLOUT_WORDS = 12

/** One point of a callout box, with the paragraph it came from (`passage`, undefined for a list item). */
interface Point {
  item: BulletItem
  passage?: number
  /** It continues the point before it ("That way, …"): a box is not cut between them. */
  continues: boolean
  /** A quotation's sentence as written (never given a mark it did not have). */
  written?: boolean
}

/**
 * A callout box per slide's worth of points, each with the callout's title. Code, tables and
 * images inside the callout are shown too, in their place: the text before them is one box, the
 * block follows on its own slide (as it would outside a callout), and the text after is the
 * callout continued. The points of one run of text go in one box when they fit: as bullets, or
 * else each paragraph as one passage (fewer lines), at the body size or else a smaller one (its
 * words still within the budget); past the budget, they split evenly between
 * boxes, never before a point that continues the one before it. A continued box keeps the
 * callout's title as it is: the slide's "2/3" marker says it goes on.
 */
function calloutUnits(node: Blockquote, context: UnitContext): Unit[] {
  const data = calloutOf(node)!
  const [head, ...rest] = node.children
  const title: Run[] = data.titled && head?.type === 'paragraph' ? toRuns(head.children) : data.fallbackTitle ? [{ text: data.fallbackTitle }] : []
  const body = data.titled ? rest : node.children
  const { budget } = context.options
  const units: Unit[] = []
  const boxOf = (points: Point[], flowing: boolean): SlideBlock => {
    const items = flowing ? flowed(points) : points.map((point) => point.item)
    const prose = flowing && points.every((point) => point.passage !== undefined)
    return { type: 'callout', kind: data.kind, title, items, ...(prose ? { prose } : {}) }
  }
  const fitsBox = (block: SlideBlock): boolean => {
    const size = measureBlock(block)
    return size.words + context.titleWords <= budget.words && size.lines <= budget.lines
  }
  const push = (block: SlideBlock): void => void units.push({ kind: 'flow', block, size: measureBlock(block), notes: '', range: rangeOf(node) })
  let points: Point[] = []
  let passages = 0
  // Paragraphs that are quotations (a quote callout, or text in quotation marks): shown as written.
  const quotes = new Set<number>()
  const flushPoints = (): void => {
    if (!points.length) return
    const all = points
    points = []
    // A quotation reads as one passage; other text as bullets while they fit one box.
    const quoted = all.some((point) => point.passage !== undefined && quotes.has(point.passage))
    const flowingBox = boxOf(all, true)
    const tries = [...(quoted ? [] : [boxOf(all, false)]), flowingBox, { ...flowingBox, small: true }]
    const whole = tries.find(fitsBox)
    if (whole) return push(whole)
    const flowing = quoted
    const parts = partsWithin(all.length, (from, to) => fitsBox(boxOf(all.slice(from, to), flowing)), false, (at) => all[at].continues && all[at].passage !== undefined && all[at].passage === all[at - 1].passage)
    for (const [from, to] of parts) push(boxOf(all.slice(from, to), flowing))
  }
  for (const child of body) {
    const shown = blocksOf(child, context)
    if (shown.length) {
      flushPoints()
      units.push(...shown)
      continue
    }
    if (child.type === 'paragraph') {
      const passage = passages++
      const runs = toRuns(child.children.filter((c) => c.type !== 'image'))
      // A quotation is shown as written when each of its sentences fits a box; else, as any text, by its points.
      const written = data.kind === 'quote' || QUOTE_OPENS.test(runsText(runs)) ? splitSentences(runs) : []
      const quoted = written.length > 0 && written.every((sentence) => fitsBox(boxOf([{ item: { runs: sentence, children: [] }, passage, continues: false }], true)))
      if (quoted) quotes.add(passage)
      const sentences = quoted ? written : condenseParagraph(runs, CALLOUT_WORDS)
      sentences.forEach((sentence, k) => points.push({ item: { runs: sentence, children: [] }, passage, continues: k > 0 && continuesRuns(sentence), ...(quoted ? { written: true } : {}) }))
      continue
    }
    points.push(...pointsOf(child).map((item) => ({ item, continues: false })))
  }
  flushPoints()
  // The callout's whole text is said once, with the first thing it shows.
  const notes = notesFor(node)
  const first = units.findIndex((unit) => unit.kind === 'flow' || unit.kind === 'solo' || unit.kind === 'group')
  if (first >= 0) units[first] = { ...units[first], notes } as Unit
  else units.unshift({ kind: 'notes-only', notes, range: rangeOf(node) })
  return units
}

/** A paragraph that opens with a quotation mark is a quotation. */
const QUOTE_OPENS = /^\s*["“„«‘‚'»]/u

/**
 * Points as the box shows them flowing: each paragraph's sentences one passage (a sentence that
 * a bullet showed without its full stop gets it back; a quotation's stay as written), list items as they are.
 */
function flowed(points: Point[]): BulletItem[] {
  const items: BulletItem[] = []
  points.forEach((point, i) => {
    const previous = points[i - 1]
    const same = previous && point.passage !== undefined && point.passage === previous.passage
    const runs = point.passage !== undefined && !point.written ? closed(point.item.runs) : point.item.runs
    if (same) {
      const last = items[items.length - 1]
      items[items.length - 1] = { ...last, runs: [...last.runs, { text: ' ' }, ...runs] }
    } else items.push({ ...point.item, runs })
  })
  return items
}

/** A sentence with its closing mark: a full stop where it ends on a word. */
function closed(runs: Run[]): Run[] {
  let at = runs.length - 1
  while (at >= 0 && !runs[at].text.trim()) at--
  const last = runs[at]
  if (!last || last.code || last.math || !/[\p{L}\p{N})\]]\s*$/u.test(last.text)) return runs
  return [...runs.slice(0, at), { ...last, text: `${last.text.trimEnd()}.` }]
}

/**
 * Units for a block inside a callout that a box cannot hold (code, a table, images), planned as
 * the same block outside a callout would be; empty for text. Their text is in the callout's
 * notes already, so they carry none of their own.
 */
function blocksOf(node: RootContent, context: UnitContext): Unit[] {
  if (node.type === 'code' || node.type === 'table') return unitsFor(node, context).map(withoutNotes)
  if (node.type === 'paragraph') {
    const images = node.children.filter((child): child is Image => child.type === 'image')
    const text = toRuns(node.children.filter((child) => child.type !== 'image')).map((run) => run.text).join('').trim()
    if (images.length && !text) return images.map((image) => withoutNotes(imageUnit(image, context, '')))
  }
  return []
}

function withoutNotes(unit: Unit): Unit {
  return 'notes' in unit && unit.kind !== 'notes-only' ? { ...unit, notes: '' } : unit
}

/** The points a block inside a callout shows besides its paragraphs: a list's items, display math. */
function pointsOf(node: RootContent): BulletItem[] {
  if (node.type === 'list') return listPoints(node)
  if (node.type === 'math') return [{ runs: [{ text: node.value, math: true }], children: [] }]
  if (node.type === 'code' || node.type === 'blockquote' || node.type === 'html') return []
  return []
}

function listPoints(list: List): BulletItem[] {
  return list.children.map((item) => {
    const first = item.children[0]
    const runs = first?.type === 'paragraph' ? shortenSentence(toRuns(first.children), CALLOUT_WORDS) : []
    return { runs, children: [] }
  }).filter((item) => item.runs.length)
}

function rangeOf(node: Nodes): LineRange | undefined {
  return node.position ? { start: node.position.start.line, end: node.position.end.line } : undefined
}
