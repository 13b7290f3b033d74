import type { List, ListItem, Paragraph, RootContent } from 'mdast'
import type { Diagram, LineRange, Run, SlideBlock } from '../types.js'
import { countWords, plainText, runsText, toRuns } from '../text.js'
import { findChain } from './diagrams/chain.js'
import { findLayers, findSequence, findSteps, isCycle } from './diagrams/structure.js'
import { findOrdinalSteps } from './diagrams/ordinals.js'
import { listDiagram } from './diagrams/nesting.js'
import { findInnerDiagrams, ownerCaption } from './diagrams/inner.js'
import { findSeriesIn } from './diagrams/series.js'
import { notesFor } from './notes.js'
import { BULLET_WORDS, condenseParagraph, definitionOf, splitSentences } from './condense.js'
import { measureBlock, measureBlocks } from './measure.js'
import { fits, partsWithin } from './budget.js'
import { applyDirective, directiveOf } from './directives.js'
import { flow, isShown, notesOnly, opener, rangeOf, solo, type ShownUnit, type Unit, type UnitContext } from './unit.js'
import { definitionGroupUnits, definitionLines, definitionListUnits, entryOf, isDefinitionList, isDefinitionParagraph, type DefinitionEntry } from './blocks/definitions.js'
import { isLeadIn, paragraphUnits, quoteUnits, splitLeadIn } from './blocks/paragraph.js'
import { listUnits } from './blocks/list.js'
import { codeUnits } from './blocks/code.js'
import { tableUnits } from './blocks/table.js'
import { dialectUnits } from './callout.js'
import { mermaidLabel } from '../emit/mermaid.js'
import { firstLine } from './follow.js'

export { directiveOf }
export type { Unit, UnitContext }

/** Steps a flowchart shows per slide, so that its labels stay readable. */
const STEPS_PER_DIAGRAM = 4

/**
 * Parts of a run of numbered steps, one flowchart each: up to STEPS_PER_DIAGRAM steps, or up to
 * two more when their labels are short enough that the row is no wider than four full-width
 * nodes (a five-step chain of short names stays one chain, not 3 + 2).
 */
export function stepParts(steps: string[], start: number): Array<[number, number]> {
  const width = (step: string, n: number): number => Math.max(...mermaidLabel(`${n}. ${step}`).replace(/^"|"$/g, '').split('<br/>').map((line) => line.length))
  const full = width('word '.repeat(20).trim(), 0)
  return partsWithin(steps.length, (from, to) => {
    if (to - from <= STEPS_PER_DIAGRAM) return true
    if (to - from > STEPS_PER_DIAGRAM + 2) return false
    return steps.slice(from, to).reduce((sum, step, k) => sum + width(step, start + from + k), 0) <= STEPS_PER_DIAGRAM * full
  })
}

/**
 * Break a section's blocks into units, in order: directives, comments, runs of definitions,
 * diagrams drawn from a block's structure, then each block by its kind (see `unitsFor`).
 * A lead-in ending in ":" joins the slide of the list, table, code or diagram it introduces.
 */
