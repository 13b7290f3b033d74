import type { List, Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { Run, Section } from '../types.js'
import { countWords, normalizeRuns, plainText, runsText, sentences, toRuns } from '../text.js'
import { ADDITIVE_JOINS, FUNCTION_WORDS, PRONOUNS, alternation } from '../grammar/en.js'
import { notesFor } from './notes.js'
import { contentLemmas, isNounPhrase, samePhrase, splitSubject, termsOf, tidySubject, type Term } from './phrase.js'
import { contrastOf, headingPair } from './contrast.js'
import type { Aligned } from './align.js'

/**
 * Two subjects told of side by side, each in its own bullet or paragraph: "A **central
 * ledger** keeps … This makes it a single point of failure." / "A **shared ledger** gives every
 * branch a copy …, lowering the risk of loss." The subjects come from a heading that names the
 * pair ("X vs Y", "Differences between X and Y") or from two bold openings. Each side's clauses
 * pair up with the other side's by the words they share (lemmas, the subjects' own words set
 * aside); a clause that pairs with nothing joins the clause before it, so every clause is shown.
 * Note: every sentence of the section's text must tell of one side, of both (a contrast such as
 * "A …, while B …"), or open the section as a lead-in; any other sentence means the text is
 * about more than the two, and there is no table.
 */

/** Most characters of a section's own text read for two sides (tagging is the slow part). */
const SIDE_CHARS = 1600
/** Most sentences the two sides may have between them. */
const SIDE_SENTENCES = 10
/** Most words of a bold opening that names a side. */
const NAME_WORDS = 4
/** Shared words two clauses need to pair (one may be chance; "is a …" on both sides counts two). */
const PAIR_SCORE = 2

/** A bullet or paragraph of the section's text, with the blocks it comes from. */
interface Unit {
  text: string
  runs: Run[]
  block: RootContent
  /** Its lines: soft-wrapped or broken lines of a paragraph (a `<br>` tag breaks one too). */
  lines: string[]
}

/** One clause said of one side, in note order. */
interface Clause {
  side: number
  text: string
  order: number
  /** The clause continues the one before it in the same sentence (it may join that one's row). */
  joins: boolean
  /** The note's own label of the clause ("Example: …"): clauses of one label pair up, and it names their row. */
  label?: string
}

const PRONOUN = new Set(PRONOUNS)
/** Words a row's label does not start or end with ("the risk of" → "risk"). */
const EDGE_WORDS = new Set(FUNCTION_WORDS)
/** Lemmas too common to pair two clauses by. */
const LIGHT = new Set(['be', 'have', 'do', 'can', 'make', 'more', 'less', 'also', 'not', 'only', 'other', 'all', 'each', 'it', 'possible', 'way', 'many'])

/** Whether a paragraph only holds images or links (shown or said elsewhere, not text of a side). */
function isMediaOnly(paragraph: Paragraph): boolean {
  return paragraph.children.every((node) => node.type === 'image' || node.type === 'imageReference' || (node.type === 'text' && !node.value.trim()) || node.type === 'break')
}

/** A paragraph's lines as text: split at newlines, hard breaks and `<br>` tags. */
function paragraphLines(paragraph: Paragraph): string[] {
  const breaks = (node: PhrasingContent): boolean => node.type === 'break' || (node.type === 'html' && /^<\/?br\s*\/?>$/i.test(node.value.trim()))
  const parts = paragraph.children.map((node) => (breaks(node) ? '\n' : node.type === 'text' ? node.value : runsText(toRuns([node]))))
  return parts.join('').split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean)
}

/** Most words of a line's own label ("Example:", "Stateless:"). */
const LABEL_WORDS = 3
const LABELLED = /^([^:.;!?]{1,40}):\s+(\S.*)$/

