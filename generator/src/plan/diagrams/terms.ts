import type { List, ListItem, PhrasingContent } from 'mdast'
import { countWords, plainText } from '../../text.js'
import { isVerb, termsOf } from '../phrase.js'
import type { Chain } from './chain.js'

/**
 * Chains among the terms one list defines: sibling bullets that each open with a bold term
 * ("A **sauce** is …") or a `Term: definition`, whose own text or sub-bullets relate one defined
 * term to another ("The cook makes a sauce from a stock", "The sauce finishes the dish").
 * Relations come from grammar only:
 * - a defined term as the subject, a verb, and another defined term after it: subject → object,
 *   labelled by the words between ("finishes", "is poured over");
 * - "A is a/an … N of B": B → A, labelled by the noun ("revised version");
 * - "… V A … from B": B → A, labelled by the verb's lemma ("make").
 * Note: confidence first. At least three defined terms, each with a definition, and two stated
 * relations linked end to start; a pair stated both ways keeps the direction stated more often
 * (a tie draws neither). A list of bare headings, or of items that do not name each other, gives
 * nothing.
 */

/** Most words of a defined term, and of an edge label. */
const TERM_WORDS = 4
const LABEL_WORDS = 5
const MAX_NODES = 8

interface Edge {
  from: string
  to: string
  label: string
}

