import type { Root, Yaml } from 'mdast'
import { isMap, isScalar, LineCounter, parseDocument, YAMLParseError, type Document } from 'yaml'
import type { VFile } from 'vfile'
import type { NoteMeta } from './types.js'
import { applyDialects } from './dialects/index.js'
import { texDelimiters } from './dialects/math.js'
import { boundMarkdown } from './bounds.js'
import { cutAtHeadings, shiftPositions } from './markdown-pieces.js'
import { parseChunk, startHelper, type Helper, type HelperUse } from './helper-thread.js'

export interface ParsedNote {
  tree: Root
  meta: NoteMeta
  /** When `helper` is asked for, and a long note got one: the helper thread that parsed part of it, still running (the caller closes it). */
  helper?: Helper
}

/**
 * Parse a note's text into mdast and read its YAML frontmatter.
 * Note: frontmatter that is not valid YAML is a warning, not a failure: the note still builds.
 * The notes apps' dialects (math, callouts, wiki links, …) are rewritten to plain mdast here.
 * Markup past the parser's bounds (see bounds.ts) is read as text, with a warning.
 */
export function parseNote(file: VFile, options: { helper?: HelperUse } = {}): ParsedNote {
  const bounded = boundMarkdown(texDelimiters(String(file.value ?? '')))
  const { tree, helper } = parseLong(bounded.text, options.helper)
  try {
    bounded.restore(tree)
    for (const warning of bounded.warnings) {
      file.message(warning.reason, { place: { line: warning.line, column: warning.column }, ruleId: 'markdown-bounds', source: 'lectern' })
    }
    const meta: NoteMeta = { extra: {} }
    const yamlNode = tree.children.find((node): node is Yaml => node.type === 'yaml')
    if (yamlNode) readFrontmatter(yamlNode, meta, file)
    applyDialects(tree, file)
    if (!options.helper) helper?.close()
    return options.helper && helper ? { tree, meta, helper } : { tree, meta }
  } catch (error) {
    helper?.close()
    throw error
  }
}

function readFrontmatter(node: Yaml, meta: NoteMeta, file: VFile): void {
  let data: unknown
  try {
    // logLevel 'silent': YAML warnings (an unknown tag such as `!!js/function`) become note warnings below, not Node warnings.
    const lineCounter = new LineCounter()
    const doc = parseDocument(node.value, { prettyErrors: true, logLevel: 'silent', lineCounter })
    if (doc.errors.length) throw doc.errors[0]
    for (const warning of doc.warnings) {
      const place = warning.linePos?.[0]
      file.message(`frontmatter: ${warning.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}; the value is read as plain text`, {
        place: { line: (node.position?.start.line ?? 1) + (place?.line ?? 1), column: place?.col ?? 1 },
        ruleId: 'frontmatter-yaml',
        source: 'lectern',
      })
    }
    data = doc.toJS({ maxAliasCount: 100 })
    meta.places = valuePlaces(doc, lineCounter, node.position?.start.line ?? 1)
  } catch (error) {
    const at = error instanceof YAMLParseError && error.linePos ? error.linePos[0] : { line: 1, col: 1 }
    const line = (node.position?.start.line ?? 1) + at.line
    // The place is in the message's location already: the text does not repeat it.
    const reason = (error instanceof Error ? error.message.split('\n')[0] : String(error)).replace(/ at line \d+, column \d+:?$/, '')
    file.message(`frontmatter is not valid YAML (${reason}); it is ignored, fix the YAML to use it`, {
      place: { line, column: at.col },
      ruleId: 'frontmatter-yaml',
      source: 'lectern',
    })
    return
  }
  if (data === null || data === undefined) return
  if (typeof data !== 'object' || Array.isArray(data)) {
    file.message('frontmatter is not a YAML mapping (key: value lines); it is ignored', {
      place: node.position,
      ruleId: 'frontmatter-yaml',
      source: 'lectern',
    })
    return
  }
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key === 'title' || key === 'subtitle' || key === 'author' || key === 'date') {
      const text = scalarText(value)
      if (text !== undefined) meta[key] = text
    } else {
      meta.extra[key] = value
    }
  }
}

/** Where each top-level frontmatter value starts in the note (1-based), for messages about it. */
function valuePlaces(doc: Document, lineCounter: LineCounter, fenceLine: number): Record<string, { line: number; column: number }> {
  const places: Record<string, { line: number; column: number }> = {}
  if (!isMap(doc.contents)) return places
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined
    const range = (pair.value as { range?: [number, number, number] } | null)?.range ?? (pair.key as { range?: [number, number, number] } | null)?.range
    if (key === undefined || !range) continue
    const at = lineCounter.linePos(range[0])
    places[key] = { line: fenceLine + at.line, column: at.col }
  }
  return places
}

function scalarText(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value).trim()
    return text || undefined
  }
  if (Array.isArray(value)) return value.map(scalarText).filter(Boolean).join(', ') || undefined
  return undefined
}

/** Parsing is superlinear in micromark (1 MB took 3.5 s, 0.5 MB 1.1 s): long notes are cut here. */
const CHUNK_CHARS = 96 * 1024

/**
 * Parse markdown into mdast, cutting long text into chunks at headings that start a line after a
 * blank line (outside code fences) and joining the trees with their positions shifted back.
 * Each chunk is parsed in smaller pieces where that gives the same tree (see parseInPieces), and
 * the chunks of a long note on two threads (see helper-thread.ts).
 * Note: a link reference defined in one chunk and used in another stays literal text.
 */
export function parseMarkdown(text: string, helperUse?: HelperUse): Root {
  const { tree, helper } = parseLong(text, helperUse)
  helper?.close()
  return tree
}

/** `parseMarkdown`, with the helper thread that parsed part of a long text, still running. */
function parseLong(text: string, helperUse?: HelperUse): { tree: Root; helper?: Helper } {
  if (text.length <= CHUNK_CHARS) return { tree: parseChunk(text) }
  const chunks = cutAtHeadings(text, CHUNK_CHARS)
  const helper = startHelper(
    chunks.map((chunk) => chunk.text),
    helperUse,
  )
  let trees: Root[]
  try {
    trees = helper ? helper.parseChunks() : chunks.map((chunk) => parseChunk(chunk.text))
  } catch (error) {
    helper?.close()
    throw error
  }
  const root: Root = { type: 'root', children: [] }
  chunks.forEach((chunk, k) => {
    if (chunk.line > 0) shiftPositions(trees[k], chunk.line, chunk.offset)
    root.children.push(...trees[k].children)
  })
  const last = root.children[root.children.length - 1]
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: last?.position?.end ?? { line: 1, column: 1, offset: 0 } }
  return { tree: root, helper }
}
