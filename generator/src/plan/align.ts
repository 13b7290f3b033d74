import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { Run, Section } from '../types.js'
import { countWords, normalizeRuns, runsText, toRuns } from '../text.js'
import { definitionOf, splitSentences } from './condense.js'
import { notesFor } from './notes.js'
import { sliceRuns } from './runs.js'
import { contentLemmas, isNounPhrase, isVerb, splitSubject, termsOf, tidySubject } from './phrase.js'
import { CLAUSE_SUBORDINATORS, DOES_LABEL, NEGATION_OPENERS, alternation } from '../grammar/en.js'

/**
 * Comparisons whose aspects have no labels of their own, aligned from the shape of the text:
 * sibling sections whose lists say parallel things ("Triggered by X" / "Triggered by Y",
 * "Reversible" / "Not reversible"), and `Name: sentences` lines whose sentences talk about the
 * same things ("The tax base is income" / "The tax base is spending").
 * Note: only aligned statements become rows; what does not align stays in the speaker notes.
 */
export interface Aligned {
  names: string[]
  rows: Array<{ aspect: string; cells: Array<Run[] | undefined> }>
  /** Blocks the table replaces; lines whose sentences mostly do not align stay shown as well. */
  blocks: RootContent[]
  /** What the speaker notes keep: the compared text as the note wrote it. */
  notes: string
  sections?: Section[]
  /** The compared sections keep their slides and the table follows them. */
  after?: boolean
  /** A sentence that opens the comparison, shown above the table (its block went into the table). */
  lead?: string
}

/** One statement about a subject, with the key it aligns by. */
interface Statement {
  runs: Run[]
  text: string
  /** A statement that names an aspect and lists its values below ("Signs of X" + sub-items). */
  values?: Run[]
}

const MAX_SUBJECTS = 5
const NEGATION = new RegExp(`^(?:${alternation(NEGATION_OPENERS)})(?:\\s+|-)`, 'i')

function isNameTitle(text: string): boolean {
  return Boolean(text.trim()) && countWords(text) <= 6 && !/\?\s*$/.test(text)
}

function paragraphRuns(item: ListItem): Run[] | undefined {
  const first = item.children[0]
  return first?.type === 'paragraph' ? normalizeRuns(toRuns((first as Paragraph).children)) : undefined
}

/** True when a statement has no verb of its own: a noun phrase that heads a list ("Signs of X"). */
function isHeading(text: string): boolean {
  return !termsOf(text).some((term) => isVerb(term) && !term.tags.has('Participle') && !term.tags.has('Gerund') && !term.tags.has('Noun'))
}

/** A list's statements; an item that heads a sub-list takes its sub-items as its value. */
function statementsOf(list: List, out: Statement[] = []): Statement[] {
  for (const item of list.children) {
    const runs = paragraphRuns(item)
    if (!runs) continue
    const text = runsText(runs).trim()
    const sub = item.children.find((child): child is List => child.type === 'list')
    if (sub && isHeading(text) && isNounPhrase(text.split(/\s+of\s+/)[0], 3)) {
      const values = sub.children.map(paragraphRuns).filter((r): r is Run[] => Boolean(r))
      out.push({ runs, text, values: values.flatMap((value, i) => (i ? [{ text: '; ' }, ...value] : value)) })
      continue
    }
    out.push({ runs, text })
    if (sub) statementsOf(sub, out)
  }
  return out
}

/** The text without a leading negation ("not", "non-"), and whether it had one. */
function unnegated(text: string): { text: string; negated: boolean } {
  const match = NEGATION.exec(text)
  return match ? { text: text.slice(match[0].length).replace(/^[,\s]+/, ''), negated: true } : { text, negated: false }
}

