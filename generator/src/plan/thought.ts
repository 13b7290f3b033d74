import { ADDITIVE_OPENERS, CONSEQUENCE_OPENERS, MODALS, STATEMENT_PRONOUNS, SUBORDINATORS } from '../grammar/en.js'
import { isEnglish, tagSentence } from '../grammar/index.js'
import { isDefining, leaning, opensMembers, pointsBackInside } from './point.js'

// What completes the thought of a sentence: the consequence, warning, turn or members that a
// speaker would say with it (read by grammar and shape, never by the subject's words).

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
const opener = (words: string[]): RegExp => new RegExp(`^\\W*(?:${words.map(escape).join('|')})(?=$|[^\\p{L}])\\s*,?\\s*`, 'iu')

const CONSEQUENCE = opener(CONSEQUENCE_OPENERS)
const ADDITIVE = opener(ADDITIVE_OPENERS)
const STATEMENT = new Set(STATEMENT_PRONOUNS)
const MODAL = new Set(MODALS)

/**
 * Whether a sentence says what the one before leads to: it opens with a conclusion word ("So …",
 * "Therefore, …", "This means …"), or its subject is "this"/"that" standing for the whole
 * statement, right before its verb ("This creates a single point of failure").
 * Note: "So that …" states a purpose, not a consequence.
 */
export function isConsequence(text: string): boolean {
  if (/^\W*so\s+that\b/iu.test(text)) return false
  if (CONSEQUENCE.test(text)) return true
  if (!isEnglish(text)) return false
  const tokens = tagSentence(text).filter((token) => token.pos !== 'PUNCT')
  return STATEMENT.has(tokens[0]?.lower ?? '') && (tokens[1]?.pos === 'VERB' || tokens[1]?.pos === 'AUX')
}

/** Characters of a sentence's consequence opener with its comma ("So " → 3, "Therefore, " → 11), or 0. */
export function consequenceOpenerLength(text: string): number {
  if (/^\W*so\s+that\b/iu.test(text)) return 0
  return CONSEQUENCE.exec(text)?.[0].length ?? 0
}

/** Whether a sentence adds one more member to a list told in sentences ("Additionally, …", "Another …"). */
export function opensAdditive(text: string): boolean {
  return ADDITIVE.test(text)
}

/**
 * Whether a sentence names the first member of a set the sentence before promised ("One such
 * practice is …", "The first step is …"), not a generic "one" ("One can argue …").
 */
export function opensFirstMember(text: string): boolean {
  if (!opensMembers(text) || !isEnglish(text)) return false
  const tokens = tagSentence(text).filter((token) => token.pos !== 'PUNCT')
  const second = tokens[1]
  return !!second && !MODAL.has(second.lower) && second.pos !== 'VERB' && second.pos !== 'AUX'
}

/**
 * Whether a sentence goes on about the one before without a subject of its own there: a pronoun
 * or "this"/"these" subject, a turn, a "these + noun" inside, or a "this"/"it" standing as a
 * subject after an opening phrase ("For newcomers, this can seem …").
 */
export function leansBack(text: string): boolean {
  if (leaning(text) !== 'none' || pointsBackInside(text)) return true
  if (!isEnglish(text)) return false
  return tagSentence(text).some((token) => (token.lower === 'this' || token.lower === 'it') && token.pos === 'PRON')
}

/** The subject of a defining sentence ("Mitosis is …" → "mitosis"), or undefined. */
function definedSubject(text: string): string | undefined {
  const match = /^\W*([^,;:]{1,60}?)\s(?:is|are|means|refers to|describes|denotes)\s/iu.exec(text)
  if (!match || !isDefining(text) || SUBORDINATE.test(match[1])) return undefined
  return match[1].toLowerCase().replace(/^(?:the|a|an)\s+/u, '')
}

/** A subject that opens with a clause word ("While A and B are …") is a subordinate clause's, not the sentence's. */
const SUBORDINATE = opener(SUBORDINATORS)

/** Most words of a subject that makes two sentences a pair of parallel statements. */
const PAIR_SUBJECT_WORDS = 4

/**
 * Whether two sentences side by side are the two halves of a pair: each says what its own
 * subject is ("Mitosis is a division …" / "Meiosis is a division …"), the subjects differ and
 * neither stands for something said before ("It is …", "This is …").
 * Note: a slide that shows one half of a contrast shows the other.
 */
export function isParallelPair(first: string, second: string): boolean {
  if (leaning(first) !== 'none' || leaning(second) !== 'none') return false
  const a = definedSubject(first)
  const b = definedSubject(second)
  if (!a || !b || a === b || /^(?:there|here|it|this|that|these|those|they)\b/u.test(a) || /^(?:there|here|it|this|that|these|those|they)\b/u.test(b)) return false
  return a.split(/\s+/u).length <= PAIR_SUBJECT_WORDS && b.split(/\s+/u).length <= PAIR_SUBJECT_WORDS
}
