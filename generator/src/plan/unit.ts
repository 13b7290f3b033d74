import type { Nodes } from 'mdast'
import type { VFile } from 'vfile'
import type { LineRange, PlanOptions, SlideBlock } from '../types.js'
import { measureBlock, type Size } from './measure.js'

interface Shown {
  block: SlideBlock
  size: Size
  notes: string
  range?: LineRange
}

/**
 * A piece of a slide, as the block planners return it. `flow` units share a slide (a `leadIn`
 * flow unit starts a slide with what follows it; `opener` units are the sentences before a lead-in,
 * kept with it when they fit); units of one `group` (a run of definitions)
 * share slides with each other only; `solo` units (code, tables, images, diagrams) get slides of
 * their own, already cut to fit; `notes-only` units add to the notes of the slide before;
 * an image the deck cannot show is a notes-only unit marked `unshown`;
 * `break` and `layout` come from the author's directives. Flow units of one `chunk` (the items
 * of one list) stay on one slide when they fit there, and split only evenly between items.
 * Flow units of one `piece` (an item and one of its sub-bullets each) show as that one item.
 */
export type Unit =
  | (Shown & { kind: 'flow'; leadIn?: boolean; opener?: boolean; chunk?: number; piece?: object })
  | (Shown & { kind: 'group'; group: number })
  | (Shown & { kind: 'solo'; lead?: SlideBlock })
  | { kind: 'notes-only'; notes: string; range?: LineRange; unshown?: 'image' }
  | { kind: 'break'; range?: LineRange }
  | { kind: 'layout'; layout: 'two-cols' | 'default'; range?: LineRange }

export type ShownUnit = Extract<Unit, { block: SlideBlock }>

/** What unit-making needs besides the block: options, the file for messages, the room left. */
export interface UnitContext {
  options: PlanOptions
  file: VFile
  /** Words the slide title takes (they count against the word budget). */
  titleWords: number
  /** The section's heading (diagram detection reads it). */
  heading: string
  nextGroup: () => number
  /** What a lead-in above the block takes from the block's first part only (a table's later parts show without it). */
  firstLead?: Size
}

export function isShown(unit: Unit): unit is ShownUnit {
  return 'block' in unit
}

export function flow(block: SlideBlock, notes: string, range?: LineRange, leadIn = false): Unit {
  return { kind: 'flow', block, size: measureBlock(block), notes, range, ...(leadIn ? { leadIn } : {}) }
}

/** The sentences a lead-in opens with, before the one that leads in: they travel with it (see atomsOf). */
export function opener(block: SlideBlock, notes: string, range?: LineRange): Unit {
  return { kind: 'flow', block, size: measureBlock(block), notes, range, opener: true }
}

export function solo(block: SlideBlock, notes: string, range?: LineRange): Unit {
  return { kind: 'solo', block, size: measureBlock(block), notes, range }
}

export function notesOnly(notes: string, range?: LineRange): Unit {
  return { kind: 'notes-only', notes, range }
}

export function rangeOf(node: Nodes): LineRange | undefined {
  return node.position ? { start: node.position.start.line, end: node.position.end.line } : undefined
}

/**
 * Most slides one block (a list, a table, a code block) may take. A 5,000-item list would
 * otherwise become 800 slides: past this, the last slide says how much more there is and its
 * notes hold all of it.
 */
export const MAX_PARTS = 12

/** Keep at most MAX_PARTS slides of one block's units; the rest go into a closing slide's notes. */
export function capParts(units: Unit[], what: string): Unit[] {
  const shown = units.filter(isShown)
  if (shown.length <= MAX_PARTS) return units
  const keep = units.indexOf(shown[MAX_PARTS - 1])
  const rest = units.slice(keep)
  const more = rest.filter(isShown).length
  return [...units.slice(0, keep), closingUnit(rest, `… and ${more} more slides' worth of this ${what}: the speaker notes hold all of it.`, '\n\n')]
}

/** The slide that stands for everything past a block's cap: a line saying so, and all of it in the notes. */
export function closingUnit(rest: Unit[], text: string, separator: string): Unit {
  const block: SlideBlock = { type: 'paragraph', runs: [{ text }] }
  const first = rest.find((unit) => unit.range)?.range
  const last = [...rest].reverse().find((unit) => unit.range)?.range
  const notes = rest.map((unit) => ('notes' in unit ? unit.notes : '')).filter(Boolean).join(separator)
  return solo(block, notes, first && last ? { start: first.start, end: last.end } : undefined)
}