/** The first word of a statement, whether the tagger reads it as a verb, and the preposition after it. */
function opening(text: string): { verb: string; isVerb: boolean; preposition?: string } | undefined {
  const terms = termsOf(text)
  const words = text.split(/\s+/)
  if (!terms[0] || words.length < 2) return undefined
  const preposition = terms[1]?.tags.has('Preposition') && words.length > 2 ? words[1] : undefined
  return { verb: words[0], isVerb: terms[0].tags.has('Verb') || terms[0].tags.has('Participle'), preposition }
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * How two statements about different subjects line up, if they do: the same verb opening
 * (label is the opening, cells the rest), the same word with a negation on one side only
 * (label is the word, cells whole), or the same words but one (label is the shared words).
 */
function alignPair(a: Statement, b: Statement, names: string[]): { label: string; cells: [Run[], Run[]] } | undefined {
  if (a.values || b.values) {
    if (!a.values || !b.values) return undefined
    const own = new Set(names.flatMap((name) => contentLemmas(name)))
    const key = (text: string): string => contentLemmas(text).filter((word) => !own.has(word)).join(' ')
    if (!key(a.text) || key(a.text) !== key(b.text)) return undefined
    const label = a.text.replace(/\s+of\s+.*$/i, '')
    return { label: capital(label), cells: [a.values, b.values] }
  }
  const oa = opening(a.text)
  const ob = opening(b.text)
  // The tagger may read the same word as a verb in one item only ("Cooked over …"): one side is enough.
  if (oa && ob && (oa.isVerb || ob.isVerb) && oa.verb.toLowerCase() === ob.verb.toLowerCase()) {
    // "Caused by X" / "Caused by Y" share "Caused by"; "Cooked in X" / "Cooked over Y" share "Cooked".
    const same = oa.preposition !== undefined && oa.preposition.toLowerCase() === ob.preposition?.toLowerCase()
    const label = same ? `${oa.verb} ${oa.preposition}` : oa.verb
    const cut = (s: Statement): Run[] => normalizeRuns(sliceRuns(s.runs, s.text.toLowerCase().indexOf(' ', same ? label.length - 1 : 0) + 1, s.text.length))
    return { label: capital(label), cells: [cut(a), cut(b)] }
  }
  const na = unnegated(a.text)
  const nb = unnegated(b.text)
  const la = contentLemmas(na.text)
  const lb = contentLemmas(nb.text)
  if (!la.length || !lb.length) return undefined
  if (na.negated !== nb.negated && la[0] === lb[0]) {
    const word = (na.negated ? nb.text : na.text).split(/[\s,]+/)[0]
    return { label: capital(word), cells: [a.runs, b.runs] }
  }
  if (!na.negated && !nb.negated && la.length >= 2 && la.length === lb.length && la.filter((word, i) => word !== lb[i]).length === 1) {
    const words = na.text.split(/\s+/).filter((word) => contentLemmas(word).some((lemma) => lb.includes(lemma)))
    if (words.length) return { label: capital(words.join(' ')), cells: [a.runs, b.runs] }
  }
  return undefined
}

/** Rows from each subject's statements, aligned pairwise; only rows said of two subjects or more. */
function alignRows(statements: Statement[][], names: string[]): Aligned['rows'] | undefined {
  const rows: Array<{ seed: Statement; seedIndex: number; label: string; cells: Array<Run[] | undefined> }> = []
  const matched = statements.map(() => 0)
  statements.forEach((list, s) => {
    for (const statement of list) {
      let placed = false
      for (const row of rows) {
        if (row.cells[s]) continue
        const pair = alignPair(row.seed, statement, names)
        if (!pair) continue
        if (!row.cells.some((cell, i) => cell && i !== row.seedIndex)) {
          row.cells[row.seedIndex] = pair.cells[0]
          row.label = pair.label
          matched[row.seedIndex]++
        }
        row.cells[s] = pair.cells[1]
        matched[s]++
        placed = true
        break
      }
      if (!placed) rows.push({ seed: statement, seedIndex: s, label: '', cells: names.map(() => undefined) })
    }
  })
  const shared = rows.filter((row) => row.cells.filter(Boolean).length >= 2)
  // Parallel lists say most things of both sides: half of each side's statements must align.
  if (shared.length < 2 || statements.some((list, s) => matched[s] * 2 < list.length)) return undefined
  return shared.map((row) => ({ aspect: row.label, cells: row.cells }))
}

/**
 * Sibling sections that are lists of parallel statements: "### Process A" with "- Caused by X,
 * - Reversible" and "### Process B" with "- Caused by Y, - Not reversible".
 */
export function alignSiblingLists(section: Section): Aligned | undefined {
  const children = section.children
  if (children.length < 2 || children.length > MAX_SUBJECTS) return undefined
  if (children.some((child) => child.children.length || !child.blocks.length || !isNameTitle(child.title))) return undefined
  if (children.some((child) => child.blocks.some((block) => block.type !== 'list'))) return undefined
  const names = children.map((child) => tidySubject(child.title))
  const statements = children.map((child) => child.blocks.flatMap((block) => statementsOf(block as List)))
  const rows = alignRows(statements, names)
  const notes = children.map((child) => [child.title, ...child.blocks.map((block) => notesFor(block))].join('\n\n')).join('\n\n')
  if (!rows) return undefined
  // The table replaces the lists only when it holds every statement; else the lists stay and the table follows them.
  const statementsShown = rows.reduce((n, row) => n + row.cells.filter(Boolean).length, 0)
  const whole = statementsShown === statements.reduce((n, list) => n + list.length, 0)
  if (!whole) return { names, rows, blocks: [], notes: `${names.join(' / ')}: the statements that say the same kind of thing, side by side.`, sections: children, after: true }
  return { names, rows, blocks: children.flatMap((child) => child.blocks), notes, sections: children }
}

/** Verbs too common to pair two sentences by. */
const LIGHT_VERBS = new Set(['be', 'have', 'do', 'get', 'make', 'see', 'use'])

/** A prose sentence of a section, without an opening phrase that has no verb ("Thus, …"). */
interface Said {
  runs: Run[]
  verb: string
  nouns: Set<string>
  negated: boolean
}

/** What a sentence says, keyed by its first full verb and its nouns; undefined for other shapes. */
function saidOf(sentence: Run[], own: Set<string>): Said | undefined {
  let runs = normalizeRuns(sentence)
  const text = runsText(runs)
  const lead = /^([^,]{1,60}),\s+/.exec(text)
  if (lead && countWords(lead[1]) <= 5 && isHeading(lead[1])) runs = normalizeRuns(sliceRuns(runs, lead[0].length, text.length))
  const terms = termsOf(runsText(runs))
  const verb = terms.find((term) => term.tags.has('Verb') && !term.tags.has('Copula') && !term.tags.has('Modal') && !term.tags.has('Auxiliary'))
  if (!verb || LIGHT_VERBS.has(verb.lemma)) return undefined
  const nouns = new Set(terms.filter((term) => term.tags.has('Noun') && !term.tags.has('Pronoun')).map((term) => term.lemma).filter((lemma) => !own.has(lemma)))
  // The column names the subject: "Option A means …" shows "Means …".
  const split = splitSubject(runsText(runs), 5)
  if (split && [...contentLemmas(split.subject)].every((lemma) => own.has(lemma))) {
    const full = runsText(runs)
    runs = normalizeRuns(sliceRuns(runs, full.indexOf(split.rest), full.length))
  }
  const last = runs[runs.length - 1]
  const trimmed = last && !last.math ? [...runs.slice(0, -1), { ...last, text: last.text.replace(/[.!]\s*$/, '') }] : runs
  return { runs: [{ ...trimmed[0], text: capital(trimmed[0].text) }, ...trimmed.slice(1)], verb: verb.lemma, nouns, negated: terms.some((term) => term.tags.has('Negative')) }
}

/**
 * Two sibling sections in prose that say the same kind of thing in sentences of one frame:
 * "Option A means … / Option B means …", "… will reach X / … may be reached". Sentences pair up
 * on their first full verb and a noun they share, in note order; rows have no labels.
 */
export function alignSiblingProse(section: Section): Aligned | undefined {
  const children = section.children
  if (children.length !== 2 || children.some((child) => child.children.length || !isNameTitle(child.title))) return undefined
  if (children.some((child) => !child.blocks.some((block) => block.type === 'paragraph') || child.blocks.some((block) => block.type === 'list'))) return undefined
  // A parenthesis in a title is another name for the subject, not a column's name.
  const names = children.map((child) => tidySubject(child.title.replace(/\s*\([^)]*\)\s*/g, ' ')))
  const own = new Set(names.flatMap((name) => contentLemmas(name)))
  const said = children.map((child) =>
    child.blocks
      .filter((block): block is Paragraph => block.type === 'paragraph')
      .flatMap((block) => splitSentences(normalizeRuns(toRuns(block.children))))
      .map((sentence) => saidOf(sentence, own))
      .filter((s): s is Said => Boolean(s)),
  )
  const used = new Set<Said>()
  const rows: Aligned['rows'] = []
  for (const left of said[0]) {
    const right = said[1].find((s) => !used.has(s) && s.verb === left.verb && s.negated === left.negated && [...s.nouns].some((noun) => left.nouns.has(noun)))
    if (!right) continue
    used.add(right)
    rows.push({ aspect: '', cells: [left.runs, right.runs] })
  }
  if (rows.length < 2) return undefined
  const notes = children.map((child) => child.title).join(' / ')
  return { names, rows, blocks: [], after: true, notes: `${notes}: the sentences that say the same kind of thing, side by side (each section keeps its own slides).` }
}

