import type { Paragraph, RootContent } from 'mdast'
import type { Run, Section } from '../types.js'
import { countWords, normalizeRuns, plainText, runsText, sentences, toRuns } from '../text.js'
import { definitionOf, splitSentences } from './condense.js'
import { notesFor } from './notes.js'
import { sliceRuns } from './runs.js'
import { isNoun, isVerb, phraseText, termsOf, tidySubject, type Term } from './phrase.js'

/**
 * Comparisons told in parallel paragraphs without labels: each paragraph introduces one thing
 * ("… there is a shared ledger …", "Another option is a local cache, which …") and says how it
 * does on the same measures ("fast recovery time", "poor for lookup time"). Aspects are compound
 * nouns, the note's own words: those said of two subjects or more, and those of the same kind
 * (same head noun: "recovery time" / "lookup time") as one of them. Note: at least two aspects,
 * one said of two subjects; each cell is the phrase of the note around its aspect, so a row
 * never holds another aspect.
 */
export interface Parallel {
  names: string[]
  rows: Array<{ aspect: string; cells: Array<Run[] | undefined> }>
  blocks: RootContent[]
  notes: string
}

const MAX_SUBJECTS = 5
/** Sentences of a paragraph searched for the thing it introduces. */
const INTRO_SENTENCES = 2
/** Fewest words of a main clause that a cell may end at its first comma. */
const MAIN_WORDS = 5
/** Longest sentence read for names and measures: longer ones are not tagged (tagging is the slow part). */
const SENTENCE_CHARS = 400
/** Most words of an introduced name. */
const NAME_WORDS = 4

