import { ASIDES, DERIVATION_SUFFIXES, PRONOUNS, alternation } from '../grammar/en.js'
import { wordsOf, type Word } from '../grammar/words.js'
import { Memo } from '../memo.js'

/**
 * Grammar for structure detection, from wink-nlp's part-of-speech tags and lemmas (grammar/words.ts):
 * noun phrases, the subject that opens a clause, lemmas and head nouns. Used to find what a note
 * compares and what a chain links, without knowing the subject.
 * Note: tagging is the slow part; each text is parsed once, and slide text shares the parse.
 */
export type Term = Word

const cache = new Memo<string, Term[]>(5000)

/** The words of a text with their tags and lemmas. */
export function termsOf(text: string): Term[] {
  return cache.get(text, wordsOf)
}

const NOUNISH = ['Noun', 'Acronym', 'ProperNoun', 'Value', 'Adjective', 'Determiner', 'Possessive', 'Gerund', 'Hyphenated']
const CONTENT = ['Noun', 'Verb', 'Adjective', 'Adverb', 'Value', 'Acronym', 'ProperNoun', 'Hyphenated', 'Negative']
const FUNCTION = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'QuestionWord', 'Copula', 'Modal', 'Auxiliary']

/** A noun, or a word in capitals that the tagger took for a numeral ("CLI", "GDP"). */
export const isNoun = (term: Term): boolean =>
  (term.tags.has('Noun') || term.tags.has('Acronym') || /^[A-Z][A-Z0-9]+s?$/.test(term.text)) && !term.tags.has('Pronoun')
export const isVerb = (term: Term): boolean => term.tags.has('Verb') || term.tags.has('Copula') || term.tags.has('Modal') || term.tags.has('Auxiliary')
const PRONOUN_SET = new Set(PRONOUNS)
const ASIDE = new RegExp(`,\\s*(?:${alternation(ASIDES)})\\s*,`, 'i')

/** True when a phrase is a short noun phrase: one to `maxWords` words ending in a noun, no verb. */
export function isNounPhrase(text: string, maxWords = 5): boolean {
  const clean = text.trim()
  if (nounPhraseTerms(termsOf(clean), maxWords)) return true
  // Alone, "Stocks" or "Weather" may read as verbs; after an article they are nouns.
  return !/^(?:the|a|an)\s/i.test(clean) && nounPhraseTerms(termsOf(`the ${clean}`).slice(1), maxWords)
}

function nounPhraseTerms(terms: Term[], maxWords: number): boolean {
  if (!terms.length || terms.length > maxWords) return false
  if (terms.length === 1 && PRONOUN_SET.has(terms[0].lemma)) return false
  if (terms.some((term) => isVerb(term) && !term.tags.has('Gerund') && !term.tags.has('Participle') && !term.tags.has('Noun'))) return false
  return isNoun(terms[terms.length - 1]) || terms[terms.length - 1].tags.has('Plural')
}

/**
 * Split a clause into the noun phrase that is its subject and the rest (from the verb on):
 * "Eukaryotic cells keep their DNA in a nucleus" → "Eukaryotic cells" + "keep their DNA …".
 * Asides such as ", by contrast," are skipped. Undefined when the clause does not open with a
 * short noun phrase followed by a verb.
 */
export function splitSubject(clause: string, maxWords = 5): { subject: string; rest: string } | undefined {
  const text = subjectClause(clause)
  const terms = termsOf(text)
  let i = 0
  while (i < terms.length && i <= maxWords && !isVerb(terms[i])) {
    // "The colour of a ripe fruit": one "of" may join two noun phrases inside the subject.
    const joins = i > 0 && terms[i].text.toLowerCase() === 'of' && isNoun(terms[i - 1])
    if (!joins && !NOUNISH.some((tag) => terms[i].tags.has(tag)) && !isNoun(terms[i])) return undefined
    if (i > 0 && /[,;:]/.test(terms[i - 1].post)) return undefined
    i++
  }
  // An adverb just before the verb belongs to the predicate ("Plants usually grow …").
  let start = i
  while (start > 0 && terms[start - 1].tags.has('Adverb')) start--
  if (i === 0 || i >= terms.length || start > maxWords || start === 0) return undefined
  const subjectTerms = terms.slice(0, start)
  if (!subjectTerms.some(isNoun) || !isNoun(subjectTerms[subjectTerms.length - 1])) {
    // A plural adjective-tagged head ("Prokaryotes") still counts when the tagger calls it plural.
    if (!subjectTerms[subjectTerms.length - 1].tags.has('Plural')) return undefined
  }
  if (subjectTerms.length === 1 && PRONOUN_SET.has(subjectTerms[0].lemma)) return undefined
  // Slice the text itself: the tagger splits "non-native" in two, white space does not.
  const cut = terms[start].start - terms[start].pre.length
  const subject = text.slice(0, cut).trim().replace(/[,;:]+$/, '')
  const rest = text.slice(cut).trim()
  if (!rest) return undefined
  return { subject: tidySubject(subject), rest }
}