const CLAUSE = new RegExp(`,?\\s+(?:${alternation(CLAUSE_SUBORDINATORS)})\\s+`, 'gi')

/** The clauses of a text, split at subordinators ("… because stomata open at night"). */
function clausesOf(runs: Run[]): Run[][] {
  const out: Run[][] = []
  for (const sentence of splitSentences(runs)) {
    const text = runsText(sentence)
    let from = 0
    // A sentence that starts in lower case after a full stop is still a sentence of its own.
    for (const match of text.matchAll(new RegExp(`(?<=[\\p{L}\\p{N}]{2})\\.\\s+(?=\\p{Ll})|${CLAUSE.source}`, 'giu'))) {
      out.push(sliceRuns(sentence, from, match.index!))
      from = match.index! + match[0].length
    }
    out.push(sliceRuns(sentence, from, text.length))
  }
  return out.filter((clause) => runsText(clause).trim())
}

/** What a clause says, keyed by its subject ("the first product is a sugar") or by the noun it is about ("Spatial separation of …"). */
function clauseStatement(runs: Run[]): { label: string; runs: Run[]; key?: string } | undefined {
  const text = runsText(runs).trim().replace(/[.!]+$/, '')
  const split = splitSubject(text, 7)
  // A singular subject before a bare verb is a misread noun ("separation of the Calvin cycle into …").
  const verb = split ? termsOf(split.rest)[0] : undefined
  const head = split ? termsOf(split.subject).at(-1) : undefined
  const misread = verb?.tags.has('Infinitive') && head && !head.tags.has('Plural') && /\sof\s/i.test(split!.subject)
  if (split && !misread) {
    const at = text.indexOf(split.rest)
    const rest = split.rest.replace(/^(?:is|are)\s+/i, '')
    return { label: split.subject, runs: normalizeRuns(sliceRuns(runs, at + split.rest.length - rest.length, at + split.rest.length)) }
  }
  // A clause that opens with a verb in the present tells what the named thing does ("reduces …").
  // (Read after "it": alone, "funds roads" may tag as two nouns.)
  const first = termsOf(`it ${text.split(/\s+/).slice(0, 3).join(' ')}`)[1]
  if (first && first.tags.has('PresentTense') && !first.tags.has('Infinitive') && !first.tags.has('Copula') && !first.tags.has('Modal') && !first.tags.has('Auxiliary') && /s$/i.test(first.text)) {
    return { label: DOES_LABEL, runs: normalizeRuns(sliceRuns(runs, 0, text.length)), key: 'verb' }
  }
  const nominal = /^((?:\S+\s+){0,2}?)(\S+)\s+of\s+\S/.exec(text)
  if (nominal && isNounPhrase(`${nominal[1]}${nominal[2]}`, 3) && isHeading(text.split(/\s+of\s+/)[0])) {
    return { label: capital(nominal[2]), runs: normalizeRuns(sliceRuns(runs, 0, text.length)) }
  }
  return undefined
}

