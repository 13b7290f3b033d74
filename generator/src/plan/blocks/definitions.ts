import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { LineRange, Run, SlideBlock } from '../../types.js'
import { normalizeRuns, runsText, toRuns } from '../../text.js'
import { isEnglish, tagSentence } from '../../grammar/index.js'
import { capitalize, sliceRuns } from '../runs.js'
import { GIST_WORDS, definitionOf, gist } from '../condense.js'
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

/** One `Term: explanation` as a unit of a definitions group (the gist shows; the notes keep all). */
export function definitionUnit(term: Run[], explanation: Run[], group: number, notes: string, range?: LineRange, header = DEFINITION_HEADER): Unit {
  const block: SlideBlock = { type: 'definitions', header, items: [{ term, gist: gist(explanation, GIST_WORDS, term) }] }
  return { kind: 'group', group, block, size: measureBlock(block), notes, range }
}

export function isDefinitionParagraph(node: RootContent): boolean {
  return node.type === 'paragraph' && !node.children.some((c) => c.type === 'image') && tableDefinition(toRuns(node.children))
}

/**
 * `Label: explanation` that belongs in a definitions table: one whose explanation is words.
 * Note: "FC: `tcpdump -i eth0`" labels a command, it defines nothing; under a "Term | In short"
 * header it would mislead, so such lines stay the note's own `**Label**: code` bullets.
 */
function tableDefinition(runs: Run[]): boolean {
  const definition = definitionOf(runs)
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
    const definition = definitionOf(runs)
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
