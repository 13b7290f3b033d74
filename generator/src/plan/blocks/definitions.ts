import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { LineRange, Run, SlideBlock } from '../../types.js'
import { toRuns } from '../../text.js'
import { GIST_WORDS, definitionOf, gist } from '../condense.js'
import { measureBlock } from '../measure.js'
import { notesFor } from '../notes.js'
import { rangeOf, type Unit, type UnitContext } from '../unit.js'

/** The header a run of definitions shows, decided here so the emitter prints it as given. */
export const DEFINITION_HEADER: [Run[], Run[]] = [[{ text: 'Term' }], [{ text: 'In short' }]]

/** One `Term: explanation` as a unit of a definitions group (the gist shows; the notes keep all). */
export function definitionUnit(term: Run[], explanation: Run[], group: number, notes: string, range?: LineRange): Unit {
  const block: SlideBlock = { type: 'definitions', header: DEFINITION_HEADER, items: [{ term, gist: gist(explanation, GIST_WORDS) }] }
  return { kind: 'group', group, block, size: measureBlock(block), notes, range }
}

export function isDefinitionParagraph(node: RootContent): boolean {
  return node.type === 'paragraph' && !node.children.some((c) => c.type === 'image') && definitionOf(toRuns(node.children)) !== undefined
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
    if (first?.type === 'paragraph' && definitionOf(toRuns(first.children))) definitions++
  }
  return definitions >= 2 && definitions >= list.children.length * 0.6 && list.children.every((item) => descendants(item).length === 0)
}

/** A definition list as one group of definition units. */
export function definitionListUnits(list: List, context: UnitContext): Unit[] {
  const group = context.nextGroup()
  return list.children.map((item) => {
    const first = item.children[0]
    const runs = first?.type === 'paragraph' ? toRuns(first.children) : []
    const definition = definitionOf(runs)
    const notes = '- ' + notesFor(item).replace(/^- /, '')
    if (definition) return definitionUnit(definition.term, definition.explanation, group, notes, rangeOf(item))
    return definitionUnit([], runs, group, notes, rangeOf(item))
  })
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
  return paragraphs.every((p) => definitionOf(toRuns(p.children)) !== undefined) ? paragraphs : undefined
}
