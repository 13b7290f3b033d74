import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { LineRange, Run, SlideBlock } from '../../types.js'
import { countWords, normalizeRuns, runsText, toRuns } from '../../text.js'
import { isEnglish, tagSentence } from '../../grammar/index.js'
import { capitalize, sliceRuns } from '../runs.js'
import { GIST_WORDS, definitionOf, gist, type Definition } from '../condense.js'
import { termsOf } from '../phrase.js'
import { measureBlock } from '../measure.js'
import { notesFor } from '../notes.js'
import { ledHeader } from '../header.js'
import { rangeOf, type Unit, type UnitContext } from '../unit.js'

/** The header a run of definitions shows, decided here so the emitter prints it as given. */
export const DEFINITION_HEADER: [Run[], Run[]] = [[{ text: 'Term' }], [{ text: 'In short' }]]

/** One `Term: explanation` of a run of definitions, with the notes and lines it stands for. */
export interface DefinitionEntry {
  term: Run[]
  explanation: Run[]
  notes: string
  range?: LineRange
}

/**
 * A run of definitions as one group. When every explanation opens with the same subject and
 * verb ("Orchestrators can deploy …", "Orchestrators can restart …"), the cells show the phrase
 * after it ("Deploy …"); the notes keep the whole sentences.
 */
export function definitionGroupUnits(entries: DefinitionEntry[], group: number, lead?: string): Unit[] {
  const cut = sharedOpening(entries.map((entry) => runsText(entry.explanation)))
  // A lead-in that counts the entries names the first column ("two alliances" → "Alliance").
  const header = ledHeader(DEFINITION_HEADER, lead, entries.map((entry) => entry.explanation))
  return entries.map((entry) => {
    const explanation = cut ? capitalize(normalizeRuns(sliceRuns(entry.explanation, cut, runsText(entry.explanation).length))) : entry.explanation
    return definitionUnit(entry.term, explanation, group, entry.notes, entry.range, header)
  })
}

/**
 * Characters of a shared opening of at least two words, ending on an auxiliary or before a
 * verb, that three or more explanations all start with (0 when there is none).
 */
export function sharedOpening(texts: string[]): number {
  if (texts.length < 3 || !texts.every(isEnglish)) return 0
  const words = texts.map((text) => text.split(/(?<=\s)/))
  let shared = 0
  while (words.every((w) => w[shared] !== undefined && w[shared].trim().toLowerCase() === words[0][shared].trim().toLowerCase())) shared++
  if (shared < 2 || words.some((w) => w.length <= shared + 1)) return 0
  const prefix = words[0].slice(0, shared).join('')
  const tokens = tagSentence(texts[0])
  const last = tokens.filter((t) => t.end <= prefix.trimEnd().length).pop()
  const next = tokens.find((t) => t.start >= prefix.length)
  const verbal = (t?: { pos: string }): boolean => t?.pos === 'AUX' || t?.pos === 'VERB'
  return verbal(last) || verbal(next) ? prefix.length : 0
}

/** Words past which a cell is a long sentence rather than a phrase. */
const LONG_CELL_WORDS = 2 * GIST_WORDS
/** Fewest words of the clause before a dash that may stand as the cell. */
const DASH_CLAUSE_WORDS = 5

/**
 * The gist of an explanation, never ending on an ellipsis: a sentence cut where the note itself
 * writes "…" ("Be verbose: for example, A ... B are shown") reads as a cut cell, so the clause
 * before its colon or semicolon is the cell instead, when there is one.
 */
