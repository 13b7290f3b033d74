import type { Paragraph } from 'mdast'
import { codeMarkedText, countWords, sentences } from '../../text.js'
import { SEQUENCE_LAST, SEQUENCE_NEXT, alternation } from '../../grammar/en.js'
import { isVerb, termsOf } from '../phrase.js'

/**
 * Steps told in one sentence as a series of commands: "To repot a plant, water it, lift it out and
 * then loosen the roots." Three or more verb phrases joined by commas, the last one after a
 * sequence word ("then", "finally"); each must open with its verb (a command has no subject).
 * Sentences right after it that open with a sequence word go on with the steps ("Then …").
 * Note: confidence first. A part that opens with a subject, an article or a preposition, or one
 * too long for a node, gives no diagram: a list of things ("the roots, the soil and then the pot")
 * is no process.
 */
export interface Series {
  /** What the steps are for, as the sentence opens ("To repot a plant"), if it says. */
  purpose?: string
  steps: string[]
  /** The steps are all the text says: every sentence of it went into them. */
  whole: boolean
}

/** Most words a step of a series keeps, and most steps. */
const PART_WORDS = 14
const MAX_STEPS = 8

const MARKERS = alternation([...SEQUENCE_NEXT, ...SEQUENCE_LAST])
/** What joins two steps: a comma, "and then", or a sequence word; the mark says whether a sequence word was there. */
const JOIN = new RegExp(`\\s*,\\s*(?:and\\s+)?(?:(?:${MARKERS})\\b,?\\s*)?|\\s+and\\s+(?:${MARKERS})\\b,?\\s*|\\s+(?:${MARKERS})\\b,?\\s+`, 'giu')
const MARKER = new RegExp(`(?:^|\\s)(?:${MARKERS})\\b`, 'iu')
const OPENING = new RegExp(`^(?:${MARKERS})\\b,?\\s*`, 'iu')
/** "To repot a plant, …" or "To repot:" before the commands. */
const PURPOSE = /^(to\s+[^,:;]{3,80}?)\s*[,:]\s+(.+)$/iu

/** Whether a phrase opens with its verb, as a command does: a verb, or a word and then its object ("Soak the beans"). */
export function commands(part: string): boolean {
  // A command in code, then its object or nothing ("`make install`", "`chmod` the key").
  const code = /^`[^`]+`\s*/.exec(part)
  if (code) {
    const rest = part.slice(code[0].length)
    // (or what it is for: "`make` to build the site")
    if (/^to\s+\p{L}/iu.test(rest)) return true
    const next = termsOf(rest)[0]
    return !next || next.tags.has('Determiner') || next.tags.has('Pronoun')
  }
  const terms = termsOf(part)
  const [first, second] = terms
  if (!first || ['Determiner', 'Pronoun', 'Preposition', 'Conjunction', 'Adjective', 'Adverb', 'Possessive', 'ProperNoun', 'Value'].some((tag) => first.tags.has(tag))) return false
  if (isVerb(first) && (first.tags.has('Infinitive') || first.tags.has('Imperative'))) return true
  return Boolean(second && (second.tags.has('Determiner') || second.tags.has('Pronoun')) && !/[A-Z]/.test(first.text.slice(1)))
}

/** A step as the node shows it: the phrase as written, capitalised, without its closing mark. */
function stepOf(part: string): string {
  const text = part.trim().replace(/[\s.;:!]+$/, '')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The series of commands a paragraph states, if any: its text with inline code marked, so a command in code counts as one. */
export function findSeriesIn(paragraph: Paragraph): Series | undefined {
  return findSeries(codeMarkedText(paragraph.children))
}

/** The series of commands a text states, if any (see the module's note). */
export function findSeries(text: string): Series | undefined {
  const all = sentences(text.replace(/\s+/g, ' ').trim())
  for (const [k, sentence] of all.entries()) {
    // Math stays out of nodes; inline code may name a step's command ("then `git add` the file").
    if (/[$\\]/.test(sentence) || !MARKER.test(sentence)) continue
    const purposed = PURPOSE.exec(sentence.replace(/[.!]+$/, ''))
    const body = purposed ? purposed[2] : sentence.replace(/[.!]+$/, '')
    const joins = [...body.matchAll(JOIN)]
    if (joins.length < 2) continue
    const parts: string[] = []
    let from = 0
    for (const join of joins) {
      parts.push(body.slice(from, join.index))
      from = (join.index ?? 0) + join[0].length
    }
    parts.push(body.slice(from))
    // The last step comes after a sequence word: that word is what says the parts are in order.
    if (!MARKER.test(` ${joins[joins.length - 1][0].trim()}`)) continue
    if (parts.some((part) => !part.trim() || countWords(part) > PART_WORDS || !commands(part.trim()))) continue
    const steps = parts.map(stepOf)
    // Sentences that go on with a sequence word add their steps.
    let end = k + 1
    for (const next of all.slice(k + 1)) {
      const rest = next.replace(OPENING, '')
      if (rest === next || /[$\\]/.test(next) || countWords(rest) > PART_WORDS || !commands(rest)) break
      steps.push(stepOf(rest))
      end++
    }
    if (steps.length > MAX_STEPS || new Set(steps.map((step) => step.toLowerCase())).size < steps.length) continue
    return { ...(purposed ? { purpose: stepOf(purposed[1]) } : {}), steps, whole: k === 0 && end === all.length }
  }
  return undefined
}
