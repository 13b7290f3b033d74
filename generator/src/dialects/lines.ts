import type { List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast'
import { breaksExplicitly, endsSentence, isLoneItem, isTitleLine, joinsNext, lineText, LIST_MARKER, markerNumber, opensWithDefinition, opensWithLabel, startsSentence } from './line-shape.js'
import { paragraphOfLines, readLines, SourceLines, type Line } from './source-lines.js'

/**
 * Lines the author wrote as separate thoughts. Notes apps (Obsidian, Logseq, Notion exports)
 * show a single line ending as a new line, so authors write one thought a line with no blank
 * line between; CommonMark joins such lines into one paragraph, or glues an unindented line to
 * the list item above it. Here, in the note's top level:
 * - a tight list item's last paragraph loses its lazy continuation (a line left of the item's
 *   text that opens a sentence, after a line that does not lead into it): that text becomes a
 *   paragraph after the list, and the list resumes after it with its own numbers (in a loose
 *   list, whose items are apart, a line right under an item is the item's own);
 * - a paragraph whose every line ending separates two thoughts becomes one paragraph a line
 *   (see `separatesThoughts`), unless every line opens with a label (`Label: text`): the
 *   planner reads those as a run of definitions or a comparison;
 * - a line numbered on from the list before it ("6. …" after items 3–5, which CommonMark
 *   cannot start a list with) becomes that list's next item.
 * Every block keeps the exact place of its lines. Quotes, callouts, code, math and tables are
 * not touched, nor paragraphs inside list items.
 * Note: a paragraph with one line ending inside a sentence stays whole, even when its other line
 * endings fall after a full stop: that author wraps lines, so a full stop at a line's end may be
 * where the wrap fell, not a new thought. Keeping it whole loses nothing (the planner condenses
 * it as before); cutting it could split a thought the author wrote as one.
 */
export function applyLines(tree: Root, source: string): void {
  const lines = new SourceLines(source)
  const out: RootContent[] = []
  for (const node of tree.children) {
    if (node.type === 'list') for (const block of splitLazyList(node, lines)) out.push(block)
    else out.push(node)
  }
  const split: RootContent[] = []
  // The number an ordered list before this point would give its next item (paragraphs between allowed).
  let number: number | undefined
  for (const node of out) {
    const blocks = node.type === 'paragraph' ? (splitParagraph(node, lines, number) ?? [node]) : [node]
    for (const block of blocks) {
      split.push(block)
      if (block.type === 'list') number = block.ordered ? (block.start ?? 1) + block.children.length : undefined
      else if (block.type !== 'paragraph' && block.type !== 'html') number = undefined
    }
  }
  tree.children = dropCodeLabels(split)
}

/**
 * A line that only repeats the language of the code block right after it ("Python" above
 * ```` ```python ````), as pages copied from the web leave it, is the block's label, not a
 * sentence: a paragraph that is only that line goes, and a last line of that kind leaves the
 * paragraph it was soft-wrapped onto. Note: nothing is lost; the code's notes keep its fence and language.
 */
export function dropCodeLabels(blocks: RootContent[]): RootContent[] {
  const out: RootContent[] = []
  blocks.forEach((block, i) => {
    const next = blocks[i + 1]
    const lang = next?.type === 'code' ? next.lang?.trim().toLowerCase() : undefined
    const last = block.type === 'paragraph' ? block.children[block.children.length - 1] : undefined
    if (!lang || block.type !== 'paragraph' || last?.type !== 'text') return out.push(block)
    if (block.children.length === 1 && last.value.trim().toLowerCase() === lang) return
    const label = /\n[ \t]*([^\n]+?)[ \t]*$/.exec(last.value)
    if (label && label[1].toLowerCase() === lang) {
      out.push({ ...block, children: [...block.children.slice(0, -1), { ...last, value: last.value.slice(0, label.index) }] })
    } else out.push(block)
  })
  return out
}

/**
 * Does the line ending between `a` and `b` separate two thoughts? It does before a sentence start
 * after a sentence end, an explicit break (`<br>`, two spaces) or a line that is all bold (a title),
 * between two lines that are each one code span or link, and between two lines that each open
 * with a bold label.
 */
export function separatesThoughts(a: Line, b: Line): boolean {
  if ((endsSentence(a) || breaksExplicitly(a) || isTitleLine(a)) && startsSentence(b)) return true
  if (isLoneItem(a) && isLoneItem(b)) return true
  return opensWithLabel(a) && opensWithLabel(b)
}

/**
 * A top-level paragraph cut into one block a line (see `applyLines`), or undefined when one of
 * its line endings does not separate two thoughts.
 */
export function splitParagraph(paragraph: Paragraph, source: SourceLines, numberAfter?: number): RootContent[] | undefined {
  const lines = readLines(paragraph, source)
  if (!lines || lines.length < 2 || !paragraph.position) return undefined
  // A line ending inside a code span or bold text is inside a thought.
  if (lines.some((line) => line.last !== line.line || !line.nodes.length)) return undefined
  // `Label: text` lines are a run of definitions (or one side of a comparison): the planner reads them whole.
  if (lines.every(opensWithDefinition)) return undefined
  const numbered = new Set<number>()
  let expected = numberAfter
  for (let i = 1; i < lines.length; i++) {
    const number = markerNumber(lines[i])
    if (number !== undefined && (number === expected || (expected === undefined && lineText(lines[i - 1]).endsWith(':')))) {
      numbered.add(i)
      expected = number + 1
    } else if (!separatesThoughts(lines[i - 1], lines[i])) return undefined
  }
  const whole = paragraph.position
  const blocks: RootContent[] = []
  lines.forEach((line, i) => {
    const block = paragraphOfLines([line], source, whole, i === 0, i === lines.length - 1)
    if (!numbered.has(i)) {
      blocks.push(block)
      return
    }
    const item = numberedItem(block)
    const previous = blocks[blocks.length - 1]
    if (numbered.has(i - 1) && previous?.type === 'list') {
      previous.children.push(item)
      previous.position = { start: previous.position!.start, end: item.position!.end }
    } else {
      blocks.push({ type: 'list', ordered: true, start: markerNumber(line), spread: false, children: [item], position: { ...item.position! } })
    }
  })
  return blocks
}

/** A one-line paragraph that starts with "6. ", as the list item it is (the marker leaves its text). */
function numberedItem(block: Paragraph): ListItem {
  const first = block.children[0] as Text
  const marker = LIST_MARKER.exec(first.value)![0]
  const start = block.position!.start
  const textStart = { line: start.line, column: start.column + marker.length, offset: start.offset === undefined ? undefined : start.offset + marker.length }
  const rest = first.value.slice(marker.length)
  const children = rest ? [{ ...first, value: rest, position: first.position ? { start: textStart, end: first.position.end } : undefined }, ...block.children.slice(1)] : block.children.slice(1)
  const paragraph: Paragraph = { type: 'paragraph', children, position: { start: textStart, end: block.position!.end } }
  return { type: 'listItem', spread: false, checked: null, children: [paragraph], position: block.position }
}

/**
 * A top-level list cut where an item's last paragraph goes on with a lazy continuation line:
 * the list up to that item, the continuation as a paragraph, and the rest of the list (numbered on).
 */
export function splitLazyList(list: List, source: SourceLines): RootContent[] {
  // In a loose list (blank lines between items) a line right under an item is that item's.
  if (list.spread || list.children.some((item) => item.spread) || !list.position) return [list]
  const out: RootContent[] = []
  let items: ListItem[] = []
  let start = list.ordered ? (list.start ?? 1) : undefined
  let from = list.position.start
  list.children.forEach((item, k) => {
    const cut = lazyCut(item, source)
    if (!cut) {
      items.push(item)
      return
    }
    items.push(cut.item)
    out.push({ ...list, children: items, ...(start !== undefined ? { start } : {}), position: { start: from, end: cut.item.position!.end } }, cut.moved)
    items = []
    if (start !== undefined) start = (list.start ?? 1) + k + 1
    from = list.children[k + 1]?.position?.start ?? from
  })
  if (items.length) out.push({ ...list, children: items, ...(start !== undefined ? { start } : {}), position: { start: from, end: list.position.end } })
  return out
}

/** An item without the lazy continuation of its last paragraph, and that continuation; or undefined. */
function lazyCut(item: ListItem, source: SourceLines): { item: ListItem; moved: Paragraph } | undefined {
  const last = item.children[item.children.length - 1]
  const column = item.children[0]?.position?.start.column
  if (last?.type !== 'paragraph' || !last.position || column === undefined || !item.position) return undefined
  const lines = readLines(last, source)
  if (!lines) return undefined
  const at = lines.findIndex((line, j) => j > 0 && source.indent(line.line) < column && startsSentence(line) && !joinsNext(lines[j - 1]))
  if (at < 0) return undefined
  const kept = paragraphOfLines(lines.slice(0, at), source, last.position, true, false)
  const moved = paragraphOfLines(lines.slice(at), source, last.position, false, true)
  return { item: { ...item, children: [...item.children.slice(0, -1), kept], position: { start: item.position.start, end: kept.position!.end } }, moved }
}
