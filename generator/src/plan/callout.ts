import type { Blockquote, Image, List, Nodes, RootContent } from 'mdast'
import type { BulletItem, LineRange, Run, SlideBlock } from '../types.js'
import type { Unit, UnitContext } from './units.js'
import { calloutOf } from '../dialects/callout.js'
import { toRuns } from '../text.js'
import { notesFor } from './notes.js'
import { condenseParagraph, shortenSentence } from './condense.js'
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

/**
 * A callout box per slide's worth of points, each with the callout's title. Code, tables and
 * images inside the callout are shown too, in their place: the text before them is one box, the
 * block follows on its own slide (as it would outside a callout), and the text after is the
 * callout continued.
 */
function calloutUnits(node: Blockquote, context: UnitContext): Unit[] {
  const data = calloutOf(node)!
  const [head, ...rest] = node.children
  const title: Run[] = data.titled && head?.type === 'paragraph' ? toRuns(head.children) : data.fallbackTitle ? [{ text: data.fallbackTitle }] : []
  const body = data.titled ? rest : node.children
  const { budget } = context.options
  const units: Unit[] = []
  let parts: BulletItem[][] = [[]]
  let boxes = 0
  const flush = (): void => {
    for (const part of parts) {
      if (!part.length) continue
      const block: SlideBlock = { type: 'callout', kind: data.kind, title: boxes && title.length ? [...title, { text: ' (cont.)' }] : title, items: part }
      units.push({ kind: 'flow', block, size: measureBlock(block), notes: '', range: rangeOf(node) })
      boxes++
    }
    parts = [[]]
  }
  // The points of the text between shown blocks, split evenly between boxes (2 + 2, not 3 + 1).
  let points: BulletItem[] = []
  const fitsBox = (from: number, to: number): boolean => {
    // Measured with the " (cont.)" a later box's title gets.
    const size = measureBlock({ type: 'callout', kind: data.kind, title: [...title, { text: ' (cont.)' }], items: points.slice(from, to) })
    return size.words + context.titleWords <= budget.words && size.lines <= budget.lines
  }
  const flushPoints = (): void => {
    for (const [from, to] of partsWithin(points.length, fitsBox)) parts.push(points.slice(from, to))
    points = []
    flush()
  }
  for (const child of body) {
    const shown = blocksOf(child, context)
    if (shown.length) {
      flushPoints()
      units.push(...shown)
      continue
    }
    points.push(...pointsOf(child))
  }
  flushPoints()
  // The callout's whole text is said once, with the first thing it shows.
  const notes = notesFor(node)
  const first = units.findIndex((unit) => unit.kind === 'flow' || unit.kind === 'solo' || unit.kind === 'group')
  if (first >= 0) units[first] = { ...units[first], notes } as Unit
  else units.unshift({ kind: 'notes-only', notes, range: rangeOf(node) })
  return units
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

/** The points a block inside a callout shows: a paragraph's key sentences, a list's items. */
function pointsOf(node: RootContent): BulletItem[] {
  if (node.type === 'paragraph') {
    return condenseParagraph(toRuns(node.children.filter((c) => c.type !== 'image')), CALLOUT_WORDS).map((runs) => ({ runs, children: [] }))
  }
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
