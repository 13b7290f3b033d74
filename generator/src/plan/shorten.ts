import { isEnglish, tagSentence, type Token } from '../grammar/index.js'
import {
  ASIDES,
  CONCLUSION_MARKERS,
  CONTRAST_JOINS,
  CONTRAST_WORDS,
  COPULA_LEMMAS,
  DEGREE_ADVERBS,
  EXAMPLE_OPENERS,
  LEADING_MARKERS,
  NEGATIONS,
  QUANTITY_WORDS,
  QUALIFIERS,
  SUBORDINATORS,
  THIRD_PERSON,
} from '../grammar/en.js'
import { countWords, runsText } from '../text.js'
import type { Run } from '../types.js'
import { capitalize, masked, removeRanges } from './runs.js'

/**
 * Shorten one sentence by grammar: delete whole optional parts, in the order a speaker would
 * (examples, parentheticals, appositives, openers, degree adverbs, non-restrictive relative
 * clauses, a leading reason), stopping as soon as it fits. Never a negation, a qualifier
 * ("sometimes", "only"), a number, a purpose, a trailing reason or one half of a contrast.
 * What is left is always a whole thought: when nothing can go, the sentence stays whole.
 * Note: only English is shortened; other languages keep whole sentences.
 */
export function shortenByGrammar(runs: Run[], maxWords: number): Run[] {
  let current = runs
  let text = masked(current)
  if (countWords(text) <= maxWords || !isEnglish(text)) return runs
  // The sentence is tagged once; after each deletion its tokens are found again in what is left.
  let tokens = tagSentence(text)
  const hadVerb = tokens.some(isVerb)
  for (const step of STEPS) {
    // Masked code keeps its length, so offsets match the plain text (where digits in code show).
    // Bold or highlighted text is the author's point: no deletion takes any of it.
    const found = step(text, tokens)
    if (!found.length) continue
    const plain = runsText(current)
    const bold = current.map((run) => (run.strong || run.tags?.includes('mark') ? '*' : ' ').repeat(run.text.length)).join('')
    // A leading "However," is a discourse marker, not half of a contrast inside the sentence.
    // A relative clause, an appositive or a parenthetical right after a bold term ("the
    // **convoy effect**, which occurs when …") is its definition: it stays.
    const defines = (a: number): boolean => DEFINING_STEPS.has(step) && bold[a - 1] === '*'
    const ranges = merge(found.filter(([a, b]) => safeToDelete(text, tokens, a, b, step === openers) && !/\d/.test(plain.slice(a, b)) && !bold.slice(a, b).includes('*') && !defines(a)))
    if (!ranges.length) continue
    let next = removeRanges(current, ranges)
    if (ranges[0][0] === 0) next = capitalize(next)
    const nextText = masked(next)
    const nextTokens = relocate(tokens, ranges, nextText)
    if (countWords(nextText) < 3 || (hadVerb && step !== phraseReasons && !nextTokens.some(isVerb))) continue
    current = next
    text = nextText
    tokens = nextTokens
    if (countWords(text) <= maxWords) break
  }
  return current
}

/** The tokens outside deleted ranges, found again (in order) in the shortened text. */
function relocate(tokens: Token[], ranges: Array<[number, number]>, text: string): Token[] {
  const out: Token[] = []
  const lower = text.toLowerCase()
  let cursor = 0
  for (const token of tokens) {
    if (ranges.some(([a, b]) => token.start < b && token.end > a)) continue
    const at = lower.indexOf(token.lower, cursor)
    if (at < 0) continue
    out.push({ ...token, text: text.slice(at, at + token.text.length), start: at, end: at + token.text.length })
    cursor = at + token.text.length
  }
  return out
}

type Step = (text: string, tokens: Token[]) => Array<[number, number]>

const NEGATION = new Set(NEGATIONS)
const QUANTITY = new Set(QUANTITY_WORDS)
/** One-word qualifiers, matched when tagged as a modifier ("only", "usually"); "at least" and the like by their words. */
const QUALIFIER = new Set(QUALIFIERS.filter((word) => !word.includes(' ')))
const QUALIFIER_PHRASE = new RegExp(`\\b(?:${QUALIFIERS.filter((word) => word.includes(' ')).map((word) => word.replace(/\s+/g, '\\s+')).join('|')})\\b`, 'i')
const MODIFIER = new Set(['ADV', 'ADJ', 'PART', 'DET'])
const COPULA = new Set(COPULA_LEMMAS)
const SUBORDINATOR = new Set(SUBORDINATORS.filter((word) => !word.includes(' ')))
const CONTRAST = new Set(CONTRAST_WORDS)
const DEGREE = new Set(DEGREE_ADVERBS)
/** An aside that opens with a coordinator or a clause word ("or …", "when …", "unless …"). */
const CLAIM_ASIDE = new RegExp(`^\\s*(?:or|and|nor|${SUBORDINATORS.map((word) => word.replace(/\s+/g, '\\s+')).join('|')})\\b`, 'i')
/** A conclusion opening a clause: ", which means …". */
const CONCLUSION = new RegExp(`^(?:${CONCLUSION_MARKERS.map((word) => word.replace(/\s+/g, '\\s+')).join('|')})\\b`, 'i')
const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'X', 'SYM', 'PART'])