export function unitsForBlocks(noted: RootContent[], context: UnitContext): Unit[] {
  const known = noted.length ? previewed.get(noted[0]) : undefined
  if (known && sameWork(known, noted, context)) {
    previewed.delete(noted[0])
    return known.units
  }
  const blocks = asidesAfter(noted)
  const units: Unit[] = []
  let diagrams = context.options.diagrams
  let skipNext = false
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]
    const directive = block.type === 'html' ? directiveOf(block.value) : undefined
    if (block.type === 'html' && directive) {
      const effect = applyDirective(block, directive, context.file)
      if ('unit' in effect) units.push(effect.unit)
      else if ('skipNext' in effect) skipNext = true
      else if ('diagrams' in effect) diagrams = effect.diagrams
      continue
    }
    if (block.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(block.value)) {
      // An author's comment: for the speaker, not the room.
      units.push(notesOnly(block.value.replace(/^\s*<!--\s*|\s*-->\s*$/g, ''), rangeOf(block)))
      continue
    }
    if (skipNext) {
      // `<!-- slide: skip -->`: the block stays in the speaker notes, off the slides.
      skipNext = false
      units.push(notesOnly(notesFor(block), rangeOf(block)))
      continue
    }
    const lines = block.type === 'paragraph' ? definitionLines(block) : undefined
    if (lines) {
      // Soft-wrapped `Label: text` lines: a run of definitions (the notes keep the paragraph whole).
      const entries = lines.map((line, k): DefinitionEntry => {
        const definition = entryOf(toRuns(line.children))!
        return { ...definition, notes: k === 0 ? notesFor(block) : '', range: rangeOf(line) }
      })
      units.push(...definitionGroupUnits(entries, context.nextGroup(), blocks[i - 1]?.type === 'paragraph' ? plainText(blocks[i - 1]) : undefined))
      continue
    }
    if (block.type === 'paragraph') {
      let j = i
      while (j < blocks.length && isDefinitionParagraph(blocks[j])) j++
      if (j - i >= 2) {
        const entries = (blocks.slice(i, j) as Paragraph[]).map((paragraph): DefinitionEntry => ({
          ...entryOf(toRuns(paragraph.children), true)!,
          notes: notesFor(paragraph),
          range: rangeOf(paragraph),
        }))
        units.push(...definitionGroupUnits(entries, context.nextGroup(), blocks[i - 1]?.type === 'paragraph' ? plainText(blocks[i - 1]) : undefined))
        i = j - 1
        continue
      }
    }
    if (diagrams) {
      const drawn = diagramUnits(blocks, i, context)
      if (drawn) {
        units.push(...drawn.units)
        i += drawn.consumed - 1
        continue
      }
    }
    const next = blocks[i + 1]
    const led = next?.type === 'table' || next?.type === 'code' ? leadOf(block, context) : undefined
    const lead = led?.lead
    if (lead && next) {
      // A long lead-in paragraph: its first sentences show as bullets before it.
      const before = block.type === 'paragraph' ? splitLeadIn(toRuns(block.children)).before : undefined
      if (before) units.push(opener(bulletsFrom(before, context), '', rangeOf(block)))
      // The lead-in and the first part of its table or code share a slide: that part is cut smaller.
      const size = measureBlock(lead)
      const budget = context.options.budget
      // (A table's later parts repeat its header without the lead-in: only its first part is cut smaller.)
      const room = next.type === 'table' ? { ...context, firstLead: size } : { ...context, titleWords: context.titleWords + size.words, options: { ...context.options, budget: { ...budget, lines: Math.max(1, budget.lines - size.lines) } } }
      const [first, ...rest] = unitsFor(next, room)
      if (first && first.kind === 'solo' && !first.lead) {
        // A list whose last item leads in: the items before it are shown as a list of their own.
        if (led.before && block.type === 'list') {
          // (As any list: a definition list is a table, and the chain its terms state is drawn, from the whole list.)
          const previous = blocks[i - 1]?.type === 'paragraph' ? plainText(blocks[i - 1]) : undefined
          const listed = isDefinitionList(led.before) && !dialectUnits(led.before, context) ? definitionListUnits(led.before, context, previous) : unitsFor(led.before, context)
          units.push(...withTermChain(block, listed, diagrams, context))
        }
        const leadNode = led.last ?? block
        units.push(withLead(first, lead, notesFor(leadNode), rangeOf(leadNode)), ...rest)
        i++
        continue
      }
    }
    if (block.type === 'list' && isDefinitionList(block) && !dialectUnits(block, context)) {
      // A definition list: the paragraph before it may name its first column (plan/header.ts).
      units.push(...withTermChain(block, definitionListUnits(block, context, blocks[i - 1]?.type === 'paragraph' ? plainText(blocks[i - 1]) : undefined), diagrams, context))
      continue
    }
    // A paragraph that stops mid-sentence ("… the best responses are") before a formula, a list
    // or a table leads into it, as one ending in ":" does.
    if (block.type === 'paragraph' && opensInto(block, next) && !dialectUnits(block, context)) units.push(...paragraphUnits(block, context, true))
    else units.push(...(block.type === 'list' ? withTermChain(block, unitsFor(block, context), diagrams, context) : unitsFor(block, context)))
  }
  return attachLeadIns(units, context)
}

