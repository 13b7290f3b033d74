import type { Run } from '../types.js'
import { sentences } from '../text.js'
import { NUMBER_WORDS } from '../grammar/en.js'
import { termsOf } from './phrase.js'

/** Longest last sentence of a lead-in that is read for a count. */
const LEAD_CHARS = 300

/**
 * The name of a definitions table's first column from the lead-in before it, when the lead-in
 * counts what follows: "There were two alliances in Europe." before two `Name: members` lines →
 * "Alliance". Undefined when the lead-in counts nothing or another number.
 * Note: the count must match the entries; a number that counts something else names nothing.
 */
export function countedNoun(lead: string, count: number): string | undefined {
  const last = sentences(lead.replace(/\s+/g, ' ').trim()).pop() ?? ''
  // A lead-in is one short sentence; a long one is not tagged.
  if (last.length > LEAD_CHARS) return undefined
  const terms = termsOf(last)
  for (let i = 0; i < terms.length; i++) {
    const word = terms[i].text.toLowerCase().replace(/[^\p{L}\p{N}]+$/u, '')
    if ((NUMBER_WORDS[word] ?? Number(word)) !== count) continue
    // The plural noun right after the number, adjectives between allowed: "two rival alliances".
    let j = i + 1
    while (j < terms.length && terms[j].tags.has('Adjective') && j - i <= 2) j++
    const noun = terms[j]
    if (!noun || !noun.tags.has('Plural') || !noun.tags.has('Noun') || noun.lemma.toLowerCase() === word) continue
    // The singular as the note spells it ("offences" → "offence", not the tagger's "offense").
    const written = noun.text.replace(/[^\p{L}\p{N}-]+/gu, '')
    const lemma = noun.lemma.toLowerCase()
    const name = written.toLowerCase().startsWith(lemma) ? written.slice(0, lemma.length) : lemma.endsWith('y') && /ies$/i.test(written) ? lemma : written.replace(/s$/i, '')
    return name ? name.charAt(0).toUpperCase() + name.slice(1) : undefined
  }
  return undefined
}

/** A definitions header whose first column the lead-in names (see countedNoun), else `header` as given. */
export function ledHeader(header: [Run[], Run[]], lead: string | undefined, count: number): [Run[], Run[]] {
  const name = lead ? countedNoun(lead, count) : undefined
  return name ? [[{ text: name }], header[1]] : header
}
