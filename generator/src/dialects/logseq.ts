import type { Heading, List, ListItem, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast'
import type { VFile } from 'vfile'
import { isNotesOnly, notesOnlyInline, rewriteText, splitText, textIncludes } from './phrasing.js'

/** A `key:: value` property line (Logseq), `collapsed:: true` and flashcard `card-*` fields alike. */
const PROPERTY_LINE = /^[ \t]*([\p{L}\p{N}_.-]+)::(?:[ \t].*)?$/u
/** Properties that are the app's state, not the author's words: dropped, not even in the notes. */
const STATE_PROPERTIES = /^(?:collapsed|id|heading|background-color|card-[\w-]+|logseq\.[\w.-]+)$/i
const MACRO = /\{\{(?:renderer|query|embed|video|youtube|tweet|cloze|namespace|function|cards)\b[^}]*\}\}/gi
const ATTRIBUTES = /\{:[^{}\n]*\}/g
const BLOCK_REF = /\(\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)\)/gi

/**
 * Logseq outlines and kramdown attributes. `key:: value` property lines leave the text (to the
 * notes; app state such as `collapsed::` is dropped); `{{query …}}`-style macros go to the notes;
 * `{:height 200}` and kramdown `{: data-lightbox="…"}` lists are removed; `((uuid))` block
 * references resolve to the block with that `id::` in the note, or warn. A note that is one
 * nested bullet list becomes sections: each top-level bullet with children is a `##` section.
 */
export function applyLogseq(tree: Root, file: VFile): void {
  // Each rewrite needs its mark in some text (`::`, `{{`, `{:`, `((`); the rewrites make none of
  // them where there was none, so a note without one skips that walk.
  const [properties, macros, attributes, references] = textIncludes(tree, ['::', '{{', '{:', '(('])
  const blocks = references ? blockIds(tree) : undefined
  if (properties) rewriteText(tree, (node) => withoutProperties(node))
  if (macros) rewriteText(tree, (node) => splitText(node, MACRO, (match) => [notesOnlyInline(match[0], node.position)]))
  if (attributes) rewriteText(tree, (node) => splitText(node, ATTRIBUTES, () => []))
  if (blocks) resolveReferences(tree, blocks, file)
  if (isOutline(tree)) outlineToSections(tree)
}

/** `((uuid))` block references: the referenced block's first line, or a warning. */
function resolveReferences(tree: Root, blocks: Map<string, string>, file: VFile): void {
  rewriteText(tree, (node) =>
    splitText(node, BLOCK_REF, (match) => {
      const target = blocks.get(match[1].toLowerCase())
      // The block's text stands in for the reference; its closing mark would double the sentence's.
      if (target) return [{ type: 'text', value: target.replace(/[.!?。]$/u, ''), position: node.position }]
      file.message(`block reference ((${match[1]})) cannot be resolved in this note; it is left out of the slides`, {
        place: node.position,
        ruleId: 'block-ref',
        source: 'lectern',
      })
      return [notesOnlyInline(`((${match[1]}))`, node.position)]
    }),
  )
}

/** `id:: uuid` → the first line of the block that carries it. */
function blockIds(tree: Root): Map<string, string> {
  const ids = new Map<string, string>()
  const visit = (node: Parent): void => {
    for (const child of node.children as RootContent[]) {
      if (child.type === 'paragraph') {
        const text = child.children.map((c) => (c.type === 'text' ? c.value : '')).join('')
        const id = /^[ \t]*id::[ \t]*([0-9a-f-]{36})[ \t]*$/im.exec(text)?.[1]
        const first = text.split('\n').find((line) => line.trim() && !PROPERTY_LINE.test(line))
        if (id && first) ids.set(id.toLowerCase(), first.trim())
      }
      if ('children' in child) visit(child as Parent)
    }
  }
  visit(tree)
  return ids
}

/** A text node without its property lines (kept for the notes unless they are app state). */
function withoutProperties(node: Text): PhrasingContent[] | undefined {
  const lines = node.value.split('\n')
  if (!lines.some((line) => PROPERTY_LINE.test(line))) return undefined
  const kept: string[] = []
  const notes: string[] = []
  for (const line of lines) {
    const match = PROPERTY_LINE.exec(line)
    if (!match) kept.push(line)
    else if (!STATE_PROPERTIES.test(match[1])) notes.push(line.trim())
  }
  const out: PhrasingContent[] = []
  if (kept.join('').trim()) out.push({ ...node, value: kept.join('\n') })
  for (const note of notes) out.push(notesOnlyInline(note, node.position))
  return out
}

/** The whole note (besides frontmatter and comments) is one bullet list, with nesting. */
function isOutline(tree: Root): boolean {
  // Page properties (`public:: true` above the bullets) have left only notes-only pieces behind.
  const content = tree.children.filter(
    (node) =>
      node.type !== 'yaml' &&
      !(node.type === 'html' && /^<!--/.test(node.value.trim())) &&
      !(node.type === 'paragraph' && node.children.every((child) => isNotesOnly(child) || (child.type === 'text' && !child.value.trim()))),
  )
  if (content.some((node) => node.type === 'heading')) return false
  const lists = content.filter((node): node is List => node.type === 'list')
  return lists.length > 0 && lists.length === content.length && !lists.some((list) => list.ordered) && lists.some((list) => list.children.some((item) => item.children.some((child) => child.type === 'list')))
}

/** Each top-level bullet with children becomes a `##` section: its first line the heading, the rest its blocks. */
function outlineToSections(tree: Root): void {
  const out: RootContent[] = []
  for (const node of tree.children) {
    if (node.type !== 'list') {
      out.push(node)
      continue
    }
    let loose: ListItem[] = []
    const flush = (): void => {
      if (loose.length) out.push({ type: 'list', ordered: false, spread: false, children: loose })
      loose = []
    }
    for (const item of node.children) {
      const [first, ...rest] = item.children
      if (first?.type !== 'paragraph' || !rest.length) {
        loose.push(item)
        continue
      }
      flush()
      const [title, more] = firstLine(first)
      out.push({ type: 'heading', depth: 2, children: title, position: first.position } satisfies Heading)
      if (more.length) out.push({ type: 'paragraph', children: more, position: first.position })
      out.push(...(rest as RootContent[]))
    }
    flush()
  }
  tree.children = out
}

/** A paragraph's first line, and the rest (pieces for the notes only go with the rest). */
function firstLine(paragraph: Paragraph): [PhrasingContent[], PhrasingContent[]] {
  const notes = paragraph.children.filter((node) => isNotesOnly(node))
  const [title, rest] = splitFirstLine(paragraph.children.filter((node) => !isNotesOnly(node)))
  return [title, [...rest, ...notes]]
}

function splitFirstLine(nodes: PhrasingContent[]): [PhrasingContent[], PhrasingContent[]] {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]
    if (node.type === 'text' && node.value.includes('\n')) {
      const at = node.value.indexOf('\n')
      const after = node.value.slice(at + 1)
      return [[...nodes.slice(0, i), { ...node, value: node.value.slice(0, at) }], [...(after.trim() ? [{ ...node, value: after }] : []), ...nodes.slice(i + 1)]]
    }
  }
  return [nodes, []]
}