/** Blocks a lead-in ending in ":" introduces: what it shares its slide with. */
const INTRODUCED: readonly string[] = ['list', 'table', 'code', 'math']

/**
 * Blocks in the order they show: an aside (a quote or callout) written between a lead-in ending
 * in ":" and the list, table, code or formula it introduces moves after that block, so that the
 * lead-in and what it introduces share a slide (the aside follows them).
 */
export function asidesAfter(blocks: RootContent[]): RootContent[] {
  let out: RootContent[] | undefined
  for (let i = 0; i + 2 < blocks.length; i++) {
    const block = blocks[i]
    if (block.type !== 'paragraph' || !isLeadIn(block)) continue
    let j = i + 1
    while (j < blocks.length && blocks[j].type === 'blockquote') j++
    if (j === i + 1 || j >= blocks.length || !INTRODUCED.includes(blocks[j].type)) continue
    out ??= [...blocks]
    out.splice(i + 1, j - i, blocks[j], ...blocks.slice(i + 1, j))
    i = j
  }
  return out ?? blocks
}

/** Units a side test worked out (see `previewUnitsForBlocks`), by the first of their blocks, for the walk to take once. */
const previewed = new WeakMap<RootContent, { blocks: RootContent[]; context: UnitContext; units: Unit[] }>()

/**
 * `unitsForBlocks` for a side test whose file and group numbers are thrown away (whether a
 * section shows anything). Note: when the work wrote no message and numbered no group, its units
 * are what the walk's own call on the same blocks, heading and options gives: that call takes
 * them instead of working them out a second time (a third of planning on long notes).
 */
export function previewUnitsForBlocks(blocks: RootContent[], context: UnitContext): Unit[] {
  let groups = 0
  const messages = context.file.messages.length
  const units = unitsForBlocks(blocks, { ...context, nextGroup: () => (groups++, context.nextGroup()) })
  if (blocks.length && !groups && context.file.messages.length === messages) previewed.set(blocks[0], { blocks: [...blocks], context, units })
  return units
}

function sameWork(known: { blocks: RootContent[]; context: UnitContext }, blocks: RootContent[], context: UnitContext): boolean {
  const a = known.context
  if (a.options !== context.options || a.heading !== context.heading || a.titleWords !== context.titleWords) return false
  return known.blocks.length === blocks.length && known.blocks.every((block, i) => block === blocks[i])
}

/**
 * Break one block of the note into units, by its kind. Note: this switch is the one place that
 * maps a block kind to its planner (blocks/*.ts); a new kind of block is added here.
 */
export function unitsFor(node: RootContent, context: UnitContext): Unit[] {
  // Blocks the note dialects add (callouts, display math) have their planner in callout.ts.
  const dialect = dialectUnits(node, context)
  if (dialect) return dialect
  const range = rangeOf(node)
  switch (node.type) {
    case 'paragraph':
      return paragraphUnits(node, context)
    case 'list':
      return listUnits(node, context)
    case 'code':
      return codeUnits(node.value, node.lang ?? '', context, range)
    case 'table':
      return tableUnits(node, context)
    case 'blockquote':
      return quoteUnits(node)
    case 'html': {
      // Raw HTML shows as text when it is short; longer markup stays in the notes only.
      const text = node.value.replace(/\s+/g, ' ').trim()
      // Markup alone (`<div align="center">`) shows nothing a viewer reads.
      if (countWords(text) > BULLET_WORDS || !text.replace(/<[^<>]*>/g, '').trim()) return [notesOnly(notesFor(node), range)]
      return [flow({ type: 'paragraph', runs: [{ text }] }, notesFor(node), range)]
    }
    case 'thematicBreak':
      return []
    case 'heading':
      return [flow({ type: 'heading', runs: toRuns(node.children) }, notesFor(node), range)]
    default:
      return [notesOnly(notesFor(node), range)]
  }
}

