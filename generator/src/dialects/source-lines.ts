import type { Nodes, Paragraph, PhrasingContent } from 'mdast'
import type { Point, Position } from 'unist'

/** The note's lines, to give a block cut out of a paragraph the exact place of its lines. */
export class SourceLines {
  private readonly lines: string[]
  private readonly offsets: number[]

  constructor(source: string) {
    this.lines = source.split('\n')
    this.offsets = []
    let offset = 0
    for (const line of this.lines) {
      this.offsets.push(offset)
      offset += line.length + 1
    }
  }

  /** The text of line `line` (1-based), without its line ending; undefined past the end. */
  text(line: number): string | undefined {
    const text = this.lines[line - 1]
    return text?.endsWith('\r') ? text.slice(0, -1) : text
  }

  /** The column (1-based) of the first character after the line's indentation, tabs to 4. */
  indent(line: number): number {
    const text = this.text(line) ?? ''
    let column = 0
    for (const char of text) {
      if (char === ' ') column++
      else if (char === '\t') column += 4 - (column % 4)
      else break
    }
    return column + 1
  }

  /** Where the line's words start (after its indentation). */
  start(line: number): Point {
    const text = this.text(line) ?? ''
    const skipped = text.length - text.trimStart().length
    return { line, column: skipped + 1, offset: (this.offsets[line - 1] ?? 0) + skipped }
  }

  /** Where the line's words end (before trailing white space). */
  end(line: number): Point {
    const text = (this.text(line) ?? '').trimEnd()
    return { line, column: text.length + 1, offset: (this.offsets[line - 1] ?? 0) + text.length }
  }
}

/** One source line of a paragraph: its inline nodes, and how it ended. */
export interface Line {
  nodes: PhrasingContent[]
  /** The source line it starts on (1-based). */
  line: number
  /** The source line it ends on: later than `line` when an inline node (code, bold) spans lines. */
  last: number
  /** Ended by a hard break (two spaces or `\` before the line ending). */
  hard: boolean
  /** Where the hard break starts, which ends the line's text. */
  breakAt?: Point
  /** The line's words as plain text, once read (see lineText). */
  text?: string
}

/**
 * A paragraph's inline content cut at its line endings (soft or hard), or undefined when the
 * line endings it counts do not match its source lines (a dialect rewrote it: nothing is cut).
 */
export function readLines(paragraph: Paragraph, source: SourceLines): Line[] | undefined {
  const first = paragraph.position?.start.line
  const lastLine = paragraph.position?.end.line
  if (first === undefined || lastLine === undefined || first === lastLine) return undefined
  const lines: Line[] = [{ nodes: [], line: first, last: first, hard: false }]
  let at = first
  const next = (): Line => {
    const line: Line = { nodes: [], line: at, last: at, hard: false }
    lines.push(line)
    return line
  }
  let current = lines[0]
  for (const child of paragraph.children) {
    if (child.type === 'break') {
      current.hard = true
      current.breakAt = child.position?.start
      at++
      current = next()
    } else if (child.type === 'text') {
      const parts = child.value.split(/\r?\n/)
      parts.forEach((part, k) => {
        if (k > 0) {
          at++
          current = next()
        }
        if (!part) return
        if (parts.length === 1 || !child.position) current.nodes.push(parts.length === 1 ? child : { ...child, value: part })
        else {
          const start = k === 0 ? child.position.start : source.start(at)
          const end = k === parts.length - 1 ? child.position.end : source.end(at)
          current.nodes.push({ ...child, value: part, position: { start: { ...start }, end: { ...end } } })
        }
      })
    } else {
      current.nodes.push(child)
      at += spanOf(child)
      current.last = at
    }
  }
  if (at !== lastLine) return undefined
  return lines
}

/** How many line endings an inline node holds. */
function spanOf(node: Nodes): number {
  // The parser turns line endings in code and math into spaces: their places still tell.
  if ((node.type === 'inlineCode' || node.type === 'inlineMath') && node.position) return node.position.end.line - node.position.start.line
  if ('value' in node && typeof node.value === 'string') return node.value.split(/\r?\n/).length - 1
  if ('children' in node) return (node.children as Nodes[]).reduce((sum, child) => sum + spanOf(child), 0)
  return 0
}

/**
 * A paragraph of some of a paragraph's lines, placed exactly: it starts where its first line's
 * words start (or where the old paragraph started) and ends where its last line's words end.
 */
export function paragraphOfLines(lines: Line[], source: SourceLines, whole: Position, isFirst: boolean, isLast: boolean): Paragraph {
  const head = lines[0]
  const tail = lines[lines.length - 1]
  const start = isFirst ? whole.start : source.start(head.line)
  const end = isLast ? whole.end : (tail.breakAt ?? source.end(tail.last))
  const nodes = lines.flatMap((line, k) => {
    const out = [...line.nodes]
    if (k < lines.length - 1) out.push(line.hard ? { type: 'break' } : { type: 'text', value: '\n' })
    return out
  })
  return { type: 'paragraph', children: mergeText(nodes), position: { start: { ...start }, end: { ...end } } }
}

/** Neighbouring text nodes joined again (one text node per run, as the parser gives). */
function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    const previous = out[out.length - 1]
    if (node.type === 'text' && previous?.type === 'text') {
      const position = previous.position && node.position ? { start: previous.position.start, end: node.position.end } : (previous.position ?? node.position)
      out[out.length - 1] = { ...previous, value: previous.value + node.value, ...(position ? { position } : {}) }
    }
    else out.push(node)
  }
  return out
}
