import type { Nodes } from 'mdast'
import type { Section, SlideBlock } from '../types.js'
import { countWords, plainText, sentences } from '../text.js'
import { CONTRAST_JOINS, CONTRAST_MARKERS, PAIR_FRAMES, alternation, COMPARATIVE_SWAPS, COUNT_OPPOSITE, LESSER, NEGATION } from '../grammar/en.js'
import { contentLemmas, isNounPhrase, samePhrase, splitSubject, termsOf, tidySubject } from './phrase.js'
import { phraseCell } from './compare.js'

/**
 * Comparisons written as contrasts, in prose or bullets: "Mosses lack roots, whereas ferns have
 * them", "Unlike civil law, common law grows from rulings", "Bonds are safer than shares". The
 * subjects are the noun phrases that open the clauses (found by grammar, not from a list). When
 * at least two sentences of a section contrast the same two subjects, they become a table with a
 * column per subject. Note: a sentence that says something of one side only ("safer than shares")
 * implies the other side's cell ("less safe"; "unlike B, A shares …" → "do not share …"); where
 * grammar cannot turn it round, the cell is "—". No table comes from one sentence.
 */
export interface Contrast {
  block: Extract<SlideBlock, { type: 'comparison' }>
  /** The block with only what the sentences state: implied cells left empty (to match bullets against). */
  stated: Extract<SlideBlock, { type: 'comparison' }>
  notes: string
}

