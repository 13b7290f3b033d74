import type { Nodes, RootContent, ListItem, Table } from 'mdast'
import { collapse, plainText } from '../text.js'

/**
 * The speaker-notes text of a block: every word of it, as plain markdown lines.
 * Note: inline formatting is dropped so each sentence reads exactly as in the note's text;
 * link targets, which plain text would lose, are listed after the paragraph.
 */
export function notesFor(node: RootContent | Nodes, indent = ''): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return indentLines(withLinks(plainText(node), node), indent)
    case 'list':
      return node.children
        .map((item, index) => listItemNotes(item, node.ordered ? `${(node.start ?? 1) + index}. ` : '- ', indent))
        .join('\n')
    case 'listItem':
      return listItemNotes(node, '- ', indent)
    case 'code': {
      const fence = fenceFor(node.value)
      return indentLines(`${fence}${node.lang ?? ''}\n${node.value}\n${fence}`, indent)
    }
    case 'table':
      return indentLines(tableNotes(node), indent)
    case 'blockquote':
      return node.children.map((child) => notesFor(child, `${indent}> `)).join(`\n${indent}>\n`)
    case 'html':
      return indentLines(node.value, indent)
    case 'thematicBreak':
      return ''
    case 'definition':
      return indentLines(`[${node.label ?? node.identifier}]: ${node.url}`, indent)
    case 'footnoteDefinition':
      return indentLines(
        `[^${node.label ?? node.identifier}]: ${node.children.map((child) => collapse(notesFor(child))).join(' ')}`,
        indent,
      )
    default:
      return indentLines(plainText(node as Nodes), indent)
  }
}

/** Notes of several blocks, separated by blank lines. */
export function notesForBlocks(blocks: Array<RootContent | Nodes>): string {
  return blocks
    .map((block) => notesFor(block))
    .filter((text) => text.trim())
    .join('\n\n')
}

function listItemNotes(item: ListItem, marker: string, indent: string): string {
  const pad = ' '.repeat(marker.length)
  const check = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : ''
  const parts = item.children.map((child, index) => {
    const text = notesFor(child, indent + pad)
    return index === 0 ? text.slice(indent.length + pad.length) : text
  })
  const [first = '', ...rest] = parts
  return [`${indent}${marker}${check}${first}`, ...rest].join('\n')
}

/** A table as speakable lines: one line per row, each cell named by its column header. */
function tableNotes(table: Table): string {
  const [head, ...rows] = table.children
  const headers = head ? head.children.map((cell) => plainText(cell)) : []
  const lines = [`Table: ${headers.join(' | ')}`]
  for (const row of rows) {
    const cells = row.children.map((cell, i) => (headers[i] ? `${headers[i]}: ${plainText(cell)}` : plainText(cell)))
    lines.push(`- ${cells.join('; ')}`)
  }
  return lines.join('\n')
}

function withLinks(text: string, node: Nodes): string {
  const targets: string[] = []
  const visit = (child: Nodes): void => {
    if ((child.type === 'link' || child.type === 'image') && child.url && !text.includes(child.url)) {
      if (!targets.includes(child.url)) targets.push(child.url)
    }
    if ('children' in child) for (const grandchild of child.children as Nodes[]) visit(grandchild)
  }
  visit(node)
  return targets.length ? `${text}\n(${targets.join(', ')})` : text
}

function indentLines(text: string, indent: string): string {
  if (!indent) return text
  return text
    .split('\n')
    .map((line) => indent + line)
    .join('\n')
}

/** A backtick fence longer than any backtick run inside the code. */
export function fenceFor(value: string): string {
  let longest = 0
  for (const match of value.matchAll(/`+/g)) longest = Math.max(longest, match[0].length)
  return '`'.repeat(Math.max(3, longest + 1))
}