function closedGist(explanation: Run[], term: Run[]): Run[] {
  const short = gist(explanation, GIST_WORDS, term)
  const text = runsText(short).trimEnd()
  // A long sentence that goes on after a dash ("X keeps A in order—each B gets its own C"): the
  // clause before the dash is the cell; what the dash adds is said (notes). When that clause is
  // negated ("X does not do A—it does B"), it alone would say the opposite of the point: the
  // clause after the dash, the other half of the contrast, is the cell when it is a whole clause.
  const dash = text.search(/\s?[—–]\s?/u)
  if (countWords(text) > LONG_CELL_WORDS && dash > 0 && countWords(text.slice(0, dash)) >= DASH_CLAUSE_WORDS) {
    if (!termsOf(text.slice(0, dash)).some((term) => term.tags.has('Negative'))) return normalizeRuns(sliceRuns(short, 0, dash))
    const after = text.slice(dash).replace(/^\s?[—–]\s?/u, '')
    const terms = termsOf(after)
    const finite = terms.some((term) => term.tags.has('PresentTense') || term.tags.has('PastTense'))
    if (finite && countWords(after) >= DASH_CLAUSE_WORDS && countWords(after) <= LONG_CELL_WORDS) return capitalize(normalizeRuns(sliceRuns(short, text.length - after.length, text.length)))
  }
  if (!/(?:\.\.\.|…)$/u.test(text)) return short
  const stop = text.search(/[:;]\s/)
  return stop > 0 ? normalizeRuns(sliceRuns(short, 0, stop)) : short
}

/** One `Term: explanation` as a unit of a definitions group (the gist shows; the notes keep all). */
export function definitionUnit(term: Run[], explanation: Run[], group: number, notes: string, range?: LineRange, header = DEFINITION_HEADER): Unit {
  const block: SlideBlock = { type: 'definitions', header, items: [{ term, gist: closedGist(explanation, term) }] }
  return { kind: 'group', group, block, size: measureBlock(block), notes, range }
}

/** Longest code span that names a term ("`-i eth0`"); a longer one is a command, not a name. */
const CODE_TERM_CHARS = 24
/** Fewest words of the gloss after a code term. */
const CODE_GLOSS_WORDS = 2

/**
 * `code` followed by its gloss without a colon: "`-q` Show less output", "`-a` or `-b` Print
 * both". The term is the opening code span (or spans joined by one short word: "or", "/"); the
 * gloss must be words, and must not go on as a sentence whose subject is the code ("`ls` lists
 * files", "`x` is …": there the code is what the sentence is about, not a term it defines).
 */
export function codeTermOf(runs: Run[]): Definition | undefined {
  const all = normalizeRuns(runs)
  let at = 0
  while (all[at]?.code && all[at].text.trim().length <= CODE_TERM_CHARS && /^\s*(?:\p{Ll}{1,3}|[\/,|])\s*$/u.test(all[at + 1]?.text ?? '') && all[at + 2]?.code) at += 2
  const last = all[at]
  const gloss = all.slice(at + 1)
  if (!last?.code || last.text.trim().length > CODE_TERM_CHARS || !gloss.length || gloss[0].code || !/^\s+\p{L}/u.test(gloss[0].text)) return undefined
  const text = runsText(gloss).trim()
  if (text.split(/\s+/).length < CODE_GLOSS_WORDS) return undefined
  // A gloss that opens in capitals starts anew ("Show …", "Don't …"); one in lower case may go
  // on as a sentence about the code: not when its first word reads as that sentence's verb ("it lists", "it is").
  if (/^\p{Ll}/u.test(text)) {
    const verb = termsOf(`it ${text.split(/\s+/).slice(0, 3).join(' ')}`)[1]
    if (!verb || verb.tags.has('Copula') || verb.tags.has('Modal') || verb.tags.has('Auxiliary')) return undefined
    if (verb.tags.has('PresentTense') && !verb.tags.has('Infinitive') && /s$/i.test(verb.text)) return undefined
  }
  return { term: normalizeRuns(all.slice(0, at + 1)), explanation: normalizeRuns([{ ...gloss[0], text: gloss[0].text.trimStart() }, ...gloss.slice(1)]) }
}

/** Most words of a term set off by a dash ("Spot - enables you to …"). */
const DASH_TERM_WORDS = 4
/** Fewest words of what a dash term's explanation says. */
const DASH_GLOSS_WORDS = 3

/**
 * `Term - explanation`: a short capitalised name, a spaced dash, then what it is or does ("Spot -
 * enables you to bid …"). Note: the dash must be spaced and come before any other mark, so that
 * a hyphenated word or a dash inside a sentence is not read as a term.
 */