/** Whether a paragraph ends without a closing mark (or with a comma) right before display math, a list or a table. */
function opensInto(block: Paragraph, next: RootContent | undefined): boolean {
  if (!next || !['math', 'list', 'table'].includes(next.type)) return false
  const text = plainText(block).trim()
  // (A clause that ends in a comma goes on into the block, as one with no closing mark does.)
  return /[\p{L}\p{N}$),，、]$/u.test(text)
}

/** Diagrams drawn from blocks at `i`: layers (a lead-in and its list), a chain in a paragraph, numbered steps. */
function diagramUnits(blocks: RootContent[], i: number, context: UnitContext): { units: Unit[]; consumed: number } | undefined {
  const block = blocks[i]
  if (block.type === 'paragraph') {
    // "The first step is …", "The second step …", one paragraph each: an overview before them.
    const ordinal = findOrdinalSteps(blocks, i)
    // It starts a slide of its own: what comes before is not its caption.
    if (ordinal) return { units: [{ kind: 'break' }, ...overviewUnits(ordinal.steps, blocks, i, ordinal.end), ...unitsFor(block, context)], consumed: 1 }
    const next = blocks[i + 1]
    const list = next?.type === 'list' ? next : undefined
    const found = findLayers(block, list, context.heading)
    if (found) {
      // The diagram replaces the list it was drawn from; its notes keep the list's text.
      const source = found.fromList && list ? list : block
      return { units: [...unitsFor(block, context), diagramUnit({ kind: 'layers', layers: found.layers }, notesFor(source), rangeOf(source))], consumed: found.fromList ? 2 : 1 }
    }
    const sequence = findSequence(plainText(block))
    if (sequence && sequence.steps.length <= STEPS_PER_DIAGRAM + 2) {
      const diagram: Diagram = sequence.cycle ? { kind: 'cycle', steps: sequence.steps } : { kind: 'steps', steps: sequence.steps, start: 1 }
      return { units: [...unitsFor(block, context), diagramUnit(diagram, notesFor(block), rangeOf(block))], consumed: 1 }
    }
    // "To repot a plant, water it, lift it out and then loosen the roots": its commands in order.
    const series = findSeriesIn(block)
    if (series) {
      const drawn = (notes: string): Unit => diagramUnit({ kind: 'steps', steps: series.steps, start: 1 }, notes, rangeOf(block))
      // Steps that are all the paragraph says are drawn in its place (readers found the same
      // words twice, as a line and as a picture); what they are for leads into them.
      if (series.whole && !series.purpose) return { units: [drawn(notesFor(block))], consumed: 1 }
      if (series.whole) return { units: [flow({ type: 'paragraph', runs: [{ text: `${series.purpose}:` }] }, notesFor(block), rangeOf(block), true), drawn('')], consumed: 1 }
      return { units: [...unitsFor(block, context), drawn('')], consumed: 1 }
    }
    const chain = findChain(plainText(block))
    if (chain) return { units: [...unitsFor(block, context), diagramUnit({ kind: 'chain', nodes: chain.nodes, labels: chain.labels, ...(chain.returns ? { returns: chain.returns } : {}) }, notesFor(block), rangeOf(block))], consumed: 1 }
  }
  if (block.type === 'list') {
    const steps = findSteps(block, context.heading, blocks[i - 1])
    const after = blocks[i + 1]
    if (steps && steps.length <= STEPS_PER_DIAGRAM + 2 && isCycle(steps, after?.type === 'paragraph' ? plainText(after) : '')) {
      return { units: [diagramUnit({ kind: 'cycle', steps }, notesFor(block), rangeOf(block))], consumed: 1 }
    }
    if (steps) return { units: stepUnits(block, steps), consumed: 1 }
    const found = i === 0 || blocks[i - 1]?.type !== 'paragraph' ? findLayers(undefined, block, context.heading) : undefined
    if (found) return { units: [diagramUnit({ kind: 'layers', layers: found.layers }, notesFor(block), rangeOf(block))], consumed: 1 }
  }
  return undefined
}

