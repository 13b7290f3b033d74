import {
  ANSWER_OPENERS,
  CAUSAL_MARKERS,
  CONCLUSION_MARKERS,
  CONTRAST_OPENERS,
  CROSS_REFERENCES,
  DEPENDENT_OPENERS,
  EXAMPLE_OPENERS,
  EXAMPLE_SENTENCE_OPENERS,
  FIRST_MEMBER_OPENERS,
  HEDGES,
  META_TEXT,
  ORDINAL_OPENERS,
  POINT_MARKERS,
  BACK_REFERENCES,
  COMPARISON_ADJECTIVES,
  COMPARISON_STANDARDS,
  COPULA_LEMMAS,
  NEGATIONS,
  SUBORDINATORS,
  THIRD_PERSON,
  SET_BACK_DETERMINERS,
  CAVEAT_MARKERS,
  CONDITION_OPENERS,
  BACK_POINTING_OPENERS,
  NARRATOR_PRONOUNS,
} from '../grammar/en.js'
import { countWords } from '../text.js'
import { isEnglish, tagSentence } from '../grammar/index.js'

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
const anyOf = (words: string[], flags = 'i'): RegExp => new RegExp(`(?:^|[^\\p{L}])(?:${words.map(escape).join('|')})(?=$|[^\\p{L}])`, `u${flags}`)
const startsWith = (words: string[]): RegExp => new RegExp(`^\\W*(?:${words.map(escape).join('|')})(?=$|[^\\p{L}])`, 'iu')