export function dashTermOf(runs: Run[]): Definition | undefined {
  const all = normalizeRuns(runs)
  const first = all[0]
  if (!first || first.code || first.math || first.href) return undefined
  const match = /^([^\s:：.!?;,()\-–—][^:：.!?;,()\-–—]*?)\s+[-–—]\s+(?=\S)/u.exec(first.text)
  if (!match || !/^[\p{Lu}\p{N}]/u.test(match[1]) || match[1].split(/\s+/).length > DASH_TERM_WORDS) return undefined
  const explanation = normalizeRuns([{ ...first, text: first.text.slice(match[0].length) }, ...all.slice(1)])
  if (runsText(explanation).trim().split(/\s+/).length < DASH_GLOSS_WORDS) return undefined
  return { term: [{ text: match[1].trim(), ...(first.strong ? { strong: true } : {}) }], explanation: capitalize(explanation) }
}

/**
 * A definition of a table of terms: a code term and its gloss (codeTermOf), or `Term:
 * explanation`; in paragraphs (`dashed`) also `Term - explanation`.
 * Note: list items keep their dashes as the note's own bullets (a list of "Name - text" items is
 * often a list of links or asides, not of terms).
 */
export function entryOf(runs: Run[], dashed = false): Definition | undefined {
  return codeTermOf(runs) ?? definitionOf(runs) ?? (dashed ? dashTermOf(runs) : undefined)
}

export function isDefinitionParagraph(node: RootContent): boolean {
  return node.type === 'paragraph' && !node.children.some((c) => c.type === 'image') && tableDefinition(toRuns(node.children), true)
}

/**
 * `Label: explanation` that belongs in a definitions table: one whose explanation is words.
 * Note: "FC: `tcpdump -i eth0`" labels a command, it defines nothing; under a "Term | In short"
 * header it would mislead, so such lines stay the note's own `**Label**: code` bullets.
 */
function tableDefinition(runs: Run[], dashed = false): boolean {
  const definition = entryOf(runs, dashed)
  return definition !== undefined && !definition.explanation.every((run) => run.code || !run.text.trim())
}

/** An item's nested lists' items, every level. */
function descendants(item: ListItem): ListItem[] {
  return item.children.filter((child): child is List => child.type === 'list').flatMap((list) => list.children.flatMap((child) => [child, ...descendants(child)]))
}

/** A list most of whose items are `Term: explanation`, with no nested lists. */
export function isDefinitionList(list: List): boolean {
  let definitions = 0
  for (const item of list.children) {
    const first = item.children[0]
    if (first?.type === 'paragraph' && tableDefinition(toRuns(first.children))) definitions++
  }
  return definitions >= 2 && definitions >= list.children.length * 0.6 && list.children.every((item) => descendants(item).length === 0)
}

/** A definition list as one group of definition units (`lead`: the paragraph before it). */
export function definitionListUnits(list: List, context: UnitContext, lead?: string): Unit[] {
  const entries = list.children.map((item): DefinitionEntry => {
    const first = item.children[0]
    const runs = first?.type === 'paragraph' ? toRuns(first.children) : []
    const definition = entryOf(runs)
    const notes = '- ' + notesFor(item).replace(/^- /, '')
    return { term: definition?.term ?? [], explanation: definition?.explanation ?? runs, notes, range: rangeOf(item) }
  })
  return definitionGroupUnits(entries, context.nextGroup(), lead)
}

/**
 * A paragraph whose soft-wrapped lines each start with a label ("C3: …" / "C4: …") read as a run
 * of definitions: one paragraph per line, or undefined when it is not one.
 */
export function definitionLines(node: Paragraph): Paragraph[] | undefined {
  const lines: PhrasingContent[][] = [[]]
  for (const child of node.children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines[lines.length - 1].push(child)
      continue
    }
    const parts = child.value.split('\n')
    parts.forEach((part, index) => {
      if (index > 0) lines.push([])
      if (part) lines[lines.length - 1].push({ type: 'text', value: part })
    })
  }
  const filled = lines.filter((line) => line.length)
  if (filled.length < 2) return undefined
  const start = node.position?.start.line
  const paragraphs: Paragraph[] = filled.map((children, index) => ({
    type: 'paragraph',
    children,
    ...(start !== undefined && node.position ? { position: { start: { line: start + index, column: 1 }, end: { line: start + index, column: 1 } } } : {}),
  }))
  return paragraphs.every((p) => tableDefinition(toRuns(p.children))) ? paragraphs : undefined
}