/** "is", "are", "'s" ("there's", "it's"): the verb that introduces a thing after it. */
const introduces = (term: Term): boolean => term.tags.has('Copula') || /^(?:there|here)(?:'|’)s$/i.test(term.text)

/**
 * The thing a paragraph introduces: an indefinite noun phrase right after "is" / "there is" in
 * one of its first sentences ("there's often a global ledger for all branches" → "global ledger").
 */
export function introducedName(text: string): string | undefined {
  for (const sentence of sentences(text.replace(/\s+/g, ' ')).slice(0, INTRO_SENTENCES)) {
    // A sentence that introduces a thing is short; tagging a long one costs more than it finds.
    if (sentence.length > SENTENCE_CHARS || !/\b(?:is|are|was|were|(?:there|here)['’]s)\s/i.test(sentence)) continue
    const terms = termsOf(sentence)
    for (let i = 0; i < terms.length; i++) {
      if (!introduces(terms[i])) continue
      let j = i + 1
      while (j < terms.length && terms[j].tags.has('Adverb')) j++
      if (!/^an?$/i.test(terms[j]?.text ?? '')) continue
      const start = ++j
      while (j < terms.length && j - start < NAME_WORDS && (terms[j].tags.has('Adjective') || isNoun(terms[j])) && !isVerb(terms[j])) {
        j++
        if (/[,;:.()]/.test(terms[j - 1].post)) break
      }
      while (j > start && !isNoun(terms[j - 1])) j--
      if (j > start) return tidySubject(phraseText(terms.slice(start, j)).replace(/[,;:.]+$/, ''))
    }
  }
  return undefined
}

/** A compound noun of a text (two nouns or more in a row), with where it stands. */
interface Compound {
  key: string
  head: string
  text: string
  sentence: Term[]
  at: number
  length: number
}

function compoundsOf(text: string): Compound[] {
  const out: Compound[] = []
  for (const sentence of sentences(text.replace(/\s+/g, ' '))) {
    if (sentence.length > SENTENCE_CHARS) continue
    const terms = termsOf(sentence)
    let i = 0
    while (i < terms.length) {
      let j = i
      while (j < terms.length && isNoun(terms[j]) && !terms[j].tags.has('Pronoun') && !isVerb(terms[j]) && !terms[j].tags.has('Plural')) {
        j++
        if (/[,;:.()]/.test(terms[j - 1].post)) break
      }
      // The head may be plural; the words before it may not ("response times", not "jobs queue").
      if (j < terms.length && j > i && isNoun(terms[j]) && terms[j].tags.has('Plural') && !/[,;:.()]/.test(terms[j - 1].post)) j++
      if (j - i >= 2) {
        const words = terms.slice(i, j)
        const lemmas = words.map((term) => term.lemma.toLowerCase())
        out.push({ key: lemmas.join(' '), head: lemmas[lemmas.length - 1], text: phraseText(words), sentence: terms, at: i, length: j - i })
      }
      i = Math.max(j, i + 1)
    }
  }
  return out
}

/**
 * The note's phrase around an aspect: the words that rate it ("not great for", "low") and the
 * aspect, or when nothing rates it, the clause it is in, from its verb on.
 */
function cellOf(compound: Compound): Run[] {
  const terms = compound.sentence
  let start = compound.at
  const rating = (term: Term): boolean => term.tags.has('Adjective') || term.tags.has('Adverb') || term.tags.has('Negative') || term.tags.has('Preposition') || term.tags.has('Determiner')
  while (start > 0 && rating(terms[start - 1]) && !/[,;:]/.test(terms[start - 1].post) && !terms[start - 1].tags.has('Pronoun')) start--
  while (start < compound.at && (terms[start].tags.has('Preposition') || terms[start].tags.has('Determiner'))) start++
  const rated = terms.slice(start, compound.at).some((term) => term.tags.has('Adjective') || term.tags.has('Negative'))
  if (!rated) {
    // The verb group before it: "The ledger shortens recovery time" → "shortens recovery time".
    let v = compound.at
    while (v > 0 && !isVerb(terms[v - 1]) && !/[,;:]/.test(terms[v - 1].post)) v--
    start = v > 0 && isVerb(terms[v - 1]) ? v - 1 : compound.at
  }
  const text = phraseText(terms.slice(start, compound.at + compound.length)).replace(/[,;:.]+$/, '')
  return [{ text: text.charAt(0).toUpperCase() + text.slice(1) }]
}

/**
 * Find a comparison in a section's paragraphs that each introduce one thing and rate it on
 * compound-noun measures of one kind (see Parallel). The paragraphs keep their slides.
 */
export function findParallel(section: Section): Parallel | undefined {
  const paragraphs = section.blocks.filter((block): block is Paragraph => block.type === 'paragraph')
  const subjects: Array<{ name: string; block: Paragraph; compounds: Compound[] }> = []
  for (const block of paragraphs) {
    const text = plainText(block)
    const name = introducedName(text)
    if (!name || countWords(name) > NAME_WORDS || subjects.some((subject) => subject.name.toLowerCase() === name.toLowerCase())) continue
    subjects.push({ name, block, compounds: compoundsOf(text) })
  }
  if (subjects.length < 2 || subjects.length > MAX_SUBJECTS) return undefined
  const own = new Set(subjects.flatMap((subject) => subject.name.toLowerCase().split(/\s+/)))
  // Aspects: compounds whose head another compound shares, one of them said of two subjects.
  const said = new Map<string, { text: string; head: string; by: Map<number, Compound> }>()
  subjects.forEach((subject, s) => {
    for (const compound of subject.compounds) {
      if (compound.key.split(' ').some((word) => own.has(word))) continue
      const entry = said.get(compound.key) ?? { text: compound.text, head: compound.head, by: new Map<number, Compound>() }
      if (!entry.by.has(s)) entry.by.set(s, compound)
      said.set(compound.key, entry)
    }
  })
  const heads = new Map<string, string[]>()
  for (const [key, entry] of said) heads.set(entry.head, [...(heads.get(entry.head) ?? []), key])
  // Rows: the compounds said of two subjects or more, with the compounds of their kind (same head).
  const shared = [...said.keys()].filter((key) => said.get(key)!.by.size >= 2)
  const keys = [...said.keys()].filter((key) => shared.some((other) => other === key || (said.get(other)!.head === said.get(key)!.head && heads.get(said.get(key)!.head)!.length >= 2)))
  if (keys.length < 2) return undefined
  const rows = keys.map((key) => {
    const entry = said.get(key)!
    return { aspect: entry.text.charAt(0).toUpperCase() + entry.text.slice(1), cells: subjects.map((_, s) => (entry.by.has(s) ? cellOf(entry.by.get(s)!) : undefined)) }
  })
  // Every subject says something on the measures, or it is not part of the comparison.
  if (subjects.some((_, s) => rows.every((row) => !row.cells[s]))) return undefined
  const names = subjects.map((subject) => subject.name.charAt(0).toUpperCase() + subject.name.slice(1))
  return {
    names,
    rows,
    blocks: subjects.map((subject) => subject.block),
    // The paragraphs keep their own slides and notes: these notes only say what the table sets side by side.
    notes: `${names.join(' / ')} on ${rows.map((row) => row.aspect.toLowerCase()).join(' and ')}, side by side (the paragraphs are on the slides before).`,
  }
}

/** What one labelled paragraph says, keyed by the shape it says it in. */
interface Said {
  key: string
  label: string
  runs: Run[]
}

/**
 * The statements of a labelled paragraph that can line up with another's: a sentence that opens
 * with a verb ("asserts that …": key and label the verb), and an equation (key its left-hand side,
 * the cell the equation as written).
 */
function saidOf(explanation: Run[]): Said[] {
  const out: Said[] = []
  splitSentences(explanation).forEach((sentence, i) => {
    const text = runsText(sentence).trim()
    if (i > 0 || text.length > SENTENCE_CHARS) return
    const [first, next] = termsOf(text.split(/\s+/).slice(0, 2).join(' '))
    // A plural at the start before "that", an article or a preposition reads as a verb ("sets that …").
    const plural = Boolean(first?.tags.has('Plural') && /s$/i.test(first.text) && next && ['Conjunction', 'Determiner', 'Preposition'].some((tag) => next.tags.has(tag)))
    if (i === 0 && first && (first.tags.has('Verb') || plural) && !first.tags.has('Copula') && !first.tags.has('Auxiliary') && !first.tags.has('Modal')) {
      const word = text.split(/\s+/)[0]
      // An equation is a row of its own: the sentence ends at the last comma before it.
      const math = sentence.findIndex((run) => run.math && run.text.includes('='))
      let runs = math < 0 ? sentence : sentence.slice(0, math)
      const before = runsText(runs)
      const comma = before.lastIndexOf(', ')
      if (math >= 0 && comma > 0) runs = sliceRuns(runs, 0, comma)
      // What follows the main clause's first comma ("…, producing the best forecast") is optional.
      const main = runsText(runs).indexOf(', ')
      if (main > 0 && countWords(runsText(runs).slice(0, main)) >= MAIN_WORDS) runs = sliceRuns(runs, 0, main)
      const [head, ...tail] = normalizeRuns(runs)
      out.push({ key: `verb ${first.lemma.toLowerCase()}`, label: word.charAt(0).toUpperCase() + word.slice(1), runs: [{ ...head, text: head.text.charAt(0).toUpperCase() + head.text.slice(1) }, ...tail] })
    }
  })
  for (const run of explanation) {
    const sides = run.math ? run.text.split('=') : []
    if (sides.length !== 2 || !sides[0].trim() || !sides[1].trim()) continue
    out.push({ key: `equation ${sides[0].replace(/\s+/g, '')}`, label: '', runs: [{ text: run.text.trim(), math: true }] })
  }
  return out
}

/** Runs of two or more sibling paragraphs that each open with a bold label ("**A** — …"), anywhere in the section's blocks. */
function labelledRuns(blocks: RootContent[], out: Paragraph[][] = []): Paragraph[][] {
  let run: Paragraph[] = []
  const close = (): void => {
    if (run.length >= 2) out.push(run)
    run = []
  }
  for (const block of blocks) {
    const definition = block.type === 'paragraph' ? definitionOf(normalizeRuns(toRuns(block.children))) : undefined
    if (block.type === 'paragraph' && definition && definition.term[0]?.strong && toRuns(block.children)[0]?.strong) run.push(block)
    else close()
    if (block.type === 'list') for (const item of block.children) labelledRuns(item.children, out)
  }
  close()
  return out
}

/**
 * Bold-labelled paragraphs that say parallel things without labels of their own: "**Plan A** —
 * promises that … : $y = a + b$" / "**Plan B** — promises that … : $y = c$". Rows are what both
 * say in the same shape (a sentence opening with the same verb, an equation of the same left-hand
 * side); they may sit inside a list item. The paragraphs stay where they are; the table follows.
 */
export function findLabelledProse(section: Section): Parallel | undefined {
  for (const group of labelledRuns(section.blocks)) {
    if (group.length > MAX_SUBJECTS) continue
    const subjects = group.map((block) => {
      const definition = definitionOf(normalizeRuns(toRuns(block.children)))!
      return { name: tidySubject(runsText(definition.term)), said: saidOf(definition.explanation) }
    })
    if (subjects.some((subject) => countWords(subject.name) > NAME_WORDS + 2)) continue
    const keys: string[] = []
    for (const subject of subjects) for (const said of subject.said) if (!keys.includes(said.key)) keys.push(said.key)
    const rows = keys
      .map((key) => {
        const cells = subjects.map((subject) => subject.said.find((said) => said.key === key))
        return { aspect: cells.find(Boolean)?.label ?? '', cells: cells.map((said) => said?.runs), count: cells.filter(Boolean).length }
      })
      .filter((row) => row.count >= 2)
      .map(({ aspect, cells }) => ({ aspect, cells }))
    if (rows.length < 2) continue
    const names = subjects.map((subject) => subject.name)
    return { names, rows, blocks: group, notes: [`${names.join(' / ')} side by side:`, ...group.map((block) => notesFor(block))].join('\n\n') }
  }
  return undefined
}
