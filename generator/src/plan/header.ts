import type { Run } from '../types.js'
import { runsText, sentences } from '../text.js'
import { NUMBER_WORDS, LEAD_QUANTIFIERS } from '../grammar/en.js'
import { isNounPhrase, isVerb, splitSubject, termsOf, type Term } from './phrase.js'

/** Longest last sentence of a lead-in that is read for a count. */
const LEAD_CHARS = 300

/** The second column when the cells are lists of names ("Great Britain; France; Russia"). */
export const LIST_HEADER = 'Includes'
/** The second column when the cells are whole statements, not short definitions. */
export const STATEMENT_HEADER = 'Details'

/** The singular of a plural noun as the note spells it ("offences" → "offence", not the tagger's "offense"). */
function singular(noun: Term): string {
  const written = noun.text.replace(/[^\p{L}\p{N}-]+/gu, '')
  const lemma = noun.lemma.toLowerCase()
  const name = written.toLowerCase().startsWith(lemma) ? written.slice(0, lemma.length) : lemma.endsWith('y') && /ies$/i.test(written) ? lemma : written.replace(/s$/i, '')
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : ''
}

/** The plural noun at `j` or after up to two adjectives from it ("two rival alliances"); undefined if none. */
function pluralAfter(terms: Term[], j: number, word: string): Term | undefined {
  const from = j
  while (j < terms.length && terms[j].tags.has('Adjective') && j - from < 2) j++
  const noun = terms[j]
  if (!noun || !noun.tags.has('Plural') || !noun.tags.has('Noun') || noun.lemma.toLowerCase() === word) return undefined
  return noun
}

/**
 * The name of a definitions table's first column from the lead-in before it, when the lead-in
 * counts what follows: "There were two alliances in Europe." before two `Name: members` lines →
 * "Alliance". A lead-in that ends in ":" may count without a number ("a few methods for …:",
 * "several stages:"). Undefined when the lead-in counts nothing or another number.
 * Note: the count must match the entries; a number that counts something else names nothing.
 */
export function countedNoun(lead: string, count: number): string | undefined {
  const flat = lead.replace(/\s+/g, ' ').trim()
  const last = sentences(flat).pop() ?? ''
  // A lead-in is one short sentence; a long one is not tagged.
  if (last.length > LEAD_CHARS) return undefined
  const terms = termsOf(last)
  const opens = /:\s*$/.test(flat)
  for (let i = 0; i < terms.length; i++) {
    const word = terms[i].text.toLowerCase().replace(/[^\p{L}\p{N}]+$/u, '')
    const counted = (NUMBER_WORDS[word] ?? Number(word)) === count
    // "a few", "several": one or two words that count loosely, only before a list the lead-in opens.
    const loose = opens && LEAD_QUANTIFIERS.find((q) => q.split(' ').every((part, k) => terms[i + k]?.text.toLowerCase() === part))
    if (!counted && !loose) continue
    const noun = pluralAfter(terms, i + (loose ? loose.split(' ').length : 1), word)
    if (noun) return singular(noun) || undefined
  }
  return undefined
}

/**
 * A cell that lists names: short parts split by ";" (two or more) or "," (three or more: "A, b"
 * is more often a name and its gloss), none with a verb.
 */
function isNameList(text: string): boolean {
  const clean = text.replace(/[.]+$/, '')
  const parts = clean.split(clean.includes(';') ? /\s*;\s*/ : /\s*,\s*/).filter(Boolean)
  return parts.length >= (clean.includes(';') ? 2 : 3) && !termsOf(text).some(isVerb) && parts.every((part) => part.split(/\s+/).length <= 4 && !termsOf(part).some(isVerb))
}

/** A cell that states something of its own subject ("humans exhibit …") rather than defining the term. */
function isStatement(text: string): boolean {
  const first = sentences(text.replace(/\s+/g, ' ').trim())[0] ?? ''
  // "From around ten, children …": the clause after an opening phrase counts too.
  // Not after a noun phrase: "electro-oculo-gram, measures eye movements" names, then defines.
  const parts = first.split(/,\s+/)
  const clauses = isNounPhrase(parts[0], 6) ? [first] : [first, ...parts.slice(1)]
  return clauses.some((clause) => {
    if (!splitSubject(clause, 5)) return false
    // The verb as tagged in its clause: a finite one, and not "is a …" (that defines).
    const terms = termsOf(clause)
    const at = terms.findIndex(isVerb)
    const verb = terms[at]
    if (!verb || verb.tags.has('Gerund') || verb.tags.has('Participle')) return false
    return !(verb.tags.has('Copula') && terms[at + 1]?.tags.has('Determiner'))
  })
}

/**
 * A definitions header that tells what its columns hold: the first column named by a lead-in
 * that counts the entries (see countedNoun), the second "In short" only over short definitions.
 * Over lists of names it says "Includes", over whole statements "Details".
 * Note: a header that claims short definitions over member lists misleads the reader.
 */
export function ledHeader(header: [Run[], Run[]], lead: string | undefined, explanations: Run[][]): [Run[], Run[]] {
  const name = lead ? countedNoun(lead, explanations.length) : undefined
  const texts = explanations.map(runsText)
  const most = (test: (text: string) => boolean): boolean => texts.filter(test).length * 2 > texts.length
  const second = most(isNameList) ? [{ text: LIST_HEADER }] : most(isStatement) ? [{ text: STATEMENT_HEADER }] : header[1]
  return [name ? [{ text: name }] : header[0], second]
}