/** A subject as a column names it, when the phrase is a short noun phrase; else undefined. */
export function subjectName(phrase: string): string | undefined {
  const clean = phrase.trim().replace(/[,;:.]+$/, '').replace(/[*_`]/g, '').trim()
  if (!clean || countWords(clean) > 4 || !isNounPhrase(clean, 5)) return undefined
  return tidySubject(clean)
}

interface Row {
  /** Subject → what the sentence says of it ("—" when it says nothing). */
  cells: Map<string, string>
  /** Subject → what a one-sided sentence implies of it, where a cell is "—". */
  implied?: Map<string, string>
  sentence: string
  aspect?: string
}

const JOIN = new RegExp(`,?\\s+(?:${alternation(CONTRAST_JOINS)})\\s*,?\\s+`, 'gi')
/** "Unlike A, B …", "In contrast to A, B …", "Compared with A, B …": a marker that opens the sentence (not "than"). */
const UNLIKE = new RegExp(`^(?:${alternation(CONTRAST_MARKERS.filter((marker) => marker !== 'than'))})\\s+([^,]+),\\s*(.+)$`, 'i')
/** "Whereas A …, B …", "While A …, B …": the first clause's subject against the second's. */
const LEADING = new RegExp(`^(?:${alternation(CONTRAST_JOINS.filter((join) => !/\s/.test(join) && join !== 'but' && join !== 'however'))})\\s+(.+?),\\s+(.+)$`, 'i')
const ONE_SIDED = new RegExp(`^(.+?)\\s+(?:${alternation(CONTRAST_MARKERS)})\\s+(.+?)$`, 'i')

/** "EEG of a sleeper" → aspect "EEG", subject "Sleeper"; other subjects stay whole. */
function factor(split: { subject: string; rest: string }): { subject: string; rest: string; aspect?: string } {
  const match = /^(.+?)\s+of\s+(?:a|an|the)?\s*(.+)$/i.exec(split.subject)
  if (!match || !isNounPhrase(match[1], 3) || !isNounPhrase(match[2], 4)) return split
  return { subject: tidySubject(match[2]), rest: split.rest, aspect: tidySubject(match[1]) }
}

/**
 * What a one-sided contrast implies of the other side, turned round by grammar: "are more
 * lightweight" → "are less lightweight", "has more members" → "has fewer members", "are safer" →
 * "are less safe", "share a host OS" → "do not share a host OS". Undefined when the phrase is
 * negated already or does not open with a verb.
 */
export function impliedOther(rest: string): string | undefined {
  const probe = 'they '
  const terms = termsOf(probe + rest).slice(1)
  const at = (index: number): number => terms[index].start - probe.length
  if (!terms.length || terms.some((term) => term.tags.has('Negative'))) return undefined
  const swap = terms.findIndex((term) => COMPARATIVE_SWAPS[term.text.toLowerCase()] !== undefined)
  if (swap >= 0) {
    const word = terms[swap].text.toLowerCase()
    const next = terms[swap + 1]
    const opposite = word === 'more' && next?.tags.has('Noun') && next.tags.has('Plural') ? COUNT_OPPOSITE : COMPARATIVE_SWAPS[word]
    return rest.slice(0, at(swap)) + opposite + rest.slice(at(swap) + terms[swap].text.length)
  }
  // "safer", "faster": a comparative whose lemma is its base ("safe"), not a word ending in "er".
  const plain = terms.findIndex((term) => (term.tags.has('Adjective') || term.tags.has('Adverb')) && /er$/i.test(term.text) && term.lemma !== term.text.toLowerCase() && term.text.toLowerCase().startsWith(term.lemma.replace(/[ey]$/, '').slice(0, 3)))
  if (plain >= 0) return rest.slice(0, at(plain)) + `${LESSER} ${terms[plain].lemma}` + rest.slice(at(plain) + terms[plain].text.length)
  // A comparative the lemma does not turn round ("faster"): saying "not faster" would weaken it.
  if (terms.some((term) => (term.tags.has('Adjective') || term.tags.has('Adverb')) && /er$/i.test(term.text))) return undefined
  const first = terms[0]
  const word = first.text.toLowerCase()
  const tail = rest.slice(at(0) + first.text.length)
  if (word === NEGATION.modalCan[0]) return rest.slice(0, at(0)) + NEGATION.modalCan[1] + tail
  if (first.tags.has('Copula') || first.tags.has('Modal') || first.tags.has('Auxiliary') || first.lemma === 'be') return `${rest.slice(0, at(0) + first.text.length)} ${NEGATION.after}${tail}`
  if (!first.tags.has('Verb') || first.tags.has('Gerund')) return undefined
  const base = first.lemma
  const negation = first.tags.has('PastTense') ? NEGATION.past : word !== base && /s$/.test(word) ? NEGATION.singular : NEGATION.plural
  return `${rest.slice(0, at(0))}${negation} ${first.tags.has('PastTense') || word !== base ? base : first.text}${tail}`
}

/** A one-sided row: what it says of `main`, and what that implies of `other` (see impliedOther). */
function oneSided(main: { subject: string; rest: string }, other: string, sentence: string): Row {
  const implied = impliedOther(main.rest)
  return { cells: new Map([[main.subject, main.rest], [other, '—']]), sentence, ...(implied ? { implied: new Map([[other, implied]]) } : {}) }
}

/** The contrast a sentence draws, as subject → what it says of each; undefined if none. */
export function contrastOf(sentence: string): Row | undefined {
  const text = sentence.trim().replace(/[.!]+$/, '')
  // Each connective in turn: "A, by contrast, …, whereas B …" splits at "whereas".
  for (const join of text.matchAll(JOIN)) {
    const first = splitSubject(text.slice(0, join.index), 7)
    const second = splitSubject(text.slice(join.index! + join[0].length), 7)
    if (!first || !second) continue
    const a = factor(first)
    const b = factor(second)
    if (!samePhrase(a.subject, b.subject)) return { cells: new Map([[a.subject, a.rest], [b.subject, b.rest]]), sentence, aspect: a.aspect ?? b.aspect }
  }
  const leading = LEADING.exec(text)
  if (leading) {
    const first = splitSubject(leading[1], 7)
    const second = splitSubject(leading[2], 7)
    if (first && second && !samePhrase(first.subject, second.subject)) return { cells: new Map([[first.subject, first.rest], [second.subject, second.rest]]), sentence }
  }
  const unlike = UNLIKE.exec(text)
  if (unlike) {
    const other = subjectName(unlike[1])
    const main = splitSubject(unlike[2], 4)
    if (other && main && !samePhrase(other, main.subject)) return oneSided(main, other, sentence)
  }
  const one = ONE_SIDED.exec(text)
  if (one) {
    const main = splitSubject(one[1], 4)
    const other = subjectName(one[2].replace(/\s+(?:do|does|are|is|can|did|were|was)$/i, ''))
    if (main && other && !samePhrase(other, main.subject)) return oneSided(main, other, sentence)
  }
  return undefined
}

/** Lemmas too common to name what a row is about. */
const LIGHT = new Set(['be', 'have', 'do', 'can', 'more', 'less', 'much', 'very', 'also', 'not', 'only', 'same', 'other', 'both', 'up'])

/**
 * What a row is about, from its own words: the words both cells share ("start in seconds" /
 * "start in minutes" → "Start"), else nothing. Note: no guessed labels; an unlabelled row
 * is better than a wrong one.
 */
function aspectOf(row: Row, subjects: string[]): string {
  const values = [...row.cells.values()].filter((value) => value !== '—')
  if (values.length < 2) return ''
  const own = new Set(subjects.flatMap((subject) => contentLemmas(subject)))
  const second = new Set(contentLemmas(values[1]))
  const shared = [...new Set(contentLemmas(values[0]))].filter((word) => second.has(word) && !LIGHT.has(word) && !own.has(word))
  if (!shared.length) return ''
  // The words as the first cell writes them ("data", not the lemma "datum").
  const written = values[0].split(/\s+/).map((word) => word.replace(/[^\p{L}\p{N}-]+/gu, '')).filter((word) => word && contentLemmas(word).some((lemma) => shared.includes(lemma)))
  const label = (written.length ? [...new Set(written.map((word) => word.toLowerCase()))] : shared).slice(0, 3).join(' ')
  return label.charAt(0).toUpperCase() + label.slice(1)
}

/** Every sentence of a section's subtree, with its blocks' text. */
function sectionSentences(section: Section): string[] {
  const out: string[] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      for (const line of plainText(node).split(/\n/)) for (const sentence of sentences(line)) out.push(sentence)
      return
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'table') return
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child)
  }
  for (const block of section.blocks) visit(block)
  for (const child of section.children) out.push(...sectionSentences(child))
  return out
}

const PAIR_HEADING = PAIR_FRAMES.map((frame) => {
  const pattern = frame
    .split(/(X|Y)/)
    .map((part) => (part === 'X' ? '(.+?)' : part === 'Y' ? '(.+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')))
    .join('')
  return new RegExp(`^${pattern}$`, 'i')
})

/** Whether a word reads as a modifier on its own ("it is centralised", "it is static"), not a name. */
function isModifier(word: string): boolean {
  const term = termsOf(`it is ${word.toLowerCase()}`).at(-1)
  return Boolean(term && (term.tags.has('Adjective') || term.tags.has('Participle') || term.tags.has('PastTense') || term.tags.has('Gerund')) && !term.tags.has('Noun'))
}

/**
 * The first subject with the head both share, when the heading writes it once: "Centralised vs
 * distributed VCS" → "Centralised VCS", "Static vs dynamic typing" → "Static typing". Only when
 * the first is one modifier and the second a modifier before a head of its own.
 */
function sharedHead(first: string, second: string): string {
  const a = first.trim()
  const words = second.trim().split(/\s+/)
  if (/\s/.test(a) || words.length < 2 || words.length > 4 || !isModifier(a) || !isModifier(words[0])) return first
  return `${a} ${words.slice(1).join(' ')}`
}

/** The two subjects a heading sets against each other ("Mitosis vs meiosis", "Differences between A and B"). */
export function headingPair(title: string): [string, string] | undefined {
  const clean = title.trim().replace(/[?:.!]+$/, '').replace(/[*_`]/g, '')
  for (const pattern of PAIR_HEADING) {
    const match = pattern.exec(clean)
    if (!match) continue
    const b = subjectName(match[2])
    // A modifier before the second's head reads as a noun phrase once given that head (the tagger may not see it).
    const joined = sharedHead(match[1], match[2])
    const a = joined !== match[1] && b ? tidySubject(joined) : subjectName(match[1])
    if (a && b && !samePhrase(a, b)) return [a, b]
  }
  return undefined
}

