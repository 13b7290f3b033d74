import type { Heading, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import { markdownReader } from '../markdown.js'
import { makeCallout } from './callout.js'

/** Notion's 32-hex-digit page id at the end of a title or file name ("Budget 1a2b…"). */
export const NOTION_ID = /\s+[0-9a-f]{32}$/i

/**
 * Notion and HTML exports: `<aside>` blocks become callouts; `<details><summary>S</summary>`
 * becomes a section titled S (one level below the heading above it) holding what it folds;
 * Notion's page ids are dropped from headings.
 */
export function applyNotion(tree: Root, file: VFile): void {
  const source = String(file.value ?? '')
  if (/<aside[\s>]|<details[\s>]/i.test(source)) wrapBlocks(tree, source)
  dropIds(tree)
}

function wrapBlocks(parent: Parent, source: string): void {
  const children = parent.children as RootContent[]
  let depth = 1
  // The group a run of folds belongs to (the heading or bold line above it), and where the last fold ended.
  let group: { title: PhrasingContent[]; depth: number; at: number; heads: boolean } | undefined
  let afterFold = -1
  for (let i = 0; i < children.length; i++) {
    const child = children[i]
    if (i === afterFold && group?.heads && !opensFold(child)) {
      // What follows a closed fold is not inside it: it goes back to the fold's group, as a part of its own.
      const heading: Heading = { type: 'heading', depth: Math.min(6, group.depth + 1) as Heading['depth'], children: structuredClone(group.title), position: child.position && { start: child.position.start, end: child.position.start } }
      children.splice(i, 0, heading)
      group = undefined
      continue
    }
    if (child.type === 'heading') {
      depth = child.depth
      group = undefined
    }
    const label = groupLabel(child)
    if (label) group = { title: label, depth: Math.min(6, depth + 1), at: i, heads: false }
    if (child.type !== 'html') {
      if ('children' in child && child.type !== 'paragraph' && child.type !== 'heading') wrapBlocks(child as Parent, source)
      continue
    }
    const open = /^\s*<(aside|details)(?:\s[^>]*)?>/i.exec(child.value)
    if (!open) continue
    const tag = open[1].toLowerCase()
    if (tag === 'details' && group && !group.heads) {
      // The bold line over a run of folds ("**Basics**") heads them: a heading, one level above theirs.
      const line = children[group.at]
      children[group.at] = { type: 'heading', depth: group.depth as Heading['depth'], children: structuredClone(group.title), position: line.position, data: { lectern: 'label' } as Heading['data'] }
      group.heads = true
      depth = group.depth
    }
    const close = new RegExp(`</${tag}\\s*>`, 'i')
    // The closing tag may share its HTML block with what follows (`</details>\n<details>…`).
    let j = i
    while (j < children.length && !(children[j].type === 'html' && close.test(j === i ? child.value.slice(open[0].length) : (children[j] as { value: string }).value))) j++
    if (j >= children.length) continue
    const last = children[j] as { value: string; position?: RootContent['position'] }
    const start = child.position?.start
    const lastStart = last.position?.start.offset
    if (start?.offset === undefined || lastStart === undefined || !last.position) continue
    const skip = j === i ? open[0].length : 0
    const closing = close.exec(last.value.slice(skip))!
    const endOffset = lastStart + skip + closing.index + closing[0].length
    const end = pointAt(source, endOffset)
    const remainder = source.slice(endOffset, last.position.end.offset)
    const whole = source.slice(start.offset, endOffset)
    const inner = whole.replace(/^\s*<(aside|details)(?:\s[^>]*)?>/i, '').replace(new RegExp(`</${tag}\\s*>$`, 'i'), '')
    const innerStart = start.offset + whole.indexOf(inner)
    let replacement: RootContent[]
    if (tag === 'aside') {
      replacement = [makeCallout(parseAt(source, innerStart, inner), 'note', '', { start, end })]
    } else {
      const summary = /^\s*<summary(?:\s[^>]*)?>([\s\S]*?)<\/summary>/i.exec(inner)
      const afterSummary = summary ? inner.slice(summary.index + summary[0].length) : inner
      // `</summary><br>`: the break is decoration, and left in place it would swallow the body as HTML.
      const bodyText = afterSummary.replace(/^[ \t]*(?:<br\s*\/?>[ \t]*)+/i, '')
      const bodyStart = innerStart + (summary ? summary.index + summary[0].length : 0) + afterSummary.length - bodyText.length
      const summaryStart = innerStart + (summary ? summary.index + summary[0].indexOf(summary[1]) : 0)
      const title = summary ? parseAt(source, summaryStart, summary[1].trim()) : []
      const heading: Heading = {
        type: 'heading',
        depth: Math.min(6, depth + 1) as Heading['depth'],
        children: title[0]?.type === 'paragraph' ? title[0].children : [{ type: 'text', value: summary?.[1].trim() ?? '' }],
        position: { start, end: start },
      }
      replacement = [...(summary ? [heading] : []), ...parseAt(source, bodyStart, bodyText)]
    }
    // The tail is wrapped by this loop, which knows the heading level and the group it is in.
    const tail = remainder.trim() ? parseAt(source, endOffset, remainder, false) : []
    children.splice(i, j - i + 1, ...replacement, ...tail)
    // The tail is looked at again: it may open the next block.
    i += replacement.length - 1
    if (tag === 'details') afterFold = i + 1
  }
}

/** A block that opens a fold or starts a new part: a heading, `<details>` or `<aside>`. */
function opensFold(node: RootContent): boolean {
  return node.type === 'heading' || (node.type === 'html' && /^\s*<(?:details|aside)[\s>]/i.test(node.value))
}

/** A bold line alone ("**Fundamentals**", "**Commands:**"): the label of the folds under it. */
function groupLabel(node: RootContent): PhrasingContent[] | undefined {
  if (node.type !== 'paragraph') return undefined
  const shown = node.children.filter((child) => !(child.type === 'text' && !child.value.trim()))
  if (shown.length !== 1 || shown[0].type !== 'strong') return undefined
  const text = shown[0].children.map((child) => (child.type === 'text' ? child.value : '')).join('').replace(/[:：]\s*$/, '').trim()
  return text ? [{ type: 'text', value: text }] : undefined
}

/** Parse a piece of the note that starts at `offset`, with positions as in the whole note (blocks inside it included). */
function parseAt(source: string, offset: number, text: string, wrap = true): RootContent[] {
  const tree = markdownReader.parse(text) as Root
  const before = source.slice(0, offset)
  const line = before.split('\n').length - 1
  const column = offset - (before.lastIndexOf('\n') + 1)
  const shift = (node: Nodes): void => {
    if (node.position) {
      for (const point of [node.position.start, node.position.end]) {
        if (point.line === 1) point.column += column
        point.line += line
        if (point.offset !== undefined) point.offset += offset
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) shift(child)
  }
  shift(tree)
  if (wrap) wrapBlocks(tree, source)
  return tree.children
}

/** "Budget 1a2b…(32 hex)" headings lose the id. */
function dropIds(tree: Root): void {
  for (const node of tree.children) {
    if (node.type !== 'heading') continue
    const last = node.children[node.children.length - 1]
    if (last?.type === 'text' && NOTION_ID.test(last.value)) last.value = last.value.replace(NOTION_ID, '')
  }
}

/** The line and column of an offset in the note. */
function pointAt(source: string, offset: number): { line: number; column: number; offset: number } {
  const before = source.slice(0, offset)
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n'), offset }
}