function stepUnits(list: List, steps: string[]): Unit[] {
  const start = list.start ?? 1
  return stepParts(steps, start).map(([from, to]) => {
    const notes = list.children
      .slice(from, to)
      .map((item, k) => `${start + from + k}. ${notesFor(item).replace(/^- /, '')}`)
      .join('\n')
    const first = list.children[from]
    const last = list.children[to - 1]
    const range = first?.position && last?.position ? { start: first.position.start.line, end: last.position.end.line } : rangeOf(list)
    return diagramUnit({ kind: 'steps', steps: steps.slice(from, to), start: start + from }, notes, range)
  })
}

/** Steps told over several paragraphs as flowcharts of at most four steps; the paragraphs follow and keep the text. */
function overviewUnits(steps: string[], blocks: RootContent[], from: number, to: number): Unit[] {
  const first = blocks[from].position
  const last = blocks[to].position
  const range = first && last ? { start: first.start.line, end: last.end.line } : undefined
  return stepParts(steps, 1).map(([a, b]) => diagramUnit({ kind: 'steps', steps: steps.slice(a, b), start: a + 1 }, '', range))
}

/**
 * A list's units with the chain its defined terms state among themselves (the list keeps its
 * text): after the list, or before it when its last item leads into the block after the list.
 */
function withTermChain(list: List, listed: Unit[], diagrams: boolean, context: UnitContext): Unit[] {
  const found = diagrams ? listDiagram(list) : undefined
  if (!found) return diagrams ? withInnerDiagrams(list, listed, context) : listed
  const diagram = diagramUnit(found, '', rangeOf(list))
  const last = list.children[list.children.length - 1]
  return last && /[:：]\s*$/.test(plainText(last.children[0] ?? last)) ? [diagram, ...listed] : [...listed, diagram]
}

/**
 * A list's units with the processes and chains its items state below the top level (see
 * diagrams/inner.ts): each drawn on a slide of its own, captioned by the item that states it,
 * before the slides of the top-level item it is under (an overview, then the details; the list
 * keeps its text).
 */
function withInnerDiagrams(list: List, listed: Unit[], context: UnitContext): Unit[] {
  const found = findInnerDiagrams(list, context.heading)
  if (!found.length) return listed
  const out = [...listed]
  for (const inner of [...found].reverse()) {
    const caption = inner.purpose ?? ownerCaption(inner.owner, BULLET_WORDS)
    const lead: SlideBlock | undefined = caption ? { type: 'heading', runs: [{ text: caption }] } : undefined
    const block: SlideBlock = { type: 'diagram', diagram: inner.diagram }
    const unit: Unit = { ...solo(block, '', inner.range), ...(lead ? { lead, size: measureBlocks([lead, block]) } : {}) }
    const line = inner.top.position?.start.line
    const own = (other: Unit): boolean => 'range' in other && other.range?.start === line
    const at = out.findIndex(own)
    if (inner.whole && at >= 0) {
      // An item that is only its steps shows as the diagram: its text goes to that slide's notes.
      const shown = out.filter((other): other is Extract<Unit, { kind: 'flow' }> => own(other) && other.kind === 'flow')
      const notes = shown.map((other) => other.notes).filter(Boolean).join('\n')
      out.splice(at, 0, unit.kind === 'solo' ? { ...unit, notes } : unit)
      for (const other of shown) out.splice(out.indexOf(other), 1)
      continue
    }
    out.splice(at < 0 ? out.length : at, 0, unit)
  }
  return out
}

function diagramUnit(diagram: Diagram, notes: string, range?: LineRange): Unit {
  return solo({ type: 'diagram', diagram }, notes, range)
}

/** Most words of a short paragraph that captions the code, table or image right after it. */
const CAPTION_WORDS = 12

/** Most lines a lead-in (a paragraph, or a short list ending in ":") may take above its table or code. */
const LEAD_LINES = 3