/** The name in `names` that means the same as `subject`, if any. */
function matchOf(subject: string, names: string[]): string | undefined {
  return names.find((name) => samePhrase(name, subject))
}

/**
 * Under a heading that names two subjects, a sentence about each pairs up when both say
 * something with the same word ("Mitosis yields two cells" / "Meiosis yields four cells").
 */
function pairedRows(section: Section, pair: [string, string]): Row[] {
  const about: [string[], string[]] = [[], []]
  for (const sentence of sectionSentences(section)) {
    if (contrastOf(sentence)) continue
    const split = splitSubject(sentence.replace(/[.!]+$/, ''), 4)
    const side = split ? pair.findIndex((name) => samePhrase(name, split.subject)) : -1
    if (split && side >= 0) about[side].push(split.rest)
  }
  // Sentences pair up on their first verb ("yields" / "yields"), or when both define ("is a …").
  // The rest of a split sentence starts at its verb (after any adverbs).
  const verb = (text: string): string | undefined => {
    const word = termsOf(text).find((term) => !term.tags.has('Adverb'))?.lemma
    return word && !LIGHT.has(word) ? word : undefined
  }
  const defines = (text: string): boolean => /^(?:is|are)\s+(?:a|an|the)\s/i.test(text)
  const match = (a: string, b: string): boolean => (verb(a) !== undefined && verb(a) === verb(b)) || (defines(a) && defines(b))
  const used = new Set<number>()
  const rows: Row[] = []
  for (const left of about[0]) {
    const index = about[1].findIndex((right, i) => !used.has(i) && match(left, right))
    if (index < 0) continue
    used.add(index)
    const right = about[1][index]
    rows.push({ cells: new Map([[pair[0], left], [pair[1], right]]), sentence: `${pair[0]} ${left}. ${pair[1]} ${right}.` })
  }
  return rows
}