/** The term a list item defines and the text of its definition, if it opens with one. */
export function definedTerm(item: ListItem): { term: string; text: string } | undefined {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return undefined
  const kids: PhrasingContent[] = first.children
  const text = plainText(first).trim()
  // "A **sauce** is …" or "**Sauce**: …": bold at the start, after an article at most.
  const lead = kids[0]?.type === 'text' && /^(?:an?|the)\s+$/i.test(kids[0].value) ? 1 : 0
  const strong = kids[lead]
  if (strong?.type === 'strong' && kids.slice(0, lead).every((kid) => kid.type === 'text')) {
    const term = plainText(strong).replace(/[:：]\s*$/, '').trim()
    const rest = kids.slice(lead + 1).map((kid) => plainText(kid)).join('').replace(/^\s*[:：—–-]?\s*/, '').trim()
    return term && countWords(term) <= TERM_WORDS && countWords(rest) >= 2 ? { term, text } : undefined
  }
  // "Sauce: a thickened liquid …".
  const colon = /^([^:：.,;!?]+)[:：]\s+(\S.*)$/su.exec(text)
  if (colon && countWords(colon[1]) <= TERM_WORDS && countWords(colon[2]) >= 2) return { term: colon[1].trim(), text }
  return undefined
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

interface Mention {
  term: string
  start: number
  end: number
}

/** Where a sentence names the defined terms (longest first, a plural "s" allowed), in order. */
function mentionsIn(sentence: string, terms: string[]): Mention[] {
  const found: Mention[] = []
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?:e?s)?(?![\\p{L}\\p{N}])`, 'giu')
    for (const match of sentence.matchAll(pattern)) {
      const start = match.index ?? 0
      const end = start + match[0].length
      if (!found.some((other) => start < other.end && end > other.start)) found.push({ term, start, end })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

const ARTICLE_ONLY = /^\s*(?:(?:the|an?|each|every|specifically|so|then|also)[\s,]+)*$/i
const OF_FRAME = /^\s+(?:is|are)\s+(?:(?:also|always|simply)\s+)?(?:an?|the)\s+([\p{L}-]+(?:\s+[\p{L}-]+){0,2})\s+of\s+(?:the\s+|an?\s+)?$/iu
const FROM_END = /\bfrom\s+(?:the\s+|an?\s+|its\s+|their\s+)?$/i

/** The relation one sentence states between two defined terms, if its grammar is clear. */
function relationIn(sentence: string, terms: string[]): Edge | undefined {
  const mentions = mentionsIn(sentence, terms)
  if (new Set(mentions.map((mention) => mention.term)).size < 2) return undefined
  const words = termsOf(sentence)
  const wordAt = (offset: number): (typeof words)[number] | undefined => words.find((word) => word.start >= offset)
  const [first] = mentions
  const second = mentions.find((mention) => mention.term !== first.term)!
  const between = sentence.slice(first.end, second.start)
  if (/[,;:()]/.test(between)) return undefined
  // The first term is the subject: nothing but an article or a discourse word before it.
  if (ARTICLE_ONLY.test(sentence.slice(0, first.start))) {
    const verb = wordAt(first.end)
    if (!verb || !isVerb(verb) || verb.start >= second.start) return undefined
    const of = OF_FRAME.exec(between)
    if (of) return { from: second.term, to: first.term, label: of[1].toLowerCase() }
    if (verb.tags.has('Copula') || verb.lemma === 'be' || verb.lemma === 'have' || FROM_END.test(between)) return undefined
    const label = between.replace(/\s+(?:the|an?|its|their)\s*$/i, '').trim().toLowerCase()
    return countWords(label) <= LABEL_WORDS ? { from: first.term, to: second.term, label } : undefined
  }
  // "… makes a sauce from a stock": the thing made comes from the source.
  if (!FROM_END.test(between)) return undefined
  const before = words.filter((word) => word.start < first.start)
  const verb = before[before.length - 1]?.tags.has('Determiner') ? before[before.length - 2] : before[before.length - 1]
  if (!verb || !isVerb(verb) || verb.tags.has('Copula') || verb.tags.has('Auxiliary') || verb.lemma === 'be' || verb.lemma === 'have') return undefined
  return { from: second.term, to: first.term, label: verb.lemma }
}

/** The texts that speak of an item's term: its first paragraph and its sub-bullets, one sentence each. */
export function sentencesOf(item: ListItem): string[] {
  const texts = [plainText(item.children[0])]
  for (const child of item.children.slice(1)) {
    if (child.type === 'list') texts.push(...child.children.map((sub) => plainText(sub.children[0] ?? sub)))
  }
  return texts.flatMap((text) => text.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s+/)).filter(Boolean)
}

/** Each pair once, in the direction the list states more often; a tie between directions drops the pair. */
function settle(edges: Edge[]): Edge[] {
  const kept: Edge[] = []
  for (const edge of edges) {
    if (kept.some((other) => (other.from === edge.from && other.to === edge.to) || (other.from === edge.to && other.to === edge.from))) continue
    const forth = edges.filter((other) => other.from === edge.from && other.to === edge.to).length
    const back = edges.filter((other) => other.from === edge.to && other.to === edge.from).length
    if (forth > back) kept.push(edge)
    else if (back > forth) kept.push(edges.find((other) => other.from === edge.to && other.to === edge.from)!)
    else kept.push({ ...edge, label: '\u0000' })
  }
  return kept.filter((edge) => edge.label !== '\u0000')
}

/** The chain the terms of a definition list state among themselves, if at least two relations link three of them. */
export function findTermChain(list: List): Chain | undefined {
  const items = list.children.map((item) => ({ item, defined: definedTerm(item) }))
  const defined = items.filter((entry) => entry.defined)
  const terms = defined.map((entry) => entry.defined!.term)
  if (terms.length < 3 || new Set(terms.map((term) => term.toLowerCase())).size < terms.length) return undefined
  const edges = settle(defined.flatMap((entry) => sentencesOf(entry.item).flatMap((sentence) => relationIn(sentence, terms) ?? [])))
  if (edges.length < 2) return undefined
  // The longest path through the stated relations, each term once.
  let best: Chain | undefined
  const extend = (nodes: string[], labels: string[]): void => {
    if (nodes.length >= 3 && (!best || nodes.length > best.nodes.length)) best = { nodes: [...nodes], labels: [...labels] }
    if (nodes.length >= MAX_NODES) return
    for (const edge of edges) {
      if (edge.from !== nodes[nodes.length - 1] || nodes.includes(edge.to)) continue
      extend([...nodes, edge.to], [...labels, edge.label])
    }
  }
  for (const edge of edges) extend([edge.from, edge.to], [edge.label])
  return best
}
