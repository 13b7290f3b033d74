import type { Root, Yaml } from 'mdast'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import type { VFile } from 'vfile'
import type { NoteMeta } from './types.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])

export interface ParsedNote {
  tree: Root
  meta: NoteMeta
}

/**
 * Parse a note's text into mdast and read its YAML frontmatter.
 * Note: frontmatter that is not valid YAML is a warning, not a failure: the note still builds.
 */
export function parseNote(file: VFile): ParsedNote {
  const tree = processor.parse(file) as Root
  const meta: NoteMeta = { extra: {} }
  const yamlNode = tree.children.find((node): node is Yaml => node.type === 'yaml')
  if (yamlNode) readFrontmatter(yamlNode, meta, file)
  return { tree, meta }
}

function readFrontmatter(node: Yaml, meta: NoteMeta, file: VFile): void {
  let data: unknown
  try {
    data = parseYaml(node.value, { prettyErrors: true })
  } catch (error) {
    const yamlLine = error instanceof YAMLParseError && error.linePos ? error.linePos[0].line : 1
    const line = (node.position?.start.line ?? 1) + yamlLine
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    file.message(`frontmatter is not valid YAML (${reason}); it is ignored, fix the YAML to use it`, {
      place: { line, column: 1 },
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

function scalarText(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value).trim()
    return text || undefined
  }
  if (Array.isArray(value)) return value.map(scalarText).filter(Boolean).join(', ') || undefined
  return undefined
}
