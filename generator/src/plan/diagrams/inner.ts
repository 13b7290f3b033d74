import type { List, ListItem, Paragraph, RootContent } from 'mdast'
import type { Diagram, LineRange } from '../../types.js'
import { countWords, plainText } from '../../text.js'
import { STEP_NOUNS, alternation } from '../../grammar/en.js'
import { findSteps, stepLabel } from './structure.js'
import { commands, findSeriesIn } from './series.js'
import { isVerb, termsOf } from '../phrase.js'

/**
 * Processes and chains stated inside a list, below its top level, where the section's own
 * diagram rules (plan/units.ts `diagramUnits`) do not look: an outline note ("- Method" / "- Step 1.
 * Fit" / "- Step 2. Test" / …) states its processes there.
 * - Sibling items labelled with a step noun and their number in order ("Step 1. …", "Stage 2: …"),
 *   three or more: the steps, labelled by what follows the number.
 * - A top-level item that is only three or more actions joined by arrows ("Soak the seeds →
 *   drain them → sow them"): the parts as written, in order, in the line's place (names joined so
 *   are an outline; a nested arrow line stays text, see findInnerDiagrams).
 * - An item (at any level) that gives a series of commands in order ("Water it, lift it out and
 *   then loosen the roots", diagrams/series.ts).
 * - A nested numbered list that reads as steps (structure.ts `findSteps`, its parent item as the
 *   lead-in).
 * Note: confidence first. Every node is a whole phrase of the note; a part too long for a node, one
 * with a formula, or a repeated part gives no diagram.
 */
export interface InnerDiagram {
  diagram: Diagram
  /** The item whose sub-list or line states it: its line captions the diagram. */
  owner?: ListItem
  /** What the steps are for, when the item says it ("To repot a plant, …"): the caption instead. */
  purpose?: string
  /** The top-level item of the list it was found under. */
  top: ListItem
  range?: LineRange
  /** The diagram says all its top-level item says (the item's one line, no sub-items): it stands for the item. */
  whole?: boolean
}

/** Most words an arrow-joined part keeps as a node. */
const PART_WORDS = 12
/** Most steps a drawn process takes from a list (a longer one stays a list). */
const MAX_STEPS = 8

/** Arrows of sequence; "⇒" and "=>" say "implies" (a rule per line), not a next step. */
const ARROWS = /\s*(?:→|-->|->|⟶)\s*/
const LABELLED = new RegExp(`^(?:${alternation(STEP_NOUNS)})\\s*(\\d{1,2})\\s*[.:)–—-]?\\s+(\\S.*)$`, 'iu')

/** An item's own first line, as plain text. */
function itemLine(item: ListItem): string {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return ''
  return plainText(first).split('\n')[0].trim()
}

function rangeOfNodes(first: { position?: { start: { line: number } } }, last: { position?: { end: { line: number } } }): LineRange | undefined {
  return first.position && last.position ? { start: first.position.start.line, end: last.position.end.line } : undefined
}

/** The parts of a line joined by two or more arrows, each a whole short phrase; undefined otherwise. */
export function arrowParts(line: string): string[] | undefined {
  // A formula or a comparison ("x > 0 → stable") is no step.
  if (/[$\\=<>]/.test(line.replace(/-->|->/g, ''))) return undefined
  // A question ("… will appear, right?") asks whether the steps work: it is no step of a process.
  if (/[?？]/u.test(line)) return undefined
  const parts = line.split(ARROWS).map((part) => part.trim().replace(/[\s,;:.]+$/, '').trim())
  if (parts.length < 3 || parts.length > MAX_STEPS) return undefined
  if (parts.some((part) => !/\p{L}/u.test(part) || countWords(part) > PART_WORDS)) return undefined
  // Steps are actions: most parts hold a verb. Names joined by arrows ("Intro → Methods → Results") are an outline, not a process.
  const acting = parts.filter((part) => commands(part) || termsOf(part).some((term) => isVerb(term) && !term.tags.has('Copula'))).length
  if (acting < 2 || acting * 2 < parts.length) return undefined
  const keys = parts.map((part) => part.toLowerCase())
  return new Set(keys).size === keys.length ? parts : undefined
}

/**
 * Steps named by sibling items that open with a step noun and their number ("Step1. Integrate",
 * "Stage 2: Dry"), numbered 1, 2, 3 … in order (other items may sit between them), three or more.
 */
export function labelledSteps(items: ListItem[]): { steps: string[]; first: ListItem; last: ListItem } | undefined {
  const steps: string[] = []
  let first: ListItem | undefined
  let last: ListItem | undefined
  for (const item of items) {
    const match = LABELLED.exec(itemLine(item))
    if (!match) continue
    if (Number(match[1]) !== steps.length + 1) break
    const label = stepLabel(match[2].replace(/[\s.:;,]+$/, ''))
    if (!label || /[$\\]/.test(label)) return undefined
    steps.push(label.charAt(0).toUpperCase() + label.slice(1))
    first ??= item
    last = item
    if (steps.length === MAX_STEPS) break
  }
  return steps.length >= 3 && first && last ? { steps, first, last } : undefined
}

/** The diagrams a list states below its top level (see the module's note), in the note's order. */
export function findInnerDiagrams(list: List, heading: string): InnerDiagram[] {
  const found: InnerDiagram[] = []
  const visitList = (inner: List, owner: ListItem | undefined, top: ListItem | undefined): void => {
    if (owner) {
      const labelled = labelledSteps(inner.children)
      if (labelled) found.push({ diagram: { kind: 'steps', steps: labelled.steps, start: 1 }, owner, top: top!, range: rangeOfNodes(labelled.first, labelled.last) })
      const lead = owner.children[0]?.type === 'paragraph' ? (owner.children[0] as Paragraph) : undefined
      const steps = !labelled && inner.ordered ? findSteps(inner, heading, lead as RootContent | undefined) : undefined
      if (steps && steps.length <= MAX_STEPS) found.push({ diagram: { kind: 'steps', steps, start: inner.start ?? 1 }, owner, top: top!, range: rangeOfNodes(inner, inner) })
    }
    for (const item of inner.children) {
      const parts = arrowParts(itemLine(item))
      const first = item.children[0]
      const alone = !owner && item.children.length === 1 && first?.type === 'paragraph'
      // A chain the note writes with arrows already reads as a chain where it stands: it is drawn
      // only when it is all its item says, and the picture then takes the line's place (blind
      // readers found a nested arrow line shown twice, as text and as a picture, a repeat).
      const drawn = parts && alone && plainText(first).trim() === itemLine(item)
      if (drawn) found.push({ diagram: { kind: 'chain', nodes: parts, labels: parts.slice(1).map(() => '') }, owner, top: top ?? item, range: rangeOfNodes(item, item), whole: true })
      const series = !parts && first?.type === 'paragraph' ? findSeriesIn(first) : undefined
      if (series) found.push({ diagram: { kind: 'steps', steps: series.steps, start: 1 }, owner, ...(series.purpose ? { purpose: series.purpose } : {}), top: top ?? item, range: rangeOfNodes(item, item), whole: alone && series.whole })
      for (const child of item.children) if (child.type === 'list') visitList(child, item, top ?? item)
    }
  }
  visitList(list, undefined, undefined)
  return found
}

/** The caption an owner item gives its diagram: its line, when it is short. */
export function ownerCaption(owner: ListItem | undefined, words: number): string | undefined {
  const line = owner ? itemLine(owner).replace(/[\s:：]+$/, '') : ''
  return line && countWords(line) <= words && !/[$\\]/.test(line) ? line : undefined
}
