import type { List } from 'mdast'
import { CONTAINED_CUES, CONTAINS_CUES, CONTAINS_FORMS, CONTAINS_STEMS, alternation } from '../../grammar/en.js'
import { isEnglish } from '../../grammar/index.js'
import type { Diagram, Section } from '../../types.js'
import { countWords, plainText } from '../../text.js'
import { definedTerm, findTermChain, sentencesOf } from './terms.js'

/**
 * Containment among the terms one list defines: "**A**: these hold the B's", "**B**: … Within an
 * A, …", drawn as boxes inside boxes (A holds B holds C).
 * - English: a containment cue (a form of "hold" or its doer noun, "is made up of") between a term (or the
 *   item's own term, as the implicit subject of "These are …") and a later term: the first holds
 *   the second; "within", "part of" before a term: that term holds the item's own term.
 * - Any language: items in a row whose definitions each name the term defined just before them
 *   ("**job**: a workflow has one or more jobs", "**step**: each job has steps"): each holds the next.
 * Note: confidence first. Two stated relations at least, along one path of three or more terms;
 * a pair stated both ways draws nothing. A list of headings, or of items that do not name each
 * other, gives nothing.
 */

/** Most levels a nesting shows. */
const MAX_LEVELS = 6

interface Edge {
  outer: string
  inner: string
}

