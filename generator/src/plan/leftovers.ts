import type { SlideBlock } from '../types.js'
import { runsText } from '../text.js'
import { isThinBody } from './budget.js'
import { condenseParagraph, splitSentences } from './condense.js'
import { measureBlocks } from './measure.js'
import { FOLLOW_ON_WORDS, followsOn, opensBack } from './follow.js'
import { mergeBlocks } from './merge.js'
import { flow, isShown, opener, type ShownUnit, type Unit } from './unit.js'
import { codeRows } from './blocks/code.js'

// The pieces a packed run may leave over (a closing line, a lead-in with one item, a line about
// the table above) and where they go instead of a slide of their own; used by pack.ts.

/** Most lines of text a diagram slide holds besides its diagram (its lead-in and what trails it). */
const DIAGRAM_TEXT_LINES = 3

/** Rows of code (15 px) that one line of body text (21 px, the same line height) takes the height of. */
const CODE_ROWS_PER_LINE = 1.4

/**
 * Whether text and a structure fit one slide: within the budget; beside a diagram, only a few
 * lines of text; beside code, as many lines as the rows the code leaves of a code slide's
 * `codeLines` (a text line is CODE_ROWS_PER_LINE rows, and one row goes to the code box's
 * padding); never beside an image, whose height the budget does not measure.
 */
export function hasRoom(blocks: SlideBlock[], fitsSlide: (blocks: SlideBlock[]) => boolean, codeLines: number): boolean {
  if (blocks.some((block) => block.type === 'image' || block.type === 'missing-image')) return false
  const drawn = blocks.some((block) => block.type === 'diagram' || block.type === 'mermaid')
  const text = measureBlocks(blocks.filter((block) => block.type !== 'diagram' && block.type !== 'mermaid' && block.type !== 'code')).lines
  const rows = blocks.reduce((sum, block) => sum + (block.type === 'code' ? codeRows(block.value) + 1 : 0), 0)
  const roomy = rows === 0 || rows + CODE_ROWS_PER_LINE * text <= codeLines
  return roomy && (!drawn || text <= DIAGRAM_TEXT_LINES) && fitsSlide(blocks)
}

/**
 * Whether the first part of a run trails the slide before it (`previous`, its units): a part of
 * flow text that follows on from that slide ("So …", "The table above …") or is one short line
 * `joins` it when both fit (see hasRoom); one short line that follows on (after a structure, one
 * that opens with "This …" too) but cannot join it is `said` in its notes; anything else stays
 * `apart`.
 */
export function trailUnits(previous: Unit[], part: ShownUnit[], fitsSlide: (blocks: SlideBlock[]) => boolean, codeLines: number, wholeTable = false): 'joins' | 'said' | 'apart' {
  // A whole table of terms right after a code slide explains that code (a syntax and its parameters).
  if (wholeTable && showsCode(previous) && part.length && part.every((unit) => unit.kind === 'group')) return hasRoom(mergeBlocks([...previous, ...part]), fitsSlide, codeLines) ? 'joins' : 'apart'
  if (!part.length || !part.every((unit) => unit.kind === 'flow' && !unit.leadIn && !unit.opener)) return 'apart'
  const thin = isThinBody(mergeBlocks(part))
  // Right after a structure, a line that opens with "This …" speaks of that structure.
  const onward = followsOn(part[0].block) || (previous.some((unit) => unit.kind === 'solo') && opensBack(part[0].block))
  // One line right after code or a table is its explanation ("Row numbers restart for each group."): it joins when there is room.
  const explains = explainsStructure(previous, part)
  if (!thin && !onward && !explains) return 'apart'
  if (hasRoom(mergeBlocks([...previous, ...part]), fitsSlide, codeLines)) return 'joins'
  return onward && isThinBody(mergeBlocks(part), FOLLOW_ON_WORDS) ? 'said' : 'apart'
}

/**
 * The slide of a table (`previous`, its units) with its lead-in cut to the sentence that leads
 * in, so that `part` fits below the table; the sentences before become an `opener` unit for a
 * slide of their own. Undefined when the lead-in has one sentence or the part still does not fit.
 */
export function shedLead(previous: Unit[], part: ShownUnit[], fitsSlide: (blocks: SlideBlock[]) => boolean): { opener: Unit; units: Unit[] } | undefined {
  const solos = previous.filter((unit) => unit.kind === 'solo')
  const table = solos[0]
  if (solos.length !== 1 || table.kind !== 'solo' || table.block.type !== 'table' || table.lead?.type !== 'paragraph' || previous.some((unit) => unit.kind === 'flow')) return undefined
  const sentences = splitSentences(table.lead.runs)
  if (sentences.length < 2) return undefined
  const lead: SlideBlock = { type: 'paragraph', runs: sentences[sentences.length - 1] }
  const shorter = { ...table, lead }
  if (!hasRoom(mergeBlocks([shorter, ...part]), fitsSlide, 0)) return undefined
  const before = sentences.slice(0, -1).flatMap((sentence, k) => (k ? [{ text: ' ' }, ...sentence] : sentence))
  const bullets: SlideBlock = { type: 'bullets', ordered: false, start: 1, items: condenseParagraph(before).map((runs) => ({ runs, children: [] })) }
  return { opener: opener(bullets, runsText(before), table.range), units: previous.map((unit) => (unit === table ? shorter : unit)) }
}