/** The text `splitSubject` tags for a clause: asides such as ", by contrast," left out. */
export function subjectClause(clause: string): string {
  return clause.replace(ASIDE, '').trim()
}

/** A subject as a table column shows it: no article, first letter capitalised. */
export function tidySubject(phrase: string): string {
  const clean = phrase.trim().replace(/^(?:the|a|an)\s+/i, '').replace(/[,;:.]+$/, '').replace(/[*_`]/g, '')
  return clean.charAt(0).toUpperCase() + clean.slice(1)
}

/** The content words of a phrase as lemmas, in order: "Main supply shifters" → main, supply, shifter. */
export function contentLemmas(text: string): string[] {
  return termsOf(text)
    .filter((term) => CONTENT.some((tag) => term.tags.has(tag)) && !FUNCTION.some((tag) => term.tags.has(tag)))
    .map((term) => term.lemma.replace(/[^\p{L}\p{N}-]+/gu, ''))
    .filter(Boolean)
}

/** The head noun of a phrase (its last noun) as a lemma; the last content word if it has no noun. */
export function headNoun(text: string): string | undefined {
  const terms = termsOf(text)
  const nouns = terms.filter(isNoun)
  const head = nouns[nouns.length - 1] ?? terms.filter((term) => CONTENT.some((tag) => term.tags.has(tag))).pop()
  return head?.lemma.replace(/[^\p{L}\p{N}-]+/gu, '') || undefined
}

/**
 * Two phrases name the same thing or aspect: the same content lemmas, or one's lemmas inside the
 * other's including its head noun ("Use case" ≈ "Typical use cases", "Cell" ≈ "Eukaryotic cell").
 */
export function samePhrase(a: string, b: string): boolean {
  // "Non-REM sleep" is never "REM sleep": a negation on one side only tells them apart.
  const negated = (text: string): boolean => termsOf(text).some((term) => term.tags.has('Negative'))
  if (negated(a) !== negated(b)) return false
  const ka = new Set(contentLemmas(a).map(baseWord))
  const kb = new Set(contentLemmas(b).map(baseWord))
  if (!ka.size || !kb.size) return a.trim().toLowerCase() === b.trim().toLowerCase()
  const [small, large, largeText] = ka.size <= kb.size ? [ka, kb, b] : [kb, ka, a]
  if (![...small].every((word) => large.has(word))) return false
  if (small.size === large.size) return true
  const head = headNoun(largeText)
  return head !== undefined && small.has(baseWord(head))
}

/** The verb lemmas of a text ("starts in seconds" → start). */
export function verbLemmas(text: string): string[] {
  return termsOf(text)
    .filter((term) => term.tags.has('Verb') && !term.tags.has('Copula') && !term.tags.has('Auxiliary') && !term.tags.has('Modal'))
    .map((term) => term.lemma)
}

/** Terms as the note wrote them, keeping brackets around a parenthesis: "loop of Henle (nephron loop)". */
export function phraseText(terms: Term[]): string {
  let depth = 0
  const words = terms.map((term) => {
    const open = term.pre.includes('(') ? '(' : ''
    const close = term.post.includes(')') && (depth > 0 || open) ? ')' : ''
    depth += open ? 1 : 0
    depth -= close ? 1 : 0
    return `${open}${term.text}${close}`
  })
  return words.join(' ') + ')'.repeat(Math.max(0, depth))
}

const DERIVED = new RegExp(`^(.{4,}?)(?:${alternation(DERIVATION_SUFFIXES)})$`)

/** A word without a derivational ending, so that "sleeper" and "sleep" compare equal. */
function baseWord(word: string): string {
  return DERIVED.exec(word)?.[1] ?? word
}