function isVerb(token: Token): boolean {
  return token.pos === 'VERB' || token.pos === 'AUX'
}

/**
 * A span may go only if it holds no number (in digits or in words: "eighteen", "a dozen"),
 * negation, qualifier or contrast word and no unbalanced quote or bracket.
 * Note: a qualifier of frequency, possibility or limitation ("Sometimes, …", "only", "at least")
 * counts as a negation does: without it a conditional claim reads as a rule.
 */
function safeToDelete(text: string, tokens: Token[], start: number, end: number, opener = false): boolean {
  const span = text.slice(start, end)
  if (/\d/.test(span) || QUALIFIER_PHRASE.test(span)) return false
  if ((span.match(/["“”]/g)?.length ?? 0) % 2) return false
  if ((span.match(/\(/g)?.length ?? 0) !== (span.match(/\)/g)?.length ?? 0)) return false
  for (const token of tokens) {
    if (token.start < start || token.end > end) continue
    if (NEGATION.has(token.lower) || (!opener && CONTRAST.has(token.lower))) return false
    if (token.pos === 'NUM' || QUANTITY.has(token.lower)) return false
    if (QUALIFIER.has(token.lower) && MODIFIER.has(token.pos)) return false
  }
  return true
}

/** "such as A, B and C", "e.g. A and B": the opener and the list of nouns it opens. */
const examples: Step = (text, tokens) => {
  const out: Array<[number, number]> = []
  for (let i = 1; i < tokens.length; i++) {
    const opener = openerAt(tokens, i)
    if (!opener) continue
    const before = tokens[i - 1]
    // "like" and "including" open a list only after a comma.
    if ((opener.words === 'like' || opener.words === 'including') && before.text !== ',') continue
    if (before.text === '(') continue // a parenthetical: the next step takes it whole
    let j = i + opener.length
    // "…, for example, the client won't …": an opener with a comma after it is an aside and
    // what follows is the clause itself (its subject, its verb). Only the opener goes.
    if (tokens[j]?.text === ',') {
      if (opener.words !== 'like' && opener.words !== 'including') {
        // Between a subject and its verb ("Some mammals, for example, lay eggs") both commas go.
        const between = before.text === ',' && tokens[j + 1] && isVerb(tokens[j + 1])
        out.push([before.text === ',' ? before.start : before.end, between ? tokens[j].end : tokens[j - 1].end])
        i = j
      }
      continue
    }
    const first = j
    while (j < tokens.length) {
      const token = tokens[j]
      if (NOMINAL.has(token.pos) || token.pos === 'CCONJ' || (token.pos === 'ADP' && token.lower === 'of')) j++
      else if (token.text === ',' && tokens[j + 1] && (NOMINAL.has(tokens[j + 1].pos) || tokens[j + 1].pos === 'CCONJ')) j++
      else break
    }
    if (j === first) continue
    // "including A, B, C, doing D and E": a list with commas but no "and" / "or" is not closed;
    // its members go on after it, and deleting its start would leave the rest hanging.
    const members = tokens.slice(first, j)
    if (members.some((t) => t.text === ',') && !members.some((t) => t.pos === 'CCONJ')) continue
    const last = tokens[j - 1]
    const start = before.text === ',' ? before.start : before.end
    let end = last.end
    const after = tokens[j]
    if (after?.text === ',' && before.text === ',') end = after.end
    else if (after && !/^[.;:!?)]$/.test(after.text) && !isVerb(after)) continue
    // "… node for example the client won't …": after an adverbial opener, nouns with a verb
    // after them are the next clause's subject, not a list ("such as" lists modify a noun).
    else if (after && isVerb(after) && !NOUN_OPENERS.has(opener.words)) continue
    // "…, like the sluices built by farmers, these dams …": the nouns go on into a clause of
    // their own; without them it would hang on the wrong noun.
    else if (after?.pos === 'VERB' && tokens[j + 1]?.pos === 'ADP') continue
    out.push([start, end])
    i = j
  }
  return out
}

/** Openers whose list modifies the noun before ("grains such as wheat are …"); the others are adverbials. */
const NOUN_OPENERS = new Set(['such as', 'like', 'including'])

const OPENER_FIRST = new Set(EXAMPLE_OPENERS.map((opener) => opener.split(' ')[0]))

function openerAt(tokens: Token[], i: number): { words: string; length: number } | undefined {
  if (!OPENER_FIRST.has(tokens[i].lower)) return undefined
  for (const opener of EXAMPLE_OPENERS) {
    const parts = opener.split(' ')
    if (parts.every((part, k) => tokens[i + k]?.lower === part)) return { words: opener, length: parts.length }
  }
  return undefined
}

/**
 * " (…)" and " — … —" asides; a bracket glued to a word ("12.0(9)") is part of it. An aside that
 * gives an alternative ("(or by the minute)") or a condition ("(when the link is down)") is part
 * of the claim: it stays.
 */
const parentheticals: Step = (text) => {
  const out: Array<[number, number]> = []
  for (const match of text.matchAll(/\s+\(([^()]{1,200})\)(?=[\s.,;:!?]|$)/g)) {
    if (CLAIM_ASIDE.test(match[1])) continue
    out.push([match.index!, match.index! + match[0].length])
  }
  for (const match of text.matchAll(/\s+[—–]\s[^—–]{1,120}?\s[—–](?=\s)/g)) out.push([match.index!, match.index! + match[0].length])
  return out
}

/** ", a short noun phrase," after a noun and before the verb: "The pancreas, a gland, makes insulin". */
const appositives: Step = (_text, tokens) => {
  const out: Array<[number, number]> = []
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].text !== ',') continue
    const head = tokens[i - 1]
    if (head.pos !== 'NOUN' && head.pos !== 'PROPN') continue
    let j = i + 1
    while (j < tokens.length && tokens[j].pos !== 'PUNCT' && j - i <= 8) j++
    if (tokens[j]?.text !== ',' || j === i + 1) continue
    const inner = tokens.slice(i + 1, j)
    if (!['DET', 'NOUN', 'PROPN', 'ADJ'].includes(inner[0].pos)) continue
    // "…, remote support, security monitoring, troubleshooting and …": a noun phrase between
    // commas inside a list is one of its members, not an appositive.
    if (inListAt(tokens, i) || tokens[j + 1]?.pos === 'CCONJ') continue
    if (inner.some((t) => isVerb(t) || t.pos === 'SCONJ' || t.pos === 'PRON' || t.pos === 'CCONJ')) continue
    const after = tokens[j + 1]
    if (!after || !(isVerb(after) || after.pos === 'ADV')) continue
    out.push([tokens[i].start, tokens[j].end])
    i = j
  }
  return out
}