/**
 * Parts of a run where no part is only a lead-in with one item ("This adds a sixth rule:" and
 * the rule) after a part it could share a slide with: such a part joins the part before when
 * both fit, or, when only its lead-in is too much, joins it with the lead-in said (`said`).
 */
export function joinSlimParts(parts: Array<[number, number]>, shown: ShownUnit[], fitsUnits: (units: ShownUnit[]) => boolean, said: Set<ShownUnit>): Array<[number, number]> {
  const out = parts.map(([a, b]): [number, number] => [a, b])
  for (let n = out.length - 1; n > 0; n--) {
    const [from, to] = out[n]
    const part = shown.slice(from, to)
    const leads = part.filter((unit) => unit.kind === 'flow' && unit.leadIn)
    const rest = part.filter((unit) => !leads.includes(unit))
    const items = rest.flatMap((unit) => (unit.kind === 'flow' && unit.block.type === 'bullets' ? unit.block.items : [undefined]))
    if (!leads.length || part.some((unit) => unit.kind !== 'flow' || unit.opener) || items.length !== 1 || !items[0] || items[0].children.length) continue
    const before = shown.slice(out[n - 1][0], from)
    if (fitsUnits([...before, ...part])) out.splice(n - 1, 2, [out[n - 1][0], to])
    else if (leads.every((unit) => isThinBody([unit.block])) && fitsUnits([...before, ...rest])) {
      leads.forEach((unit) => said.add(unit))
      out.splice(n - 1, 2, [out[n - 1][0], to])
    }
  }
  return out
}

/**
 * A short line that follows on from the bullets before it ("Thus, …") but does not fit on their
 * slide takes their last bullet with it, so that it concludes what its own slide shows instead
 * of standing alone.
 */
export function keepConclusions(run: Unit[], fitsBlocks: (blocks: SlideBlock[]) => boolean): Unit[] {
  const out = [...run]
  for (let i = 1; i < out.length; i++) {
    const line = out[i]
    const before = out[i - 1]
    if (line.kind !== 'flow' || line.leadIn || line.opener || line.block.type !== 'bullets' || !isThinBody([line.block], FOLLOW_ON_WORDS) || !followsOn(line.block)) continue
    if (before.kind !== 'flow' || before.leadIn || before.opener || before.chunk !== undefined || before.block.type !== 'bullets' || before.block.items.length < 2) continue
    const items = before.block.items
    if (fitsBlocks(mergeBlocks([before, line]))) continue
    // The last bullet (with its sub-bullets) goes with the line: the line is no longer alone.
    const bullets = (from: number, to: number): SlideBlock => ({ type: 'bullets', ordered: false, start: 1, items: items.slice(from, to) })
    const cut = items.length - 1
    const tail = mergeBlocks([flow(bullets(cut, items.length), '', line.range), line])
    if (tail.length !== 1 || !fitsBlocks(tail)) continue
    out.splice(i - 1, 2, flow(bullets(0, cut), before.notes, before.range), flow(tail[0], line.notes, line.range))
  }
  return out
}

/** Whether a slide's units are code (and what its leads and trailing lines add), with no other structure. */
export function showsCode(units: Unit[]): boolean {
  const solos = units.filter((unit) => unit.kind === 'solo')
  return solos.length > 0 && solos.every((unit) => unit.kind === 'solo' && unit.block.type === 'code') && units.every((unit) => unit.kind !== 'group')
}

/**
 * Whether `part` is one line of explanation after the code or table the slide before shows: one
 * paragraph or bullet of at most FOLLOW_ON_WORDS words, no lead-in, on a slide of one structure.
 */
export function explainsStructure(previous: Unit[], part: ShownUnit[]): boolean {
  if (part.length !== 1 || part[0].kind !== 'flow' || part[0].leadIn || part[0].opener) return false
  const solos = previous.filter((unit) => unit.kind === 'solo')
  const last = previous.filter(isShown).at(-1)
  if (!solos.length || last?.kind !== 'solo' || !solos.every((unit) => unit.kind === 'solo' && (unit.block.type === 'code' || unit.block.type === 'table'))) return false
  const block = part[0].block
  const runs = block.type === 'paragraph' ? block.runs : block.type === 'bullets' && block.items.length === 1 ? block.items[0].runs : []
  // A bare link or a label ("Solution URL") explains nothing.
  const words = runs.filter((run) => !run.href).map((run) => run.text).join('').split(/\s+/).filter(Boolean).length
  return words >= EXPLAINING_WORDS && isThinBody(mergeBlocks(part), FOLLOW_ON_WORDS)
}

/** Fewest words (outside links) of a line that explains the code or table before it. */
const EXPLAINING_WORDS = 4