interface Mention {
  term: string
  start: number
  end: number
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Where a text names the terms, longest first, each place once. A term in Latin letters must not
 * touch other Latin letters (a plural "s" allowed); a term in another script may (Chinese has no spaces).
 */
function mentionsOf(text: string, terms: string[]): Mention[] {
  const found: Mention[] = []
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    const latin = /^[\p{Script=Latin}\p{N}]/u.test(term)
    // "Subscriptions" is named as "a subscription" too.
    const stems = [...new Set([term, term.replace(/s$/i, ''), term.replace(/es$/i, '')])].filter((stem) => stem.length >= 3).map(escape).join('|')
    const pattern = latin ? new RegExp(`(?<![\\p{Script=Latin}\\p{N}])(?:${stems})(?:e?s)?(?![\\p{Script=Latin}\\p{N}])`, 'giu') : new RegExp(escape(term), 'giu')
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0
      const end = start + match[0].length
      if (!found.some((other) => start < other.end && end > other.start)) found.push({ term, start, end })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

const CONTAINS = new RegExp(`(?<![\\p{L}])(?:(?:${alternation(CONTAINS_STEMS)})(?:${alternation(CONTAINS_FORMS)})?|${alternation(CONTAINS_CUES)})(?![\\p{L}])`, 'giu')
const CONTAINED = new RegExp(`(?<![\\p{L}])(?:${alternation(CONTAINED_CUES)})\\s+(?:(?:an?|the|each|every|its|their)\\s+)?$`, 'iu')

/** The containments one English sentence about `own` states (see the module's note). */
function statedIn(sentence: string, own: string, terms: string[]): Edge[] {
  const mentions = mentionsOf(sentence, terms)
  const edges: Edge[] = []
  for (const cue of sentence.matchAll(CONTAINS)) {
    const at = cue.index ?? 0
    const before = mentions.filter((mention) => mention.end <= at).pop()
    const after = mentions.find((mention) => mention.start >= at + cue[0].length)
    if (after) edges.push({ outer: before?.term ?? own, inner: after.term })
  }
  // "Within a subscription, resources are grouped into resource groups": the subscription holds the item's own term.
  for (const mention of mentions) {
    if (!CONTAINED.test(sentence.slice(Math.max(0, mention.start - 24), mention.start))) continue
    const held = mentions.some((other) => other.term === own && other.start !== mention.start) || !mentions.some((other) => other.term !== mention.term) ? own : mentions.find((other) => other.term !== mention.term)!.term
    edges.push({ outer: mention.term, inner: held })
  }
  return edges.filter((edge) => edge.outer !== edge.inner)
}

/** Items in a row, each defined with the term just before it: each holds the next (any language). */
function namedInTurn(defined: Entry[], terms: string[]): Edge[] {
  const edges: Edge[] = []
  for (let k = 1; k < defined.length; k++) {
    const names = new Set(mentionsOf(defined[k].text, terms).map((mention) => mention.term))
    const back = new Set(mentionsOf(defined[k - 1].text, terms).map((mention) => mention.term))
    // Only the one before, and not named the other way round.
    if (names.has(defined[k - 1].term) && !back.has(defined[k].term) && [...names].every((name) => name === defined[k].term || name === defined[k - 1].term)) edges.push({ outer: defined[k - 1].term, inner: defined[k].term })
  }
  return edges
}

/** A term with the text that defines it, cut into sentences. */
interface Entry {
  term: string
  text: string
  sentences: string[]
}

/** The terms a definition list nests one inside another (outermost first), if at least two relations link three of them. */
export function findNesting(list: List): string[] | undefined {
  return nestingOf(definedItems(list))
}

/**
 * The defined terms of a list and of the lists nested in it, parent before child: a nested
 * list ("- **Estate**: … / - **Farm**: a part of an estate …") states its hierarchy as a flat one does.
 */
function definedItems(list: List): Entry[] {
  return list.children.flatMap((item): Entry[] => {
    const defined = definedTerm(item)
    const lead = item.children[0] ? plainText(item.children[0]).replace(/\s+/g, ' ').trim() : ''
    const own: Entry[] = defined ? [{ ...defined, sentences: lead.split(/(?<=[.!?。！？])\s*/).filter(Boolean) }] : []
    const nested = item.children.filter((child): child is List => child.type === 'list').flatMap(definedItems)
    // An item with no defined sub-items keeps its sub-bullets as sentences about its own term.
    if (defined && !nested.length) own[0].sentences = sentencesOf(item)
    return [...own, ...nested]
  })
}

/** Most words of a subsection title read as a term. */
const TITLE_WORDS = 4

/**
 * The subsections of a section that nest one inside another, told as a definition list tells
 * them: each subsection's title is its term, its opening paragraph or list its definition.
 */
export function findSectionNesting(section: Section): string[] | undefined {
  const entries = section.children.flatMap((child): Entry[] => {
    const first = child.blocks.find((block) => block.type === 'paragraph' || block.type === 'list')
    const text = first ? plainText(first).replace(/\s+/g, ' ').trim() : ''
    if (!text || countWords(child.title) > TITLE_WORDS) return []
    return [{ term: child.title.trim(), text, sentences: text.split(/(?<=[.!?。！？])\s*/).filter(Boolean) }]
  })
  // Only subsections in a row: one without a definition breaks the row.
  return entries.length === section.children.length ? nestingOf(entries) : undefined
}

function nestingOf(entries: Entry[]): string[] | undefined {
  if (entries.length < 3) return undefined
  const terms = entries.map((entry) => entry.term)
  if (new Set(terms.map((term) => term.toLowerCase())).size < terms.length) return undefined
  const english = isEnglish(entries.map((entry) => entry.text).join(' '))
  const stated = english ? entries.flatMap((entry) => entry.sentences.flatMap((sentence) => statedIn(sentence, entry.term, terms))) : namedInTurn(entries, terms)
  // Each pair once; a pair stated both ways says nothing sure.
  const edges = stated.filter((edge, i) => stated.findIndex((other) => other.outer === edge.outer && other.inner === edge.inner) === i)
  const clear = edges.filter((edge) => !edges.some((other) => other.outer === edge.inner && other.inner === edge.outer))
  if (clear.length < 2) return undefined
  let best: string[] | undefined
  const extend = (path: string[]): void => {
    if (path.length >= 3 && (!best || path.length > best.length)) best = [...path]
    if (path.length >= MAX_LEVELS) return
    for (const edge of clear) if (edge.outer === path[path.length - 1] && !path.includes(edge.inner)) extend([...path, edge.inner])
  }
  for (const edge of clear) extend([edge.outer, edge.inner])
  return best
}

/** The diagram a definition list states among its terms: their nesting, else the chain they form (terms.ts). */
export function listDiagram(list: List): Diagram | undefined {
  const levels = findNesting(list)
  if (levels) return { kind: 'nested', levels }
  const chain = findTermChain(list)
  return chain ? { kind: 'chain', nodes: chain.nodes, labels: chain.labels } : undefined
}