const MARKED = anyOf(POINT_MARKERS)
const CONCLUSION = startsWith(CONCLUSION_MARKERS)
const EXAMPLE = startsWith(EXAMPLE_OPENERS)
const HEDGE = anyOf(HEDGES)
const META = startsWith(META_TEXT)
const EXAMPLE_SENTENCE = startsWith(EXAMPLE_SENTENCE_OPENERS)
const CROSS_REFERENCE = anyOf(CROSS_REFERENCES)
const CAUSAL = anyOf(CAUSAL_MARKERS)
/** ", so there's …": "so" joining a consequence (not "so that", which CAUSAL has). */
const SO_CLAUSE = /,\s+so\s+(?!that\b)\p{L}/iu
const DEPENDENT = startsWith(DEPENDENT_OPENERS)
const ANSWER = startsWith(ANSWER_OPENERS)
/** "If they …", "When it …": a subordinate clause whose subject is a third-person pronoun. */
const CONDITION_PRONOUN = new RegExp(`^\\W*(?:${SUBORDINATORS.map(escape).join('|')})\\s+(?:${THIRD_PERSON.map(escape).join('|')})\\b`, 'iu')
/** "It is hard to …", "It was clear that …": an empty "it" that points at nothing before. */
const EXPLETIVE_IT = /^\W*it(?:\s+is|\s+was|'s)\s+(?:\p{L}+\s+){1,2}?(?:to|that)\s/iu
const CONTRAST_OPENER = startsWith(CONTRAST_OPENERS)
const CONTRAST_OPENER_WITH_COMMA = new RegExp(`^\\W*(?:${CONTRAST_OPENERS.map(escape).join('|')})\\s*,?\\s+`, 'iu')
/** "Another is …", "The second was …": an ordinal standing for a noun said before. */
const ORDINAL_PRONOUN = new RegExp(`^\\W*(?:${ORDINAL_OPENERS.map(escape).join('|')})\\s+(?:one\\b|is|are|was|were|has|have|can|does)\\b`, 'iu')
const ORDINAL = startsWith(ORDINAL_OPENERS)
/** "X is/are/means/refers to …" near the start: a definition. */
const DEFINING = /^[^,;:]{1,60}?\s(?:is|are|means|refers to|describes|denotes)\s/i

/**
 * How much a sentence reads as the point of its paragraph: the topic sentence, sentences the
 * author marked ("in short", "rule of thumb", bold), definitions and conclusions rank high;
 * examples, hedges, questions and meta-text about the note rank low.
 */
export function pointScore(text: string, index: number, bold: boolean, heading = '', highlighted = false): number {
  let score = (index === 0 ? 3 : 0) + headingAffinity(text, heading)
  if (MARKED.test(text)) score += 6
  if (bold) score += 3
  if (highlighted) score += 4
  if (DEFINING.test(text)) score += 2
  if (CONCLUSION.test(text)) score += 2
  if (isCausal(text)) score += 1.5
  if (EXAMPLE.test(text) || EXAMPLE_SENTENCE.test(text)) score -= 4
  if (HEDGE.test(text)) score -= 3
  if (META.test(text)) score -= 6
  if (CROSS_REFERENCE.test(text)) score -= 4
  if (/\?\s*$/.test(text)) score -= 2
  if (/^(?:this|that|it|these|those)\b/i.test(text)) score -= 1
  const words = countWords(text)
  if (words < 4) score -= 2
  if (words >= 6 && words <= 30) score += 0.5
  return score - index * 0.15
}

/** Whether a sentence reads as a definition: "X is/are/means/refers to …" near its start. */
export function isDefining(text: string): boolean {
  return DEFINING.test(text)
}

/** Whether a sentence says its point is a point ("in summary", "rule of thumb", …). */
export function isMarkedPoint(text: string): boolean {
  return MARKED.test(text) || CONCLUSION.test(text)
}

/** Whether a sentence explains: a cause, a reason or a consequence ("because", "which means", ", so …"). */
export function isCausal(text: string): boolean {
  return CAUSAL.test(text) || SO_CLAUSE.test(text)
}

/**
 * What a sentence leans on: `reference` when its subject is a pronoun or a demonstrative
 * ("This metadata is …", "It runs …", "Another is …") that names something the sentence before
 * said; `contrast` when it opens by turning against the sentence before ("However, …", "But …");
 * `none` when it stands alone.
 */
export function leaning(text: string): 'none' | 'reference' | 'contrast' {
  if (CONTRAST_OPENER.test(text)) return 'contrast'
  if (ORDINAL_PRONOUN.test(text) || ANSWER.test(text)) return 'reference'
  if (DEPENDENT.test(text) && !isExpletiveIt(text) && !META.test(text)) return 'reference'
  // "If they raise the rent, …": the clause's subject stands for a noun said before.
  if (CONDITION_PRONOUN.test(text)) return 'reference'
  return 'none'
}

/** "It is hard to …", "It's not clear that …": "it" before an adjective and "to"/"that" points at nothing ("It is used to …" does). */
function isExpletiveIt(text: string): boolean {
  if (!EXPLETIVE_IT.test(text)) return false
  const tokens = tagSentence(text).filter((token) => token.pos !== 'PUNCT')
  const after = tokens.slice(2, 4).find((token) => token.lower !== 'not' && token.lower !== "n't" && token.lower !== 's' && token.lower !== "'s")
  return after?.pos === 'ADJ'
}

/** Whether a sentence counts off a member of what the one before named ("One of those is …", "Another is …"). */
export function countsOff(text: string): boolean {
  return ORDINAL_PRONOUN.test(text) || MEMBER.test(text)
}

/** Whether a sentence names the first of several members ("The first problem is …", "One remedy is …"). */
export function opensMembers(text: string): boolean {
  return FIRST_MEMBER.test(text) && !MEMBER.test(text)
}

const FIRST_MEMBER = startsWith(FIRST_MEMBER_OPENERS)

/** "One of those …", "Each of these …": a member of a set the sentence before named. */
const MEMBER = startsWith(DEPENDENT_OPENERS.filter((opener) => / of /.test(opener)))

/** Characters of a sentence's contrast opener with its comma ("However, " → 9), or 0. */
export function contrastOpenerLength(text: string): number {
  return CONTRAST_OPENER_WITH_COMMA.exec(text)?.[0].length ?? 0
}

/**
 * Whether a sentence reads on its own, away from its paragraph (a takeaway): no pronoun subject,
 * no "Another …", no "However …", no "this issue" or "the previous example" inside.
 */
export function standsAlone(text: string): boolean {
  return leaning(text) === 'none' && !ORDINAL.test(text) && !POINTS_BACK.test(text)
}

/** "… this issue …", "… the previous example …": a phrase that points back at what the note said before. */
const POINTS_BACK = anyOf(BACK_REFERENCES)

/** How the author marked a sentence: bold text in it, a highlight (`<mark>`, a boxed formula). */
export interface SentenceMarks {
  bold?: boolean
  highlighted?: boolean
}

/** One sentence of a paragraph as the point choice reads it. */
export interface SentencePoint {
  index: number
  score: number
  /** The author marked it (bold, highlight, "in short", a conclusion) or it explains: shown when its paragraph shows. */
  key: boolean
  /** The author marked it: bold, a highlight, "in short", a conclusion word. */
  marked: boolean
  /** An example, hedge, aside, cross-reference, question or meta-text: the notes hold it. */
  minor: boolean
  leans: 'none' | 'reference' | 'contrast'
  /**
   * Its subject stands alone but a "these/those/such + noun" inside it points at the sentence
   * before ("Users pick from these services"): it shows only with that sentence, as a bullet of
   * its own beside it (not nested, so that a slide can still split between the two).
   */
  pointsBack?: boolean
}

/**
 * Read each sentence of a paragraph for the point choice: its score (see pointScore), whether it
 * is key, minor, and what it leans on (see leaning).
 */
export function sentencePoints(texts: string[], marks: SentenceMarks[] = [], heading = ''): SentencePoint[] {
  // A paragraph that opens with an example goes on with it: what follows is the example too.
  const example = texts.length > 0 && isExample(texts[0])
  return texts.map((text, index) => {
    const { bold = false, highlighted = false } = marks[index] ?? {}
    const continues = index > 0 && example && !bold && !highlighted && !isMarkedPoint(text)
    const minor = isMinor(text) || continues
    const marked = !minor && (bold || highlighted || isMarkedPoint(text))
    const key = marked || (!minor && isCausal(text))
    const leans = leaning(text)
    // Past the first, "… from these services …" points at what the sentence before named.
    const pointsBack = leans === 'none' && index > 0 && pointsBackInside(text)
    return { index, score: pointScore(text, index, bold, heading, highlighted) - (continues ? 4 : 0), key, marked, minor, leans, ...(pointsBack ? { pointsBack } : {}) }
  })
}

const INSIDE = new Set(SET_BACK_DETERMINERS)
const INSIDE_WORD = anyOf(SET_BACK_DETERMINERS)

/**
 * Whether a sentence points back with a determiner and its noun past its opening words ("Users
 * pick from these services", "… to meet such demands"): what the noun stands for is in the
 * sentence before. Note: "such as" (an example list) and a determiner without a noun do not count.
 */
export function pointsBackInside(text: string): boolean {
  if (!INSIDE_WORD.test(text) || !isEnglish(text)) return false
  const tokens = tagSentence(text).filter((token) => token.pos !== 'PUNCT')
  return tokens.some((token, i) => {
    if (!INSIDE.has(token.lower) || (token.pos !== 'DET' && token.lower !== 'such')) return false
    // "such a scheme": the article comes between.
    const from = token.lower === 'such' && tokens[i + 1]?.pos === 'DET' ? i + 2 : i + 1
    const next = tokens.slice(from, from + 3)
    if (next[0]?.pos === 'NOUN' || next[0]?.pos === 'PROPN') return true
    // "these two rows", "such new rules": an adjective or a number before the noun.
    return (next[0]?.pos === 'ADJ' || next[0]?.pos === 'NUM') && next.slice(1).some((after) => after.pos === 'NOUN')
  })
}

/**
 * Whether a sentence gives a result: an equation or a value after "=" ("The mean wait is $(4+6)/2=5$"), or a
 * conclusion ("Therefore …", "So the …"). After an example it is the example's answer.
 */
export function isResult(text: string): boolean {
  return /(?<![=<>!])=(?!=)/.test(text) || CONCLUSION.test(text)
}

/**
 * Whether a line is only a figure: it opens with a number ("53 metres", "47 metres without the
 * cab"), has no verb and no equation, so nothing in it says what the figure measures.
 */
export function isBareMeasure(text: string): boolean {
  const clean = text.replace(/[^\p{L}\p{N}\s.,+\-*/%()=]/gu, ' ').trim()
  // A number with its unit ("53 metres", "4-stroke engine"); a bare "3" or "5.1" is a label.
  if (!/^\d[\d.,]*(?:\s+|-)\p{L}{2,}/u.test(clean) || clean.includes('=')) return false
  return !tagSentence(clean).some((token) => token.pos === 'VERB' || token.pos === 'AUX')
}

/**
 * Whether a line is a sentence with a subject of its own ("The trailer holds a checksum"), not a
 * trait with its subject left out ("Holds the driver"), a label or a figure.
 */
export function hasOwnSubject(text: string): boolean {
  if (!isEnglish(text) || isBareMeasure(text)) return false
  const tokens = tagSentence(text).filter((token) => token.pos !== 'PUNCT' && token.pos !== 'SYM')
  const verb = tokens.findIndex((token) => token.pos === 'VERB' || token.pos === 'AUX')
  return verb > 0 && tokens.slice(0, verb).some((token) => token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'PRON')
}

/** Independent clauses, joined by commas or "and", that make a sentence a list of facts. */
const FACT_CLAUSES = 3

/**
 * Whether a sentence lists facts: three or more clauses, each with its own subject and verb,
 * joined by commas or "and" ("villages were cut off, travel was for the rich, few children
 * could read and …"). Such a sentence is what a general opening sentence announces.
 */
export function isFactList(text: string): boolean {
  if (!isEnglish(text)) return false
  const tokens = tagSentence(text)
  let clauses = 0
  let noun = false
  let counted = false
  for (const token of tokens) {
    if (token.text === ',' || token.text === ';' || token.pos === 'CCONJ') {
      noun = false
      counted = false
    } else if (token.pos === 'NOUN' || token.pos === 'PROPN' || token.pos === 'PRON') noun = true
    else if ((token.pos === 'AUX' || token.pos === 'VERB') && noun && !counted) {
      clauses++
      counted = true
    } else if (token.pos === 'SCONJ' || ['which', 'who', 'that'].includes(token.lower)) counted = true
  }
  return clauses >= FACT_CLAUSES
}

/** Whether a sentence opens an example ("For example, …", "An example of … is …"). */
export function isExample(text: string): boolean {
  return EXAMPLE.test(text) || EXAMPLE_SENTENCE.test(text)
}

const NEGATION = new Set(NEGATIONS)
const COMPARISON = new Set(COMPARISON_ADJECTIVES)
const STANDARD = new Set(COMPARISON_STANDARDS)
const COPULA = new Set(COPULA_LEMMAS)

/**
 * Whether a sentence only announces what the sentence after it says: it denies that something is
 * the only one ("… was not the only strong state"), so the next sentence names the others; or it
 * calls things different or alike without saying from what ("Each region is different in
 * comparison"), so the next sentence says how. A slide that shows it shows that sentence too.
 */
export function announces(text: string): boolean {
  const tokens = tagSentence(text).filter((token) => token.pos !== 'PUNCT')
  for (let i = 0; i < tokens.length - 2; i++) {
    // "not the only …" (not "not only A but also B", which says both).
    if (NEGATION.has(tokens[i].lower) && tokens.slice(i + 1, i + 4).some((token, k, next) => k > 0 && token.lower === 'only' && next[k - 1].pos === 'DET')) return true
  }
  let last = tokens.length - 1
  while (last >= 0 && tokens[last].pos !== 'ADJ') last--
  if (last < 1 || !COMPARISON.has(tokens[last].lower)) return false
  // "… is different (in comparison)": the adjective after "be", no noun after it, nothing it compares with.
  const before = tokens.slice(Math.max(0, last - 2), last)
  const after = tokens.slice(last + 1)
  if (!before.some((token) => token.pos === 'AUX' && COPULA.has(token.lemma)) || after.length > 3) return false
  return !(after[0]?.pos === 'NOUN' || after.some((token) => STANDARD.has(token.lower)))
}

/** An example, hedge, aside, cross-reference, question, meta-text or a few words: not a slide's point. */
export function isMinor(text: string): boolean {
  return (
    EXAMPLE.test(text) ||
    EXAMPLE_SENTENCE.test(text) ||
    HEDGE.test(text) ||
    META.test(text) ||
    CROSS_REFERENCE.test(text) ||
    /\?\s*$/.test(text) ||
    countWords(text) < 3
  )
}

/** Sentence indices, best point first (ties keep the note's order); `heading` is the section's title. */
export function rankSentences(texts: string[], bold: boolean[] = [], heading = '', highlighted: boolean[] = []): number[] {
  return texts
    .map((text, index) => ({ index, score: pointScore(text, index, bold[index] ?? false, heading, highlighted[index] ?? false) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.index)
}

/** A word's stem for matching a heading: lower case, a plural "s"/"es" dropped. */
const stem = (word: string): string => word.toLowerCase().replace(/(?:ies)$/u, 'y').replace(/(?<=\p{L}{2}[^sui])e?s$/u, '')

/** The words of a text, as stems. */
const stems = (text: string): string[] => (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(stem)

/**
 * What a heading names: its head noun (the last word of four letters or more before any
 * parenthesis), its initials when it has several words ("Multi-level Feedback Queue" → MLFQ), and
 * an acronym it spells out in parentheses.
 */
export function headingTerms(heading: string): { head?: string; acronyms: string[] } {
  const main = heading.replace(/\(.*?\)/g, ' ')
  const words = main.match(/[\p{L}\p{N}]+/gu) ?? []
  const long = words.filter((word) => word.length >= 4)
  const initials = words.length >= 2 ? words.map((word) => word[0]).join('').toUpperCase() : ''
  const spelled = [...heading.matchAll(/\b(\p{Lu}{2,})\b/gu)].map((m) => m[1])
  return { head: long.length ? stem(long[long.length - 1]) : undefined, acronyms: [...new Set([initials, ...spelled].filter((a) => a.length >= 2))] }
}

/**
 * How much a sentence states its section's heading: a sentence whose subject (its first words)
 * is the heading ("Mixed strategies consider …", "The MLFQ has …") is what a speaker says first
 * under it; one that names the heading's head noun anywhere counts a little.
 */
export function headingAffinity(text: string, heading: string): number {
  if (!heading.trim()) return 0
  const { head, acronyms } = headingTerms(heading)
  const words = stems(text)
  const opening = words.slice(0, 6)
  const raw = text.match(/[\p{L}\p{N}]+/gu) ?? []
  const acronymAt = (limit: number): boolean => raw.slice(0, limit).some((word) => acronyms.includes(word))
  const phrase = stems(heading.replace(/\(.*?\)/g, ' ')).join(' ')
  if (phrase && opening.join(' ').includes(phrase)) return 7
  if ((head && opening.includes(head)) || acronymAt(6)) return 4
  if ((head && words.includes(head)) || acronymAt(raw.length)) return 1
  return 0
}

const CAVEAT = anyOf(CAVEAT_MARKERS)
const CONDITION = startsWith(CONDITION_OPENERS)

/**
 * Whether a sentence qualifies the one before it: a caveat ("… unless you attach one", "Note
 * that …", "However, …") or a condition with its consequence ("If the host fails, the data is
 * lost"). What a line of the note warns about is often its point.
 */
export function isCaveat(text: string): boolean {
  if (isMinor(text)) return false
  return CAVEAT.test(text) || leaning(text) === 'contrast' || (CONDITION.test(text) && /,\s*\S/.test(text))
}

// --- s21-takeaways: whether a sentence can end a talk on its own ---

const BACK_POINTING = startsWith(BACK_POINTING_OPENERS)
const SUBORDINATOR = new Set(SUBORDINATORS)
const NARRATOR = new Set(NARRATOR_PRONOUNS)
const SUBJECT_POS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM'])

/**
 * Whether a sentence opens by pointing back at what was said or shown before it ("So the …",
 * "Thus, …", "As a result, …", "Remember that …", "Here we …"): its cause or set-up is not with it.
 */
export function opensBackward(text: string): boolean {
  return BACK_POINTING.test(text)
}

/** The tokens of a sentence's main clause: past a leading subordinate clause ("Although …, "), up to a later one ("… when it is made"). */
function mainClause(text: string): Token[] {
  const tokens = tagSentence(text)
  let from = 0
  if (tokens[0] && SUBORDINATOR.has(tokens[0].lower)) {
    const comma = tokens.findIndex((token) => token.text === ',')
    if (comma < 0) return []
    from = comma + 1
  }
  const rest = tokens.slice(from)
  const end = rest.findIndex((token, i) => i > 0 && SUBORDINATOR.has(token.lower))
  return (end < 0 ? rest : rest.slice(0, end)).filter((token) => token.pos !== 'PUNCT' && token.pos !== 'SYM')
}

type Token = ReturnType<typeof tagSentence>[number]

/**
 * Whether an English sentence says something of its own: its main clause has a subject and a
 * finite verb ("Changes take effect at once"), or it is a rule told as a command ("Never push to
 * main"). Not: a trait without its subject ("consist of …", "Defines …"), a noun phrase with an
 * infinitive ("Instructions to build an image") or a participle after a bare noun and no stop
 * ("6 bytes physical address assigned to the device").
 * Note: formulas and code count as nouns (the caller writes them as "X").
 */
export function isClause(text: string): boolean {
  const tokens = tagSentence(text).filter((token) => token.pos !== 'PUNCT' && token.pos !== 'SYM')
  const stopped = /[.!?。]\s*$/.test(text)
  const verbal = (token: Token | undefined): boolean => token?.pos === 'AUX' || token?.pos === 'VERB'
  // A subordinator ("when", "which", "although") opens a clause whose first verbs are its own, not the main one.
  let subordinate = false
  // After "to view" or "making", a verb joined by "and" is one too ("to view the table and show …").
  let nonFinite = false
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (SUBORDINATOR.has(token.lower)) subordinate = true
    if (!verbal(token)) continue
    if (token.pos === 'VERB' && (tokens[i - 1]?.lower === 'to' || /ing$/.test(token.lower) || (nonFinite && tokens[i - 1]?.pos === 'CCONJ'))) {
      nonFinite = true
      continue
    }
    nonFinite = false
    if (subordinate) {
      subordinate = false
      // The clause's whole verb group is its own ("when it is made").
      while (verbal(tokens[i + 1]) || (tokens[i + 1]?.pos === 'PART' && verbal(tokens[i + 2]))) i++
      continue
    }
    const subject = tokens.slice(0, i)
    // The first finite verb has no subject before it: a trait of something named elsewhere.
    if (!subject.some((before) => SUBJECT_POS.has(before.pos))) return false
    // "address assigned to …", "the sort of thing assumed by …": a participle after its noun, no finite verb.
    const after = tokens[i + 1]
    const pastForm = /ed$/.test(token.lower) || (token.lemma !== token.lower && !/s$/.test(token.lower))
    const participle = token.pos === 'VERB' && pastForm && (after?.lower === 'by' || ((after?.pos === 'ADP' || after?.lower === 'to') && !stopped && !subject.some((before) => before.pos === 'DET' || before.pos === 'PRON')))
    if (!participle) return true
  }
  return false
}

/** Whether an English sentence is a rule told as a command ("Never push to main", "Do not …", "Always pin …"). */
export function isCommand(text: string): boolean {
  const tokens = tagSentence(text).filter((token) => token.pos !== 'PUNCT' && token.pos !== 'SYM')
  const first = tokens.findIndex((token) => token.pos === 'VERB')
  if (first < 0 || first > 2) return false
  // Only adverbs and a negated "do" before the verb, and the verb in its plain form, capitalised as a sentence.
  return /^\p{Lu}/u.test(text.trim()) && tokens.slice(0, first).every((token) => token.pos === 'ADV' || token.pos === 'PART' || token.lemma === 'do') && tokens[first].lemma === tokens[first].lower
}

/**
 * Whether a sentence only names one member of a set the talk goes on to present ("One exception is
 * REM sleep disorder.", "One of the best-known remedies is rest."): its main clause's subject is
 * "one …" and what follows the copula is a short name, with no claim about it.
 */
export function namesMember(text: string): boolean {
  const tokens = mainClause(text)
  if (tokens[0]?.lower !== 'one') return false
  const copula = tokens.findIndex((token) => token.pos === 'AUX' && COPULA_LEMMAS.includes(token.lemma))
  if (copula < 1) return false
  const complement = tokens.slice(copula + 1)
  return complement.length > 0 && complement.length <= 6 && !complement.some((token) => token.pos === 'VERB' || token.pos === 'AUX' || token.lower === 'that')
}

/** Whether a sentence narrates what the reader or the writer does ("You can add …", "We'll notice that …"): a how-to. */
export function isNarration(text: string): boolean {
  const tokens = mainClause(text)
  const verb = tokens.findIndex((token) => token.pos === 'AUX' || token.pos === 'VERB')
  return verb > 0 && tokens.slice(0, verb).some((token) => token.pos === 'PRON' && NARRATOR.has(token.lower))
}