/** Verbs a sentence holds, as lemmas, without the light ones ("be", "can"). */
function verbsOf(text: string): Set<string> {
  return new Set(termsOf(text).filter((term) => term.tags.has('Verb') && !term.tags.has('Copula') && !term.tags.has('Modal') && !term.tags.has('Auxiliary')).map((term) => term.lemma.toLowerCase()).filter((lemma) => !LIGHT.has(lemma)))
}

/** Longest paragraph read for two subjects told of in turn, and most sentences it may have. */
const PAIRED_CHARS = 1200
const PAIRED_SENTENCES = 8

/** The sentences of each paragraph (and list item) of a section's own blocks, one list per paragraph (4 to PAIRED_SENTENCES of them). */
function paragraphSentences(section: Section): string[][] {
  const out: string[][] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph') {
      // A paragraph that tells of two things in turn is short: a longer one is not read (tagging is the slow part).
      const text = plainText(node)
      if (text.length > PAIRED_CHARS) return
      const said = text.split(/\n/).flatMap((line) => sentences(line))
      if (said.length >= 4 && said.length <= PAIRED_SENTENCES) out.push(said)
      return
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'table') return
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child)
  }
  for (const block of section.blocks) visit(block)
  return out
}

/**
 * Two subjects told of in turn within one paragraph, in sentences that pair up by their verbs:
 * "Paper maps cannot be updated. If a road moves, you must buy a new one. Online maps can be
 * updated. You never need to buy one again." Each subject's sentences run from the sentence
 * that names it to the next subject's; a sentence whose subject is a pronoun belongs to the run
 * it is in. Note: two pairs at least (one matching verb is a coincidence, two are a comparison).
 */