const MARKERS = [...LEADING_MARKERS].sort((a, b) => b.length - a.length)
/** "For example, …" opening the sentence: with its comma, a marker like "However, …". */
const LEADING_EXAMPLES = EXAMPLE_OPENERS.filter((opener) => opener.includes(' ')).sort((a, b) => b.length - a.length)

/** A leading discourse marker ("However, …") or a short leading adverbial ("By default, …"). */
const openers: Step = (text, tokens) => {
  const lower = text.toLowerCase()
  for (const marker of [...MARKERS, ...LEADING_EXAMPLES]) {
    if (!lower.startsWith(marker)) continue
    const rest = text.slice(marker.length)
    const match = /^\s*,\s*|^\s+(?=\S)/.exec(rest)
    if (!match) continue
    // Without a comma, only single-word markers ("So", "And", "Also") go. A marker that joins two
    // clauses ("Now[,] we have X, we can Y" uses "Now" as "now that") stays with or without its
    // comma: without it the sentence is two clauses spliced by a comma.
    if (!match[0].includes(',') && marker.includes(' ')) continue
    if (splicesWithout(tokens, marker.split(' ').length + (match[0].includes(',') ? 1 : 0))) return []
    return [[0, marker.length + match[0].length]]
  }
  const comma = tokens.findIndex((t) => t.text === ',')
  if (comma > 0 && splicesWithout(tokens, comma + 1)) return []
  // A leading phrase ends at the comma that closes it: a first comma that separates members of a
  // list ("After a decade the cells, the tissue and the organ …") closes nothing.
  if (comma > 0 && coordinatesAt(tokens, comma)) return []
  // "When the river floods, …", "If it fails, …" open a condition, not an adverbial: it stays.
  if (SUBORDINATOR.has(tokens[0]?.lower ?? '') || tokens[0]?.pos === 'SCONJ') return []
  if (comma > 0 && comma <= 6 && (tokens[0].pos === 'ADP' || tokens[0].pos === 'ADV')) {
    const head = tokens.slice(0, comma)
    const rest = tokens.slice(comma + 1)
    // "In the closed-economy model, we assume …" sets the frame the claim holds in, and so do "In
    // that case, …" and "For those with the disease, …": without it a conditional claim reads as
    // a rule. Only a discourse marker ("In contrast, …") or a lone adverb ("Unfortunately, …") goes.
    const marker = DISCOURSE.has(text.slice(0, tokens[comma].start).trim().toLowerCase())
    const framing = !marker && head.some((t) => /^(?:NOUN|PROPN|PRON|DET|NUM)$/.test(t.pos))
    if (framing || (tokens[0].pos === 'ADV' && head.length > 1)) return []
    if (!head.some(isVerb) && rest.some(isVerb) && rest.length >= 4) return [[0, tokens[comma].end]]
  }
  return []
}