/**
 * What leads into the next block: the whole block (see leadBlockOf), or, for a list too long to
 * stand above it whose last item ends in ":", that last item (`last`), the items before it
 * (`before`) a list of their own.
 */
function leadOf(block: RootContent, context: UnitContext): { lead: SlideBlock; before?: List; last?: List } | undefined {
  const whole = leadBlockOf(block, context)
  if (whole) return { lead: block.type === 'list' ? withColon(whole, block.children[block.children.length - 1]) : whole }
  if (block.type !== 'list' || block.children.length < 2) return undefined
  const lastItem = block.children[block.children.length - 1]
  const start = (block.start ?? 1) + block.children.length - 1
  const last: List = { ...block, start, children: [lastItem] }
  const lead = leadBlockOf(last, context)
  if (!lead) return undefined
  return { lead: withColon(lead, lastItem), before: { ...block, children: block.children.slice(0, -1) }, last }
}

/** A lead-in list's last bullet with the note's closing ":" kept (a shortened point may drop it). */
function withColon(lead: SlideBlock, item: ListItem): SlideBlock {
  if (lead.type !== 'bullets' || !lead.items.length) return lead
  const bullet = lead.items[lead.items.length - 1]
  if (bullet.children.length || /[:：]\s*$/.test(runsText(bullet.runs)) || !/[:：]\s*$/.test(plainText(item))) return lead
  return { ...lead, items: [...lead.items.slice(0, -1), { ...bullet, runs: [...bullet.runs, { text: ':' }] }] }
}

/**
 * A block that introduces the next one, as it shows above it: a paragraph ending in ":", or a
 * short list whose last item ends in ":" ("1. **Initialise a repository**:" before its command).
 */
function leadBlockOf(block: RootContent, context: UnitContext): SlideBlock | undefined {
  let lead: SlideBlock | undefined
  if (block.type === 'paragraph' && !block.children.some((child) => child.type === 'image')) {
    // A lead-in ending in ":", or a one-line caption ("deploy.yaml", "Check the logs with") before code.
    const runs = toRuns(block.children)
    if (isLeadIn(block)) lead = { type: 'paragraph', runs: splitLeadIn(runs).lead }
    else if (countWords(runsText(runs)) <= CAPTION_WORDS) lead = { type: 'paragraph', runs }
  }
  if (block.type === 'list' && block.children.length <= LEAD_LINES) {
    const last = block.children[block.children.length - 1]
    if (!last || !/[:：]\s*$/.test(plainText(last))) return undefined
    const units = unitsFor(block, context)
    if (!units.every((unit) => unit.kind === 'flow' && unit.block.type === 'bullets')) return undefined
    const lists = units.map((unit) => (unit as { block: Extract<SlideBlock, { type: 'bullets' }> }).block)
    lead = { ...lists[0], items: lists.flatMap((list) => list.items) }
  }
  return lead && measureBlock(lead).lines <= LEAD_LINES ? lead : undefined
}

/** One short line: a paragraph or a single bullet of at most CAPTION_WORDS words. */
function isCaption(block: SlideBlock): boolean {
  const text = block.type === 'paragraph' ? runsText(block.runs) : block.type === 'bullets' && block.items.length === 1 && !block.items[0].children.length ? runsText(block.items[0].runs) : undefined
  return text !== undefined && countWords(text) <= CAPTION_WORDS
}

function bulletsFrom(runs: Run[], context: UnitContext): SlideBlock {
  const bullets = condenseParagraph(runs, BULLET_WORDS, context.options.budget.words - context.titleWords, context.heading)
  return { type: 'bullets', ordered: false, start: 1, items: bullets.map((bullet) => ({ runs: bullet, children: [] })) }
}

/** Most words of a lead-in sentence that only announces what follows ("It can be drawn like this:"). */
const ANNOUNCING_WORDS = 15

/**
 * A lead-in with nothing to lead into on the slides: a leading sentence that only announces goes
 * to the notes, the sentences before it show as bullets; a longer one says something itself and
 * stays as it is.
 */