/**
 * `Name: sentences` lines (or items) whose sentences speak of the same things: "Income tax: the
 * base is income. It is progressive." / "Sales tax: the base is spending." The labels are the
 * subjects; the things the clauses are about are the aspects.
 */
export function alignNamedLines(section: Section): Aligned | undefined {
  for (const block of section.blocks) {
    // Two named lines at least: a paragraph of one line or a list of one item names none.
    if (block.type === 'paragraph' ? !hasLineBreak(block) : block.type !== 'list' || block.children.length < 2) continue
    const lines = block.type === 'paragraph' ? linesOf(block) : block.type === 'list' ? block.children.map(paragraphRuns).filter((r): r is Run[] => Boolean(r)) : []
    const named = lines.map(definitionOf).filter((d): d is NonNullable<typeof d> => Boolean(d))
    if (named.length < 2 || named.length > MAX_SUBJECTS || named.length < lines.length) continue
    const names = named.map((d) => tidySubject(runsText(d.term)))
    if (names.some((name) => !isNameTitle(name))) continue
    const said = named.map((d) => clausesOf(d.explanation).map(clauseStatement).filter((s): s is NonNullable<typeof s> => Boolean(s)))
    const rows: Array<{ label: string; key: string; cells: Array<Run[] | undefined> }> = []
    const own = new Set(names.flatMap((name) => contentLemmas(name)))
    said.forEach((statements, s) => {
      for (const statement of statements) {
        // A label the tagger finds no content word in ("Stomata" read as a verb) keys by its text.
        const lemmas = contentLemmas(statement.label)
        const key = statement.key ?? (lemmas.length ? lemmas.filter((word) => !own.has(word)).join(' ') : statement.label.toLowerCase())
        if (!key) continue
        const row = rows.find((candidate) => candidate.key === key)
        if (row && !row.cells[s]) row.cells[s] = statement.runs
        else if (!row) rows.push({ label: tidySubject(statement.label), key, cells: names.map((_, i) => (i === s ? statement.runs : undefined)) })
      }
    })
    const shared = rows.filter((row) => row.cells.filter(Boolean).length >= 2)
    if (shared.length < 2) continue
    // Every subject takes part in the comparison, or it is not one.
    if (names.some((_, s) => !shared.some((row) => row.cells[s]))) continue
    return { names, rows: shared.map((row) => ({ aspect: row.label, cells: row.cells })), blocks: [], notes: `${names.join(', ')} side by side (the lines themselves are on the slide before): ${shared.map((row) => row.label).join('; ')}.` }
  }
  return undefined
}

/** Whether a paragraph has more than one line: a hard break, or a newline in its text. */
function hasLineBreak(paragraph: Paragraph): boolean {
  return paragraph.children.some((node) => node.type === 'break' || (node.type === 'text' && node.value.includes('\n')))
}

/** A paragraph's soft-wrapped lines (and hard breaks), as runs each. */
export function linesOf(paragraph: Paragraph): Run[][] {
  const lines: PhrasingContent[][] = [[]]
  for (const node of paragraph.children) {
    if (node.type === 'break') lines.push([])
    else if (node.type === 'text' && node.value.includes('\n')) {
      node.value.split('\n').forEach((part, i) => {
        if (i > 0) lines.push([])
        if (part) lines[lines.length - 1].push({ type: 'text', value: part })
      })
    } else lines[lines.length - 1].push(node)
  }
  return lines.map((line) => normalizeRuns(toRuns(line))).filter((runs) => runsText(runs).trim())
}