/** Words that open a relative clause, which hangs on the noun before it. */
const RELATIVE_WORDS = new Set(['which', 'who', 'whom', 'whose', 'that', 'where'])
/** Discourse markers shaped like a phrase ("In contrast, …", "On the other hand, …"): they frame nothing. */
const DISCOURSE = new Set([...ASIDES, ...CONTRAST_JOINS].map((marker) => marker.toLowerCase()))
/** Demonstratives: a leading phrase with one points back at what was said ("At this point, …"). */
const POINTING = new Set(['this', 'that', 'these', 'those'])
/** Third-person pronouns and demonstratives: a subject that stands for a noun said before it. */
const ANAPHORS = new Set([...POINTING, ...THIRD_PERSON])

/**
 * Whether the sentence after its first word is two clauses joined by a comma alone ("[Now] we
 * have written demand as a function of price, we can predict …"): the first word joined them.
 */
function splicesWithout(tokens: Token[], skip = 1): boolean {
  // What is left opens with a clause of its own ("we have …"), not with a condition ("if …, then …").
  if (!opensClause(tokens.slice(skip, skip + 5)) && !/^(?:PRON|DET|NOUN|PROPN)$/.test(tokens[skip]?.pos ?? '')) return false
  for (let c = skip + 1; c < tokens.length - 2; c++) {
    if (tokens[c].text !== ',') continue
    const before = tokens.slice(skip, c)
    if (before.some(isVerb) && opensClause(tokens.slice(c + 1, c + 5))) return true
  }
  return false
}

/**
 * Whether tokens open a clause: a pronoun, or a short noun phrase ("the model", "prices"), then a
 * verb; a relative word ("which is …") opens no clause of its own.
 */
function opensClause(tokens: Token[]): boolean {
  if (RELATIVE_WORDS.has(tokens[0]?.lower ?? '')) return false
  if (tokens[0]?.pos === 'PRON') return tokens[1] !== undefined && isVerb(tokens[1])
  let i = 0
  while (i < tokens.length && /^(?:DET|ADJ|NOUN|PROPN)$/.test(tokens[i].pos)) i++
  return i > 0 && tokens.slice(0, i).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN') && tokens[i] !== undefined && isVerb(tokens[i])
}

/** The tokens that make a noun phrase ("the red kite", "two small farms"). */
const PHRASE_WORDS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'])

/** Whether the noun phrase that ends right before token `comma` follows a comma or an opener: it is a member of a list. */
function inListAt(tokens: Token[], comma: number): boolean {
  let k = comma - 1
  while (k >= 0 && PHRASE_WORDS.has(tokens[k].pos)) k--
  return k >= 0 && k < comma - 1 && (tokens[k].text === ',' || tokens[k].pos === 'CCONJ')
}

/**
 * Whether the comma at `comma` separates members of a coordination of noun phrases: a noun
 * before it, and after it noun phrases joined by commas up to "and" / "or" and a last one
 * ("the sun, the moon and the earth").
 */
function coordinatesAt(tokens: Token[], comma: number): boolean {
  const before = tokens[comma - 1]
  if (!before || !/^(?:NOUN|PROPN|NUM|PRON)$/.test(before.pos)) return false
  let j = comma + 1
  for (;;) {
    const start = j
    while (j < tokens.length && PHRASE_WORDS.has(tokens[j].pos)) j++
    if (j === start) return false
    if (tokens[j]?.text === ',' && tokens[j + 1]?.pos === 'CCONJ') j++
    if (tokens[j]?.pos === 'CCONJ') return tokens[j + 1] !== undefined && PHRASE_WORDS.has(tokens[j + 1].pos)
    if (tokens[j]?.text !== ',') return false
    j++
  }
}