function leadInAlone(unit: Extract<Unit, { kind: 'flow' }>, context: UnitContext): Unit {
  const { before, lead } = leadSentence(unit.block.type === 'paragraph' ? unit.block.runs : [])
  if (countWords(runsText(lead)) > ANNOUNCING_WORDS) return unit
  return before ? flow(bulletsFrom(before, context), unit.notes, unit.range) : notesOnly(unit.notes, unit.range)
}

/** A lead-in paragraph as its leading sentence (the last) and the sentences before it. */
function leadSentence(runs: Run[]): { before?: Run[]; lead: Run[] } {
  const all = splitSentences(runs)
  if (all.length < 2) return { lead: runs }
  return { before: all.slice(0, -1).flatMap((sentence, i) => (i ? [{ text: ' ' }, ...sentence] : sentence)), lead: all[all.length - 1] }
}

function withLead(unit: Extract<Unit, { kind: 'solo' }>, lead: SlideBlock, notes: string, range?: LineRange): Unit {
  const merged = range && unit.range ? { start: Math.min(range.start, unit.range.start), end: Math.max(range.end, unit.range.end) } : (unit.range ?? range)
  // A diagram drawn from the lead-in's own paragraph has the same notes: say them once.
  const joined = notes === unit.notes ? notes : [notes, unit.notes].filter(Boolean).join('\n\n')
  return { ...unit, lead, notes: joined, range: merged }
}

/**
 * A lead-in, or a one-line caption, right before a solo unit (a diagram, an image) moves onto
 * that unit's slide when both fit.
 */
function attachLeadIns(units: Unit[], context: UnitContext): Unit[] {
  const out: Unit[] = []
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]
    // Comments and markup between a caption and its image do not part them.
    let j = i + 1
    while (units[j]?.kind === 'notes-only') j++
    const next = units[j]
    const previous = out[out.length - 1]
    // A caption right after a lead-in stays with it: the lead-in would be left alone.
    const afterLeadIn = previous?.kind === 'flow' && previous.leadIn
    const caption = unit.kind === 'flow' && (unit.leadIn || (isCaption(unit.block) && !afterLeadIn))
    // A lead-in to an image the deck cannot show ("It can be drawn like this:") would dangle: it
    // goes to the notes with the image, and so does a line that goes on from the image ("where …");
    // a lead-in to nothing (the last block of its section) goes there too.
    const unshown = units.slice(i + 1, j).some((u) => u.kind === 'notes-only' && u.unshown)
    if (unit.kind === 'flow' && unit.leadIn && unit.block.type === 'paragraph' && (unshown || !next)) {
      out.push(leadInAlone(unit, context))
      if (next?.kind === 'flow' && /^\p{Ll}/u.test(firstLine(next.block).trimStart()) && !next.leadIn) {
        out.push(...units.slice(i + 1, j), notesOnly(next.notes, next.range))
        i = j
      }
      continue
    }
    if (caption && next?.kind === 'solo' && !next.lead) {
      const between = units.slice(i + 1, j).map((u) => ('notes' in u ? u.notes : '')).filter(Boolean)
      const notes = [unit.notes, ...between].filter(Boolean).join('\n\n')
      if (fits([unit.block, next.block], context.titleWords, context.options.budget)) {
        out.push(withLead(next, unit.block, notes, unit.range))
        i = j
        continue
      }
      // A lead-in never stands alone: its last sentence (the one that leads in) goes with what it
      // introduces; the sentences before it show as bullets of their own.
      const split = unit.kind === 'flow' && unit.leadIn && unit.block.type === 'paragraph' ? leadSentence(unit.block.runs) : undefined
      if (split) {
        if (split.before) out.push(opener(bulletsFrom(split.before, context), '', unit.range))
        out.push(withLead(next, { type: 'paragraph', runs: split.lead }, notes, unit.range))
        i = j
        continue
      }
    }
    out.push(unit)
  }
  return out
}

export { isShown, type ShownUnit }