/** A line's label and what follows it ("Example: HTTP APIs …"), when it has a short one. */
function labelOf(line: string): { label: string; rest: string } | undefined {
  const match = LABELLED.exec(line)
  return match && countWords(match[1]) <= LABEL_WORDS ? { label: match[1].replace(/[*_`]/g, '').trim(), rest: match[2].trim() } : undefined
}

/** The section's text as bullets and paragraphs; undefined when it holds code, tables or nested lists. */
function unitsOf(section: Section): { units: Unit[]; blocks: RootContent[] } | undefined {
  const units: Unit[] = []
  const blocks: RootContent[] = []
  for (const block of section.blocks) {
    if (block.type === 'paragraph') {
      // An image beside the two sides goes with the table (its notes say what it showed).
      if (isMediaOnly(block)) {
        blocks.push(block)
        continue
      }
      units.push({ text: plainText(block).replace(/\s+/g, ' ').trim(), runs: normalizeRuns(toRuns(block.children)), block, lines: paragraphLines(block) })
      blocks.push(block)
    } else if (block.type === 'list') {
      for (const item of (block as List).children) {
        if (item.children.length !== 1 || item.children[0].type !== 'paragraph') return undefined
        const paragraph = item.children[0] as Paragraph
        units.push({ text: plainText(paragraph).replace(/\s+/g, ' ').trim(), runs: normalizeRuns(toRuns(paragraph.children)), block, lines: paragraphLines(paragraph) })
      }
      blocks.push(block)
    } else if (block.type !== 'html' && block.type !== 'thematicBreak') return undefined
  }
  return units.length ? { units, blocks } : undefined
}

/** Two bold openings that name the sides ("**Plan A** …" / "**Plan B** …"), one per unit. */
function boldPair(units: Unit[]): [string, string] | undefined {
  if (units.length !== 2) return undefined
  const names = units.map((unit) => {
    const at = unit.runs.findIndex((run) => run.strong)
    if (at < 0 || countWords(runsText(unit.runs.slice(0, at))) > 1) return undefined
    const name = runsText([unit.runs[at]]).trim()
    return countWords(name) <= NAME_WORDS && isNounPhrase(name, NAME_WORDS) ? tidySubject(name) : undefined
  })
  const [a, b] = names
  return a && b && !samePhrase(a, b) ? [a, b] : undefined
}

/** Words before a gerund that may open a participle clause after a comma ("…, with developers downloading …"). */
const CLAUSE_REACH = 3
const ADDITIVE = new Set(ADDITIVE_JOINS.map((join) => join.split(' ')))

/**
 * The clauses of a side's sentence: its main clause, and each participle clause after it, split
 * before a comma that a gerund follows closely ("…, making it possible", "…, with developers
 * downloading …") or before an additive join and a gerund ("… as well as reducing the risk").
 */
function clausesOf(text: string): string[] {
  const terms = termsOf(text)
  const cuts: number[] = []
  const at = (i: number): number => terms[i].start - terms[i].pre.length
  terms.forEach((term, i) => {
    if (i < 3 || !term.tags.has('Gerund')) return
    for (let j = i - 1; j >= Math.max(1, i - CLAUSE_REACH); j--) {
      if (!/,\s*$/.test(terms[j].post)) continue
      cuts.push(at(j + 1))
      return
    }
    for (const words of ADDITIVE) {
      const from = i - words.length
      if (from > 1 && words.every((word, k) => terms[from + k].text.toLowerCase() === word)) cuts.push(at(from))
    }
  })
  const out: string[] = []
  let from = 0
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    out.push(text.slice(from, cut).trim().replace(/,$/, ''))
    from = cut
  }
  out.push(text.slice(from).trim())
  // A clause keeps its gerund, not the join before it ("as well as reducing …" → "reducing …"),
  // and says it as its subject's verb does ("allows …, reducing …" → "reduces …"): a cell under a
  // subject's name reads as what the subject does, not as a fragment.
  const join = new RegExp(`^(?:${alternation(ADDITIVE_JOINS)})\\s+`, 'i')
  const main = terms[0]
  return out.map((clause, i) => (i > 0 ? finiteClause(clause.replace(join, ''), main) : clause)).filter(Boolean)
}

/**
 * A participle clause ("reducing the risk") as a finite one that agrees with `main`, the verb of
 * its sentence's main clause: "reduces the risk" after "allows", "reduce the risk" after "allow".
 * Note: after a past or an irregular main verb the clause keeps its gerund (no form is guessed).
 */
export function finiteClause(clause: string, main: Term | undefined): string {
  const [first] = termsOf(clause.split(/\s+/).slice(0, 3).join(' '))
  if (!first?.tags.has('Gerund') || !main || !main.tags.has('PresentTense') || main.tags.has('Copula') || main.tags.has('Modal') || main.tags.has('Auxiliary')) return clause
  const lemma = first.lemma.toLowerCase()
  const written = main.text.toLowerCase()
  // The main verb's own ending tells the number: "allows" (one) or "allow" (several).
  const singular = written !== main.lemma.toLowerCase() && written === thirdPerson(main.lemma.toLowerCase())
  if (!singular && written !== main.lemma.toLowerCase()) return clause
  const word = clause.split(/\s+/)[0]
  return (singular ? thirdPerson(lemma) : lemma) + clause.slice(word.length)
}

/** The third-person singular of a verb's base form ("reduce" → "reduces", "carry" → "carries", "fix" → "fixes"). */
function thirdPerson(base: string): string {
  if (/(?:s|sh|ch|x|z|o)$/.test(base)) return `${base}es`
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`
  return `${base}s`
}

/** Whether a text holds both sides' names (all their content words). */
function namesBoth(text: string, pair: [string, string]): boolean {
  const words = new Set(contentLemmas(text))
  return pair.every((name) => contentLemmas(name).every((word) => words.has(word)))
}

/** Which side a phrase names (-1: neither). */
const sideOf = (phrase: string, pair: [string, string]): number => pair.findIndex((name) => samePhrase(name, phrase))

/** The content lemmas two clauses share, without the subjects' own words and light words. */
function sharedWords(a: string, b: string, own: Set<string>): string[] {
  const right = new Set(contentLemmas(b))
  return [...new Set(contentLemmas(a))].filter((word) => right.has(word) && !own.has(word) && !LIGHT.has(word))
}

/** A cell's first sentence: what the table shows of a longer text (a label must match it). */
const firstSentence = (text: string): string => sentences(text)[0] ?? text

/** Both clauses say what the subject is ("is a …" / "is a …"). */
const defines = (text: string): boolean => /^(?:is|are)\s+(?:a|an|the)\s/i.test(text)

/**
 * What a row is about: the longest run of words both cells share that holds two content words
 * or more ("the risk of data loss" → "Risk of data loss"); "" when there is none.
 */
function sharedLabel(a: string, b: string, own: Set<string>): string {
  const words = (text: string): string[] => text.toLowerCase().replace(/[^\p{L}\p{N}\s-]+/gu, ' ').split(/\s+/).filter(Boolean)
  const [wa, wb] = [words(a), words(b)]
  let best: string[] = []
  for (let i = 0; i < wa.length; i++) {
    for (let j = 0; j < wb.length; j++) {
      let k = 0
      while (i + k < wa.length && j + k < wb.length && wa[i + k] === wb[j + k]) k++
      if (k > best.length) best = wa.slice(i, i + k)
    }
  }
  while (best.length && EDGE_WORDS.has(best[0])) best.shift()
  while (best.length && EDGE_WORDS.has(best[best.length - 1])) best.pop()
  const label = best.join(' ')
  if (contentLemmas(label).filter((word) => !own.has(word) && !LIGHT.has(word)).length < 2) return ''
  return label.charAt(0).toUpperCase() + label.slice(1)
}

/** What a section's lines say of the two sides: each side's clauses, rows said of both at once, and a lead-in. */
interface Told {
  clauses: Clause[]
  both: Array<{ cells: [string, string]; order: number }>
  lead: string[]
}

/**
 * Read each unit's lines for the side they tell of: a line labelled with a side's name, a
 * sentence whose subject is a side, a pronoun sentence after one, a contrast of both, or a
 * sentence that names both before either is told of (the lead-in). Undefined at any other
 * sentence: the text tells of more than the two.
 */
function tell(said: string[][], pair: [string, string]): Told | undefined {
  const told: Told = { clauses: [], both: [], lead: [] }
  const { clauses, both, lead } = told
  let order = 0
  const push = (side: number, texts: string[], label?: string): void => {
    order++
    texts.forEach((text, i) => clauses.push({ side, text, order: order + i / 10, joins: i > 0, ...(label ? { label } : {}) }))
  }
  for (const lines of said) {
    let side = -1
    for (const line of lines) {
      // "Stateless: Each request …": a line labelled with a side's name tells of that side (its
      // text whole); another label ("Example: …") labels a statement of the side told of.
      const labelled = labelOf(line)
      const labelSide = labelled ? sideOf(labelled.label, pair) : -1
      if (labelled && labelSide >= 0) {
        side = labelSide
        push(side, [labelled.rest.replace(/[.!]+$/, '')])
        continue
      }
      if (labelled && side >= 0) {
        push(side, [labelled.rest.replace(/[.!]+$/, '')], labelled.label)
        continue
      }
      for (const sentence of sentences(line)) {
        const text = sentence.trim().replace(/[.!]+$/, '')
        const contrast = bothSides(sentence, pair)
        if (contrast) {
          both.push({ cells: contrast, order: ++order })
          side = -1
          continue
        }
        const split = splitSubject(text, 5)
        // "Wells and reservoirs both …" names both: it is no one side's statement.
        const named = split && !namesBoth(split.subject, pair) ? sideOf(split.subject, pair) : -1
        if (named >= 0) {
          side = named
          push(side, clausesOf(split!.rest))
        } else if (side >= 0 && !split && PRONOUN.has(text.split(/\s+/)[0].toLowerCase())) {
          // "It has …", "This creates …": the cell says it of the column's subject, without the pronoun.
          push(side, clausesOf(text.replace(/^\S+\s+/, '')))
        } else if (!clauses.length && !both.length && namesBoth(text, pair)) {
          lead.push(sentence.trim())
        } else return undefined
      }
    }
  }
  return told
}

/** What a contrast sentence says of each side ("A …, while B …"), in the pair's order; undefined if it is not one of both. */
function bothSides(sentence: string, pair: [string, string]): [string, string] | undefined {
  const contrast = contrastOf(sentence)
  if (!contrast || contrast.cells.size !== 2) return undefined
  const entries = [...contrast.cells.entries()]
  const sides = entries.map(([subject]) => sideOf(subject, pair))
  if (sides[0] < 0 || sides[1] < 0 || sides[0] === sides[1] || entries.some(([, value]) => value === '—')) return undefined
  const cells: [string, string] = ['', '']
  entries.forEach(([, value], i) => (cells[sides[i]] = value))
  return cells
}

/**
 * Find two subjects told of side by side in a section's own bullets or paragraphs (see above);
 * the table replaces them (their text stays in the speaker notes).
 */
export function findSides(section: Section): Aligned | undefined {
  const found = unitsOf(section)
  if (!found) return undefined
  const { units, blocks } = found
  // The cheap tests first: a short text, about a pair a heading or two bold openings name.
  if (units.reduce((n, unit) => n + unit.text.length, 0) > SIDE_CHARS) return undefined
  const pair = headingPair(section.title) ?? boldPair(units)
  if (!pair) return undefined
  const said = units.map((unit) => unit.lines)
  if (said.flat().flatMap((line) => sentences(line)).length > SIDE_SENTENCES || said.flat().length < 2) return undefined
  const own = new Set(pair.flatMap((name) => contentLemmas(name)))
  const told = tell(said, pair)
  if (!told) return undefined
  const { clauses, both, lead } = told
  const sides = [0, 1].map((s) => clauses.filter((clause) => clause.side === s))
  if (sides.some((list) => !list.length) && both.length < 2) return undefined
  // Pair the clauses, most shared words first; "is a …" on both sides pairs too.
  const scored: Array<{ a: Clause; b: Clause; score: number }> = []
  for (const a of sides[0]) {
    for (const b of sides[1]) {
      // Each side's opening statement answers the other's (what each is or does): they pair.
      const opening = a === sides[0][0] && b === sides[1][0] ? PAIR_SCORE : 0
      // Clauses the note labels alike pair first; a labelled clause pairs with no other.
      if (a.label || b.label) {
        if (a.label && b.label && contentLemmas(a.label).join(' ') === contentLemmas(b.label).join(' ')) scored.push({ a, b, score: Number.MAX_SAFE_INTEGER })
        continue
      }
      const score = sharedWords(a.text, b.text, own).length + (defines(a.text) && defines(b.text) ? 2 : 0) + opening
      if (score >= PAIR_SCORE) scored.push({ a, b, score })
    }
  }
  scored.sort((x, y) => y.score - x.score || x.a.order - y.a.order)
  const rows: Array<{ cells: [string[], string[]]; order: number; label: string }> = both.map((row) => ({ cells: [[row.cells[0]], [row.cells[1]]], order: row.order, label: '' }))
  const rowOf = new Map<Clause, (typeof rows)[number]>()
  for (const { a, b } of scored) {
    if (rowOf.has(a) || rowOf.has(b)) continue
    const row = { cells: [[a.text], [b.text]] as [string[], string[]], order: Math.min(a.order, b.order), label: a.label ?? sharedLabel(firstSentence(a.text), firstSentence(b.text), own) }
    rows.push(row)
    rowOf.set(a, row)
    rowOf.set(b, row)
  }
  // A clause that pairs with nothing and continues a sentence is left to the speaker notes (its
  // sentence's main clause is in the table); a sentence that pairs with nothing stands alone ("—" beside it).
  for (const list of sides) {
    for (const clause of list) {
      if (rowOf.has(clause) || clause.joins) continue
      const alone = { cells: [[], []] as [string[], string[]], order: clause.order, label: '' }
      alone.cells[clause.side].push(clause.text)
      rows.push(alone)
      rowOf.set(clause, alone)
    }
  }
  const filled = rows.filter((row) => row.cells.every((cell) => cell.length))
  // Two rows said of both sides, and most rows said of both (else it is two lists, not a comparison).
  if (filled.length < 2 || filled.length * 2 < rows.length) return undefined
  rows.sort((x, y) => x.order - y.order)
  const showLabels = rows.every((row) => row.label)
  const names = pair.map((name) => tidySubject(name))
  return {
    names,
    rows: rows.map((row) => ({ aspect: showLabels ? row.label : '', cells: row.cells.map((cell) => (cell.length ? [{ text: cell.join(', ') }] : undefined)) })),
    blocks,
    notes: blocks.map((block) => notesFor(block)).join('\n\n'),
    ...(lead.length ? { lead: lead.join(' ') } : {}),
  }
}