/**
 * "very", "really", "quite" … when used as adverbs of degree: not "rather than" (a contrast), nor
 * before a preposition, a clause word or a number ("quite after …", "rather 3"), where the adverb
 * says how exactly.
 */
const degreeAdverbs: Step = (text, tokens) =>
  tokens
    .filter((t, i) => t.pos === 'ADV' && DEGREE.has(t.lower) && i > 0 && !/^(?:PUNCT|ADP|SCONJ|NUM)$/.test(tokens[i + 1]?.pos ?? 'PUNCT') && !CONTRAST.has(tokens[i + 1].lower))
    .map((t) => [t.start, spaceAfter(text, t.end)])

/** ", which …" up to the next comma or the end of the sentence. */
const relativeClauses: Step = (text, tokens) => {
  const out: Array<[number, number]> = []
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i - 1].text !== ',' || !['which', 'who', 'whose'].includes(tokens[i].lower)) continue
    // "The usual approach is the round-robin queue, which gives …": a main clause that only names
    // (its one verb is "be") says nothing without the clause that follows.
    const verbs = tokens.slice(0, i - 1).filter(isVerb)
    if (verbs.length === 1 && COPULA.has(verbs[0].lemma)) continue
    let j = i + 1
    while (j < tokens.length && !/^[,;:.!?)]$/.test(tokens[j].text)) j++
    const closing = tokens[j]
    if (j - i < 2) continue
    // ", which builds up by day, and is cleared at night": the verb after "and" has no subject of
    // its own; it is the relative clause's second verb, and without its first it hangs on the
    // main clause's subject.
    if (closing?.text === ',' && tokens[j + 1]?.pos === 'CCONJ' && tokens[j + 2] && (isVerb(tokens[j + 2]) || (tokens[j + 2].pos === 'ADV' && tokens[j + 3] && isVerb(tokens[j + 3])))) continue
    // ", which means the equilibrium exists" is what the sentence concludes: it stays.
    if (CONCLUSION.test(text.slice(tokens[i].start))) continue
    const end = closing?.text === ',' ? closing.end : tokens[j - 1].end
    out.push([tokens[i - 1].start, end])
    i = j
  }
  return out
}

/**
 * A reason after a phrase with no verb, as a table cell gives a value ("tens of seconds, because
 * a whole system boots"): the phrase answers its row and the reason goes to the notes. After a
 * clause the reason stays (see LEADING).
 */
const phraseReasons: Step = (_text, tokens) => {
  for (let i = 2; i < tokens.length; i++) {
    if (tokens[i].lower !== 'because' || tokens[i - 1].text !== ',') continue
    if (tokens.slice(0, i).some(isVerb)) return []
    let j = i + 1
    while (j < tokens.length && !/^[;.!?]$/.test(tokens[j].text)) j++
    return [[tokens[i - 1].start, tokens[j - 1].end]]
  }
  return []
}

/**
 * Words that open a leading reason ("Because …, the main clause"), which may go: the main clause
 * after it is the claim. A trailing reason ("…, since …") stays: the author put the claim first
 * and what it rests on after it ("produced twice, since …"). A purpose ("To …, we …") and a time
 * or condition ("Once …, …", "After …, …") say when or what for the claim holds: they stay too.
 */
const LEADING = new Set(['because', 'since'])

/** A reason before the main clause: "Because …, the main clause". */
const leadingClauses: Step = (_text, tokens) => {
  const first = tokens[0]
  if (!first || !LEADING.has(first.lower)) return []
  const comma = tokens.findIndex((t) => t.text === ',')
  if (comma < 2) return []
  const rest = tokens.slice(comma + 1)
  if (rest.length < 3 || !rest.some(isVerb)) return []
  // "As a seedling grows, it bends …": the pronoun after the comma stands for a noun of the clause.
  if (ANAPHORS.has(rest[0].lower)) return []
  return [[0, tokens[comma].end]]
}

const STEPS: Step[] = [examples, parentheticals, appositives, openers, degreeAdverbs, relativeClauses, phraseReasons, leadingClauses]
/** Steps whose part, right after a bold term, defines that term. */
const DEFINING_STEPS = new Set<Step>([parentheticals, appositives, relativeClauses])

function spaceAfter(text: string, end: number): number {
  let at = end
  while (at < text.length && text[at] === ' ') at++
  return at
}

function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const out: Array<[number, number]> = []
  for (const range of sorted) {
    const last = out[out.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else out.push([...range])
  }
  return out
}

