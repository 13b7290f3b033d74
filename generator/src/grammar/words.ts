import { CLAUSE_SUBORDINATORS, COPULA_LEMMAS, MODALS, NEGATIONS, NEGATION_OPENERS, RELATIVES, SUBORDINATORS } from './en.js'
import { tagSentence, type Token } from './index.js'

/**
 * A word of a text as structure detection reads it: punctuation folded into `pre`/`post`, a
 * contraction ("don't", "cell's") kept as one word, and tags named as phrase rules need them
 * (Noun, Plural, ProperNoun, Acronym, Verb, Copula, Modal, Auxiliary, Gerund, Participle,
 * PastTense, PresentTense, Infinitive, Adjective, Adverb, Negative, Preposition, Conjunction,
 * Determiner, Pronoun, Possessive, Value, Hyphenated, Particle).
 */
export interface Word {
  text: string
  /** Lower-case lemma ("cells" → "cell", "slopes" → "slope"). */
  lemma: string
  tags: Set<string>
  /** Punctuation before the word ("(") and punctuation and space after it (", "). */
  pre: string
  post: string
  /** Where the word starts in the text, in characters. */
  start: number
}

const MODAL = new Set(MODALS)
const COPULA = new Set(COPULA_LEMMAS)
const NEGATION = new Set(NEGATIONS)
const RELATIVE = new Set(RELATIVES)
const SUBORDINATOR = new Set([...SUBORDINATORS, ...CLAUSE_SUBORDINATORS].filter((word) => !word.includes(' ')))
const NEGATED_PREFIX = new RegExp(`^(?:${NEGATION_OPENERS.join('|')})-\\p{L}`, 'u')
const WORDLESS = /^[^\p{L}\p{N}]+$/u
const JOINER = /^[-_‐‑]$/
const CLITIC = /^(?:'|’|n't|n’t)/i
const TITLE = /^\p{Lu}[\p{Ll}'’-]*$/u
const ACRONYM = /^[A-Z][A-Z0-9]+s?$/

/**
 * The words of an English text with tags and lemmas, from wink-nlp's universal POS tags (one
 * parse per text, shared with slide text through `tagSentence`) and a few rules on word shape
 * and neighbours that mend the tagger's usual misreadings.
 */
export function wordsOf(text: string): Word[] {
  const tokens = tagSentence(text)
  const groups = groupTokens(tokens)
  // Each word's main token, found once (the rules below look at neighbours many times over).
  const heads = groups.map(head)
  const mended = mendedPos(groups, heads, text)
  const words: Word[] = []
  groups.forEach((group, index) => {
    const tags = tagsOf(group, index, heads, mended)
    const word = text.slice(group[0].start, group[group.length - 1].end)
    const joined = group.some((token) => JOINER.test(token.text))
    const lemma = joined ? word.toLowerCase() : lemmaOf(heads[index], tags)
    // A noun whose lemma differs from its form is plural ("cells", "data"); a possessive is not.
    const lower = joined ? word.toLowerCase() : heads[index].lower
    if (tags.has('Noun')) tags.add(lemma !== lower && !/(?:ing|ss|us|is)$/.test(lower) ? 'Plural' : 'Singular')
    words.push({ text: word, lemma, tags, pre: '', post: '', start: group[0].start })
  })
  // What lies between two words is the first one's `post`, except marks glued to the next word ("(e.g.").
  words.forEach((word, i) => {
    const from = i === 0 ? 0 : words[i - 1].start + words[i - 1].text.length
    const gap = text.slice(from, word.start)
    const space = gap.search(/\s\S*$/)
    const pre = i === 0 ? gap.trimStart() : space >= 0 ? gap.slice(space + 1) : ''
    word.pre = pre
    if (i > 0) words[i - 1].post = gap.slice(0, gap.length - pre.length)
  })
  if (words.length) {
    const last = words[words.length - 1]
    last.post = text.slice(last.start + last.text.length)
  }
  return words
}

/** Tokens grouped into words: punctuation dropped, clitics and glued symbols ("5%", "$20") joined to their word. */
function groupTokens(tokens: Token[]): Token[][] {
  const groups: Token[][] = []
  let glueNext = false
  for (const [i, token] of tokens.entries()) {
    const previous = groups[groups.length - 1]
    const next = tokens[i + 1]
    const touching = previous !== undefined && previous[previous.length - 1].end === token.start
    // "ROW_NUMBER", "Key-value": an underscore or hyphen between two words joins them into one.
    const joiner = JOINER.test(token.text) && touching && next !== undefined && next.start === token.end && next.pos !== 'PUNCT'
    if (joiner) {
      previous.push(token)
      glueNext = true
      continue
    }
    if (token.pos === 'PUNCT') {
      glueNext = false
      continue
    }
    // Tokens with no space between them are one word, as the note wrote it ("2CO", "don't", "5%").
    if (previous && touching && (glueNext || CLITIC.test(token.text) || previous[previous.length - 1].pos !== 'PUNCT')) {
      previous.push(token)
      glueNext = false
      continue
    }
    if (token.pos === 'SYM' && WORDLESS.test(token.text) && next && next.start === token.end && next.pos !== 'PUNCT') {
      groups.push([token])
      glueNext = true
      continue
    }
    groups.push([token])
    glueNext = false
  }
  return groups
}

/** The main token of a group: its first with a letter ("CO" of "2CO"), else its first with a digit ("20" of "$20"). */
const head = (group: Token[]): Token => {
  // A compound's last part is its head: "behavior-based" is what "based" is.
  const parts = group.some((token) => /^[-‐‑]$/.test(token.text)) ? [...group].reverse() : group
  return parts.find((token) => /\p{L}/u.test(token.text)) ?? group.find((token) => !WORDLESS.test(token.text)) ?? group[0]
}

/**
 * The universal POS of each word, with the tagger's usual misreadings mended from the words around
 * it (left to right, so a mended verb counts as the clause's verb for the words after it).
 */
function mendedPos(groups: Token[][], heads: Token[], text: string): string[] {
  const out: string[] = []
  // A comma, colon or semicolon before a word starts a new clause for these rules.
  const breaks = groups.map((group, index) => index > 0 && /[,;:]/.test(text.slice(groups[index - 1][groups[index - 1].length - 1].end, group[0].start)))
  groups.forEach((group, index) => {
    const token = heads[index]
    const before = index > 0 ? { ...heads[index - 1], pos: out[index - 1] } : undefined
    const after = heads[index + 1]
    const later = heads[index + 2]
    const hasVerb = out.slice(clauseStart(heads, out, breaks, index), index).some((pos) => pos === 'VERB' || pos === 'AUX')
    const nounBefore = before !== undefined && /^(?:NOUN|PROPN)$/.test(before.pos)
    let pos = token.pos
    const compound = group.some((t) => /^[-‐‑]$/.test(t.text))
    // "behavior-based", "fast-growing": a compound that ends in a verb form is a modifier.
    if (compound && pos === 'VERB') pos = 'ADJ'
    // "Elastic Compute Cloud": a capitalised word between two capitalised nouns is part of a name.
    const capital = (t: Token | undefined, p: string | undefined): boolean => t !== undefined && /^(?:NOUN|PROPN)$/.test(p ?? '') && /^\p{Lu}/u.test(t.text)
    if (index > 0 && /^(?:VERB|ADJ)$/.test(pos) && /^\p{Lu}/u.test(token.text) && capital(before, before?.pos) && capital(after, after?.pos)) pos = 'PROPN'
    // "(most) birds", "only cells": an adverb right before a noun modifies it, as an adjective does.
    if (pos === 'ADV' && after && /^(?:NOUN|PROPN)$/.test(after.pos)) pos = 'ADJ'
    // Sentence-initial capitals: the tagger reads "Cells" or "Prices" as a name.
    if (pos === 'PROPN' && index === 0 && TITLE.test(token.text)) pos = 'NOUN'
    if (pos === 'NOUN' && !hasVerb && before && !breaks[index]) {
      // "…, which powers the cell": after a relative word comes a verb, not a noun.
      if (RELATIVE.has(before.lower) && after && /^(?:DET|PRON|NUM|ADJ|NOUN|PROPN)$/.test(after.pos)) pos = 'VERB'
      // "Prokaryotes lack a nucleus", "Each merge triggers a build": a noun between a noun phrase and an article is the verb.
      else if ((nounBefore || (before.pos === 'ADJ' && inNounPhrase(out, index))) && after?.pos === 'DET' && !RELATIVE.has(after.lower)) {
        pos = 'VERB'
        if (before.pos === 'ADJ' && heads[index - 1].pos !== 'ADJ') out[index - 1] = 'NOUN'
      }
      // "Glaciers move slowly", "Plant cells store starch": a plural subject, then a base form, is subject and verb.
      else if (nounBefore && isPlural(before) && !isPlural(token) && !/^(?:VERB|AUX)$/.test(after?.pos ?? '') && framedPos('they', token.lower) === 'VERB') pos = 'VERB'
      // "The mill ships flour", "the number of paths increases": a subject, then an -s form the model reads as a verb, is subject and verb
      // (not after a compound modifier: "fixed-term contracts").
      else if (nounBefore && !groups[index - 1].some((t) => JOINER.test(t.text)) && isPlural(token) && /s$/.test(token.lower) && (!after || /^(?:DET|ADJ|NUM|PRON|NOUN|PROPN|ADP|ADV)$/.test(after.pos)) && !/^(?:VERB|AUX)$/.test(later?.pos ?? '') && framedPos('it', token.lower) === 'VERB') pos = 'VERB'
    }
    // "a resting patient", "a fast pulse": after an article come modifiers and a noun, never a verb or an adverb.
    const modified = before && (before.pos === 'DET' || (before.pos === 'ADJ' && inNounPhrase(out, index))) && !RELATIVE.has(before.lower)
    // A participle there is a modifier ("an automated build"); a base or -s form is a noun ("each merge").
    if (modified && pos === 'VERB') pos = /(?:ed|en|ing)$/.test(token.lower) && after && /^(?:NOUN|PROPN|ADJ|VERB)$/.test(after.pos) ? 'ADJ' : 'NOUN'
    if (modified && pos === 'ADV' && after && /^(?:NOUN|PROPN|VERB|ADJ)$/.test(after.pos)) pos = 'ADJ'
    // "Living things have", "Shared resources imply": a participle opening a subject before its verb is a modifier.
    if (index === 0 && pos === 'VERB' && /(?:ed|ing)$/.test(token.lower) && after && /^(?:NOUN|PROPN)$/.test(after.pos) && later && /^(?:VERB|AUX)$/.test(later.pos)) pos = 'ADJ'
    // "In turn": a base form right after a preposition (not "to") is a noun.
    if (pos === 'VERB' && before?.pos === 'ADP' && token.lemma === token.lower && !/ing$/.test(token.lower)) pos = 'NOUN'
    // "will be damp": a base form right after "be" is an adjective (only participles follow "be").
    if (pos === 'VERB' && before?.pos === 'AUX' && COPULA.has(before.lemma) && token.lemma === token.lower && !/(?:ing|ed|en)$/.test(token.lower)) pos = 'ADJ'
    // "because stomata open at night": an adjective right after a noun, with no verb in its clause, is the verb.
    if (pos === 'ADJ' && nounBefore && !hasVerb && (!after || /^(?:ADP|DET|PART|ADV|PUNCT)$/.test(after.pos))) pos = 'VERB'
    // "towards the light,": an adjective after an article with no noun after it is the noun.
    if (pos === 'ADJ' && before?.pos === 'DET' && (!after || /^(?:PUNCT|ADP|AUX|CCONJ|SCONJ|PART)$/.test(after.pos))) pos = 'NOUN'
    // "is oxidized into": a past participle after "be" and before a preposition is a passive verb.
    if (pos === 'ADJ' && before?.pos === 'AUX' && COPULA.has(before.lemma) && after?.pos === 'ADP' && /(?:ed|en)$/.test(token.lower)) pos = 'VERB'
    out.push(pos)
  })
  return out
}

/** Whether the words just before `index` are an article and its modifiers ("a fast …"). */
function inNounPhrase(pos: string[], index: number): boolean {
  let i = index - 1
  while (i >= 0 && pos[i] === 'ADJ') i--
  return i >= 0 && pos[i] === 'DET'
}

/** Where the clause holding word `index` starts: after the last conjunction or clause word before it. */
function clauseStart(heads: Token[], pos: string[], breaks: boolean[], index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    if (breaks[i + 1]) return i + 1
    if (pos[i] === 'SCONJ' || pos[i] === 'CCONJ' || SUBORDINATOR.has(heads[i].lower)) return i + 1
  }
  return 0
}