export function pairedStatements(section: Section): Row[] {
  for (const said of paragraphSentences(section)) {
    const runs: Array<{ subject: string; first: string; sentences: string[] }> = []
    for (const [k, sentence] of said.entries()) {
      // Two rows need two sentences on each side: a sentence too late to open either side is not tagged.
      if (runs.length < 2 && said.length - k < (runs.length ? 2 : 4)) break
      const split = splitSubject(sentence.replace(/[.!]+$/, ''), 4)
      const named = split && !runs.some((run) => samePhrase(run.subject, split.subject)) && (runs.length === 0 || runs[runs.length - 1].sentences.length >= 1)
      if (split && named) runs.push({ subject: split.subject, first: split.rest, sentences: [sentence] })
      else if (runs.length) runs[runs.length - 1].sentences.push(sentence)
      // A third subject (the paragraph tells of more than two things), or a second after one sentence: no pairs, no more tagging.
      if (runs.length > 2 || (runs.length === 2 && runs[0].sentences.length < 2)) break
    }
    if (runs.length !== 2 || runs[0].sentences.length < 2 || runs[1].sentences.length < 2) continue
    const [a, b] = runs
    const used = new Set<number>()
    const rows: Row[] = []
    a.sentences.forEach((left, i) => {
      const verbs = verbsOf(left)
      const j = b.sentences.findIndex((right, k) => !used.has(k) && [...verbsOf(right)].some((verb) => verbs.has(verb)))
      if (j < 0) return
      used.add(j)
      const right = b.sentences[j]
      // The sentence that names a subject shows what it says of it; the others show whole.
      const cell = (run: typeof a, text: string, index: number): string => (index === 0 ? run.first : text.replace(/[.!]+$/, ''))
      rows.push({ cells: new Map([[a.subject, cell(a, left, i)], [b.subject, cell(b, right, j)]]), sentence: `${left} ${right}` })
    })
    if (rows.length >= 2) return rows
  }
  return []
}

/** What a row's cell for `subject` shows: the sentence's words, what it implies, or "—". */
function shownCell(row: Row, subject: string): string {
  const value = row.cells.get(subject) ?? '—'
  return value === '—' ? (row.implied?.get(subject) ?? '—') : value
}

/** A contrast table for a section, from the sentences of its whole subtree, if it has one. */
export function findContrast(section: Section): Contrast | undefined {
  const found = sectionSentences(section)
    .map(contrastOf)
    .filter((row): row is Row => Boolean(row))
  found.push(...pairedStatements(section))
  // Subjects that mean the same ("Mosses" / "moss") share one name: the first one written.
  const names: string[] = []
  const rows = found.map((row) => {
    const cells = new Map<string, string>()
    const implied = new Map<string, string>()
    for (const [subject, value] of row.cells) {
      let name = matchOf(subject, names)
      if (!name) names.push((name = subject))
      cells.set(name, value)
      const other = row.implied?.get(subject)
      if (other) implied.set(name, other)
    }
    return { ...row, cells, implied }
  })
  const headed = headingPair(section.title)
  let pair: [string, string] | undefined
  if (headed) {
    pair = [matchOf(headed[0], names) ?? headed[0], matchOf(headed[1], names) ?? headed[1]]
  } else {
    // The pair of subjects contrasted most often (twice at least).
    const counts = new Map<string, number>()
    for (const row of rows) {
      const key = [...row.cells.keys()].sort().join('\u0000')
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]
    if (!best || best[1] < 2) return undefined
    const first = rows.find((row) => [...row.cells.keys()].sort().join('\u0000') === best[0])!
    pair = [...first.cells.keys()] as [string, string]
  }
  const chosen = pair
  const used: Row[] = rows.filter((row) => chosen.every((subject) => row.cells.has(subject)))
  used.push(...pairedRows(section, chosen))
  const filled = used.filter((row) => [...row.cells.values()].every((value) => value !== '—')).length
  // Under a heading that names the pair, one row with both sides filled is enough; elsewhere
  // two rows, one of them with both sides filled (one-sided rows alone are mostly "—").
  if (headed ? filled < 1 : used.length < 2 || filled < 1) return undefined
  const aspects = used.map((row) => row.aspect ?? aspectOf(row, chosen))
  const showAspects = aspects.every(Boolean)
  const table = (cell: (row: Row, subject: string) => string): Contrast['block'] => ({
    type: 'comparison',
    subjects: chosen,
    showAspects,
    rows: used.map((row, i) => ({ aspect: aspects[i], cells: chosen.map((subject) => phraseCell(cell(row, subject))) })),
  })
  return {
    // A side the sentence leaves unsaid shows what it implies ("less lightweight"), else "—".
    block: table(shownCell),
    stated: table((row, subject) => row.cells.get(subject) ?? '—'),
    notes: used.map((row) => `- ${row.sentence}`).join('\n'),
  }
}
