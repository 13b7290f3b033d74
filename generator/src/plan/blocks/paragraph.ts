import type { Blockquote, Image, Paragraph } from 'mdast'
import type { BulletItem, LineRange, Run, SlideBlock } from '../../types.js'
import { countWords, runsText, toRuns } from '../../text.js'
import { BULLET_WORDS, condenseParagraph, condenseParts, definitionOf, shortenSentence, splitSentences } from '../condense.js'
import { fits } from '../budget.js'
import { notesFor } from '../notes.js'
import { flow, notesOnly, opener, rangeOf, type Unit, type UnitContext } from '../unit.js'
import { imageUnit } from './image.js'

/** Most words a lead-in shows whole above the list, table or code it introduces. */
const LEAD_IN_WORDS = 30

/** Whether a paragraph introduces what follows it ("… as follows:", "Listed from top to bottom:"). */
export function isLeadIn(node: Paragraph): boolean {
  return /[:：]\s*$/.test(runsText(toRuns(node.children)))
}

/**
 * A paragraph as bullets: its point sentences, each shortened by grammar (a `Term: text`
 * paragraph keeps its term). Images in it become slides of their own. A lead-in ending in ":"
 * (or one that `leadsIn`, stopping mid-sentence) is marked so its slide also holds what it introduces.
 */
export function paragraphUnits(node: Paragraph, context: UnitContext, leadsIn = false): Unit[] {
  const range = rangeOf(node)
  const images = node.children.filter((child): child is Image => child.type === 'image')
  const runs = toRuns(node.children.filter((child) => child.type !== 'image'))
  const units: Unit[] = []
  if (runsText(runs).trim()) {
    const lead = (leadsIn || isLeadIn(node)) && !images.length
    const definition = definitionOf(runs)
    // The point sentences, split into parts that each fit a slide (see condenseParts).
    const fitsPart = (items: BulletItem[]): boolean => fits([bulletsOf(items)], context.titleWords, context.options.budget)
    const partsOf = (text: Run[]): BulletItem[][] => condenseParts(text, fitsPart, { heading: context.heading })
    const shown = definition
      ? [[{ runs: [...definition.term, { text: ': ' }, ...shortenSentence(definition.explanation, BULLET_WORDS - countWords(runsText(definition.term)))], children: [] }]]
      : partsOf(runs)
    if (lead) {
      const { before, lead: leadRuns } = splitLeadIn(runs)
      // The sentences before the lead-in are its openers (see pack.ts atomsOf).
      if (before) units.push(...partUnits(partsOf(before), notesFor(node), range, true))
      units.push(flow({ type: 'paragraph', runs: leadRuns }, before ? '' : notesFor(node), range, true))
    } else {
      units.push(...partUnits(shown, notesFor(node), range))
    }
  }
  for (const image of images) units.push(imageUnit(image, context, units.length === 0 ? notesFor(node) : ''))
  return units
}

/**
 * A lead-in split for the slide: shown whole when short; else the sentences before it (shown as
 * bullets on their own) and the last sentence, the one ending in ":", which leads in.
 */
export function splitLeadIn(runs: Run[]): { before?: Run[]; lead: Run[] } {
  if (countWords(runsText(runs)) <= LEAD_IN_WORDS) return { lead: runs }
  const all = splitSentences(runs)
  if (all.length < 2) return { lead: runs }
  return { before: all.slice(0, -1).flatMap((sentence, i) => (i ? [{ text: ' ' }, ...sentence] : sentence)), lead: all[all.length - 1] }
}

function bulletsOf(items: BulletItem[]): SlideBlock {
  return { type: 'bullets', ordered: false, start: 1, items }
}

/** A paragraph's parts as flow units (the notes ride on the first); nothing shown leaves its notes only. */
function partUnits(parts: BulletItem[][], notes: string, range?: LineRange, asOpener = false): Unit[] {
  if (!parts.length) return [notesOnly(notes, range)]
  return parts.map((items, index) => (asOpener ? opener : flow)(bulletsOf(items), index ? '' : notes, range))
}

/** A quotation: its point sentence, as a quote box. */
export function quoteUnits(node: Blockquote): Unit[] {
  const runs = toRuns(node.children.flatMap((child) => (child.type === 'paragraph' ? child.children : [])))
  const shown = condenseParagraph(runs)[0] ?? []
  return [flow({ type: 'quote', runs: shown }, notesFor(node), rangeOf(node))]
}
