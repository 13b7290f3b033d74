import type { Html, Nodes, Root, RootContent } from 'mdast'

/** A piece of a note's text: where it starts (0-based line, character offset). */
export interface Piece {
  text: string
  line: number
  offset: number
}

/**
 * Cut text into pieces of at least `size` characters, each after the first starting at a heading
 * that starts a line after a blank line, outside code fences, at line `from` or later.
 */
export function cutAtHeadings(text: string, size: number, from = 0): Piece[] {
  const lines = text.split('\n')
  const pieces: Piece[] = []
  let fence: string | undefined
  let start = 0
  let startOffset = 0
  let offset = 0
  let length = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence ? undefined : marker
    if (!fence && length >= size && i > start && i >= from && /^#{1,6}\s/.test(line) && lines[i - 1].trim() === '') {
      pieces.push({ text: lines.slice(start, i).join('\n'), line: start, offset: startOffset })
      start = i
      startOffset = offset
      length = 0
    }
    offset += line.length + 1
    length += line.length + 1
  }
  pieces.push({ text: lines.slice(start).join('\n'), line: start, offset: startOffset })
  return pieces
}

/** Size of the pieces a note is parsed in (micromark slows down on long text: 8 KB pieces parse about twice as fast as 96 KB ones). */
export const PIECE_CHARS = 8 * 1024

/**
 * Parse markdown in pieces of about `size` characters where that gives the very tree a parse of
 * the whole text gives (positions included), else whole. Note: pieces cut at a heading after a
 * blank line share nothing once every block before the cut has ended, except link and footnote
 * definitions (text with `]:` is parsed whole) and frontmatter (never cut). A piece whose last
 * block may go on past the cut (a code fence, a `$$` formula or an HTML block left open) is
 * parsed again with the rest of the text.
 */
export function parseInPieces(text: string, parse: (text: string) => Root, size = PIECE_CHARS): Root {
  if (text.length < 2 * size || text.includes(']:')) return parse(text)
  const from = afterFrontmatter(text)
  if (from === undefined) return parse(text)
  const pieces = cutAtHeadings(text, size, from)
  if (pieces.length < 2) return parse(text)
  const root: Root = { type: 'root', children: [] }
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k]
    const rest = k === pieces.length - 1
    let tree = parse(piece.text)
    if (!rest && !endsClosed(tree, piece.text)) tree = parse(text.slice(piece.offset))
    if (piece.line > 0) shiftPositions(tree, piece.line, piece.offset)
    root.children.push(...tree.children)
    if (rest || tree.position?.end.offset === text.length) {
      root.position = { start: { line: 1, column: 1, offset: 0 }, end: tree.position!.end }
      break
    }
  }
  return root
}

/** The first line a cut may be made at: past frontmatter (undefined when it never closes). */
function afterFrontmatter(text: string): number | undefined {
  if (!/^---[ \t]*\r?(?:\n|$)/.test(text)) return 0
  const lines = text.split('\n')
  for (let i = 1; i < lines.length; i++) if (/^---[ \t]*\r?$/.test(lines[i])) return i + 1
  return undefined
}

/** Whether every block of a piece has ended at its end: its last block is not a fence, formula or HTML block left open. */
function endsClosed(tree: Root, text: string): boolean {
  const last: RootContent | undefined = tree.children[tree.children.length - 1]
  if (!last?.position || last.position.start.offset === undefined || last.position.end.offset === undefined) return !last
  const source = text.slice(last.position.start.offset, last.position.end.offset)
  if (last.type === 'code') return fenceClosed(last, source, /^ {0,3}(`{3,}|~{3,})/)
  if (last.type === 'math') return fenceClosed(last, source, /^ {0,3}(\${2,})/)
  if (last.type === 'html') return htmlClosed(last)
  return true
}

/** A fenced block is closed when its last line is a fence of its opening's mark, as long or longer, alone. */
function fenceClosed(node: RootContent, source: string, opening: RegExp): boolean {
  const open = opening.exec(source)?.[1]
  // An indented code block ends at the heading (a line that is not indented).
  if (!open) return node.type === 'code'
  const lastLine = source.slice(source.lastIndexOf('\n') + 1)
  const close = /^ {0,3}(`{3,}|~{3,}|\${2,})[ \t]*$/.exec(lastLine)?.[1]
  return source.includes('\n') && close !== undefined && close[0] === open[0] && close.length >= open.length
}

/** HTML blocks that a blank line does not end (comments, `<?…?>`, `<!X…>`, CDATA, script/pre/style/textarea) need their end mark. */
function htmlClosed(node: Html): boolean {
  const value = node.value.trimStart()
  if (value.startsWith('<!--')) return value.indexOf('-->', 4) >= 0
  if (value.startsWith('<?')) return value.indexOf('?>', 2) >= 0
  if (value.startsWith('<![CDATA[')) return value.indexOf(']]>', 9) >= 0
  if (/^<![A-Za-z]/.test(value)) return value.indexOf('>', 2) >= 0
  if (/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(value)) return /<\/(?:script|pre|style|textarea)>/i.test(value)
  return true
}

/** Move a parsed piece's positions to where it stands in the whole text. */
export function shiftPositions(node: Nodes, lines: number, offset: number): void {
  if (node.position) {
    node.position.start.line += lines
    node.position.end.line += lines
    if (node.position.start.offset !== undefined) node.position.start.offset += offset
    if (node.position.end.offset !== undefined) node.position.end.offset += offset
  }
  if ('children' in node) for (const child of node.children as Nodes[]) shiftPositions(child, lines, offset)
}
