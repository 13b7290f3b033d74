import type { Blockquote, List, Nodes, RootContent } from 'mdast'
import type { BulletItem, LineRange, Run, SlideBlock } from '../types.js'
import type { Unit, UnitContext } from './units.js'
import { calloutOf } from '../dialects/callout.js'
import { toRuns } from '../text.js'
import { notesFor } from './notes.js'
import { condenseParagraph, shortenSentence } from './condense.js'
import { measureBlock } from './measure.js'

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

/** A callout box per slide's worth of points, each with the callout's title. */
function calloutUnits(node: Blockquote, context: UnitContext): Unit[] {
  const data = calloutOf(node)!
  const [head, ...rest] = node.children
  const title: Run[] = data.titled && head?.type === 'paragraph' ? toRuns(head.children) : data.fallbackTitle ? [{ text: data.fallbackTitle }] : []
  const body = data.titled ? rest : node.children
  const items: BulletItem[] = body.flatMap((child) => pointsOf(child))
  const { budget } = context.options
  const parts: BulletItem[][] = [[]]
  for (const item of items) {
    const current = parts[parts.length - 1]
    const size = measureBlock({ type: 'callout', kind: data.kind, title, items: [...current, item] })
    if (current.length && (size.words + context.titleWords > budget.words || size.lines > budget.lines)) parts.push([item])
    else current.push(item)
  }
  return parts.map((part, index) => {
    const block: SlideBlock = { type: 'callout', kind: data.kind, title: index && title.length ? [...title, { text: ' (cont.)' }] : title, items: part }
    return { kind: 'flow', block, size: measureBlock(block), notes: index ? '' : notesFor(node), range: rangeOf(node) }
  })
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