/** Whether a noun is plural: its lemma is not its form ("cells" → "cell"), and it is not "-ss", "-us", "-is". */
function isPlural(token: Token & { pos: string }): boolean {
  if (/(?:ing|ss|us|is)$/.test(token.lower)) return false
  const lemma = token.pos === 'NOUN' && token.lemma !== token.lower ? token.lemma : (framedLemma('the', token.lower, 'NOUN') ?? nounLemma(token.lower))
  return lemma !== token.lower
}

function tagsOf(group: Token[], index: number, heads: Token[], mended: string[]): Set<string> {
  const token = heads[index]
  // The mended parts of speech of the words around it (undefined at the ends).
  const before: string | undefined = mended[index - 1]
  const after: string | undefined = mended[index + 1]
  const text = group.map((t) => t.text).join('')
  const tags = new Set<string>()
  const pos = mended[index]
  switch (pos) {
    case 'NOUN':
    case 'PROPN': {
      tags.add('Noun')
      if (pos === 'PROPN') tags.add('ProperNoun')
      if (ACRONYM.test(token.text)) tags.add('Acronym')
      break
    }
    case 'VERB':
      tags.add('Verb')
      verbForm(token, before, after, token.pos === 'VERB' ? token.lemma : baseVerb(token.lower)).forEach((tag) => tags.add(tag))
      break
    case 'AUX':
      tags.add('Verb')
      if (COPULA.has(token.lemma)) tags.add('Copula')
      else if (MODAL.has(token.lower) || MODAL.has(token.lemma)) tags.add('Modal')
      // "Cells have a nucleus": "have" or "do" with no verb after it is the main verb.
      else if (after !== undefined && /^(?:VERB|AUX|PART|ADV)$/.test(after)) tags.add('Auxiliary')
      break
    case 'ADJ':
      tags.add('Adjective')
      break
    case 'ADV':
      // "when", "where": words that open a clause, not adverbs of manner.
      tags.add(SUBORDINATOR.has(token.lower) ? 'Conjunction' : 'Adverb')
      break
    case 'PART':
      if (token.lower === 'to') tags.add('Preposition')
      else if (NEGATION.has(token.lemma) || NEGATION.has(token.lower)) tags.add('Adverb')
      else tags.add('Particle')
      break
    case 'ADP':
      tags.add('Preposition')
      break
    case 'CCONJ':
    case 'SCONJ':
      tags.add('Conjunction')
      break
    case 'DET':
      tags.add('Determiner')
      break
    case 'PRON':
      tags.add('Pronoun')
      // "their DNA": a pronoun right before a noun phrase is a possessive.
      if (group.length === 1 && after !== undefined && /^(?:NOUN|PROPN|ADJ|NUM)$/.test(after)) tags.add('Possessive')
      break
    case 'NUM':
      tags.add('Value')
      break
  }
  if (group.some((t) => t.pos === 'PART' && /^['’]s$/i.test(t.text))) tags.add('Possessive')
  const lower = text.toLowerCase()
  if (group.some(negates) || NEGATED_PREFIX.test(lower)) tags.add('Negative')
  if (/\p{L}-\p{L}/u.test(text)) tags.add('Hyphenated')
  return tags
}

const NEGATING_POS = new Set(['PART', 'ADV', 'DET', 'PRON', 'AUX'])

/** "not", "n't", "never", "no": a negation, not a preposition such as "without" (the word is looked up first: most are none). */
function negates(token: Token): boolean {
  return (NEGATION.has(token.lower) || NEGATION.has(token.lemma)) && NEGATING_POS.has(token.pos)
}

/** Tense and form of a verb from its spelling against its lemma ("rose"/"rise" is past, "grows" present), and the mended parts of speech around it. */
function verbForm(token: Token, before: string | undefined, after: string | undefined, lemma: string): string[] {
  const word = token.lower
  if (word === lemma) return ['Infinitive', 'PresentTense']
  if (word.endsWith('ing')) return ['Gerund']
  if (word.endsWith('s')) return ['PresentTense']
  // A past form after "be"/"have", an article or an adjective, or opening the text, is a participle.
  const participle = before === undefined || /^(?:AUX|DET|ADJ)$/.test(before) || (after === 'NOUN' && before !== 'NOUN' && before !== 'PROPN' && before !== 'PRON')
  return participle ? ['PastTense', 'Participle'] : ['PastTense']
}

/** A word's lemma: the model's, or (for a word it took for a name or misread) the one it gives the word in a plain frame. */
function lemmaOf(token: Token, tags: Set<string>): string {
  const word = token.lower
  if (tags.has('Adjective') && token.pos !== 'ADJ') return word
  // "Partitioning", "Rebasing": an -ing word compares by its verb ("partition"), as a gerund does.
  if ((tags.has('Noun') || tags.has('Gerund')) && /\p{L}{3}ing$/u.test(word)) return framedLemma('they are', word, 'VERB') ?? token.lemma
  if (token.pos === 'PROPN' || (tags.has('Noun') && token.pos !== 'NOUN')) {
    if (ACRONYM.test(token.text)) return word.replace(/(?<=\p{L}{2})s$/u, '')
    return framedLemma('the', word, 'NOUN') ?? nounLemma(word)
  }
  if (tags.has('Verb') && token.pos !== 'VERB' && token.pos !== 'AUX') return baseVerb(word)
  return token.lemma
}

/** The base form of a word the model did not tag as a verb: its lemma in a verb frame, or by its ending. */
function baseVerb(word: string): string {
  return (/(?:ed|en)$/.test(word) ? framedLemma('they have', word, 'VERB') : undefined) ?? framedLemma('they', word, 'VERB') ?? verbLemma(word)
}

const framedTags = new Map<string, string | undefined>()

/** How the model tags a word after a subject pronoun ("it ships" → VERB, "it cells" → NOUN), cached by word. */
function framedPos(frame: string, word: string): string | undefined {
  const key = `${frame} ${word}`
  if (!framedTags.has(key)) {
    const tokens = tagSentence(key, false)
    if (framedTags.size >= 20_000) framedTags.clear()
    framedTags.set(key, tokens.length === 2 ? tokens[1].pos : undefined)
  }
  return framedTags.get(key)
}

const framed = new Map<string, string | undefined>()

/** The model's lemma for a word alone in a frame ("the cells" → "cell"), cached by word. */
function framedLemma(frame: string, word: string, pos: string): string | undefined {
  const key = `${frame} ${word}`
  if (framed.has(key)) return framed.get(key)
  const tokens = tagSentence(key, false)
  const last = tokens[tokens.length - 1]
  const lemma = tokens.length === frame.split(' ').length + 1 && last.pos === pos && last.lemma !== word ? last.lemma : undefined
  if (framed.size >= 20_000) framed.clear()
  framed.set(key, lemma)
  return lemma
}

/** The base form of a present-tense verb by its ending ("powers" → "power", "reaches" → "reach"). */
function verbLemma(word: string): string {
  if (/[^aeiou]ied$/.test(word)) return word.slice(0, -3) + 'y'
  if (/[^aeiou]ies$/.test(word)) return word.slice(0, -3) + 'y'
  if (/(?:ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2)
  if (/[^s]s$/.test(word)) return word.slice(0, -1)
  return word
}

/** The singular of an English plural by its ending ("cities" → "city", "boxes" → "box", "cells" → "cell"). */
export function nounLemma(word: string): string {
  if (/[^aeiou]ies$/.test(word) && word.length > 4) return word.slice(0, -3) + 'y'
  if (/(?:ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2)
  if (/[^siu'’]s$/.test(word) && word.length > 3) return word.slice(0, -1)
  return word.replace(/['’]s$/, '')
}
