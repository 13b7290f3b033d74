import type { Blockquote, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import type { CalloutKind } from '../types.js'
import { walk } from './phrasing.js'

/** What the callout transform records on a blockquote (read by plan/callout.ts). */
export interface CalloutData {
  kind: CalloutKind
  /** The callout's own title, when the note wrote one: the blockquote's first paragraph. */
  titled: boolean
  /** The title shown when none was written: the type as the note spelled it, capitalised ('' for none). */
  fallbackTitle: string
  /** Foldable (`+` open, `-` folded): the box shows either way. */
  fold?: '+' | '-'
}

/** Obsidian's callout types and aliases, and GitHub's alerts, as the kinds the theme styles. */
const KINDS: Record<string, CalloutKind> = {
  note: 'note', seealso: 'note',
  abstract: 'info', summary: 'info', tldr: 'info', info: 'info', important: 'info',
  todo: 'todo',
  tip: 'tip', hint: 'tip',
  success: 'success', check: 'success', done: 'success',
  question: 'question', help: 'question', faq: 'question',
  warning: 'warning', caution: 'warning', attention: 'warning',
  failure: 'danger', fail: 'danger', missing: 'danger', danger: 'danger', error: 'danger',
  bug: 'bug',
  example: 'example',
  quote: 'quote', cite: 'quote',
}

const MARKER = /^[ \t]*\[!([\p{L}\p{N}_-]+)\]([+-]?)[ \t]*/u

/**
 * Callouts: a blockquote whose first line is `[!type] Title` (Obsidian, `>[!tip]` without a
 * space too) or `[!NOTE]` (GitHub alerts). The marker goes; the title becomes the blockquote's
 * first paragraph, and the kind is recorded in `data.callout`.
 */
export function applyCallouts(tree: Root): void {
  walk(tree, (node) => {
    if (node.type === 'blockquote') markCallout(node)
  })
}

/** The callout a blockquote stands for, if it is one. */
export function calloutOf(node: Blockquote): CalloutData | undefined {
  return (node.data as { callout?: CalloutData } | undefined)?.callout
}

/** Mark a blockquote as a callout of `kind` with the given title paragraph (Notion asides). */
export function makeCallout(children: RootContent[], kind: CalloutKind, fallbackTitle: string, position?: Blockquote['position']): Blockquote {
  return { type: 'blockquote', children: children as Blockquote['children'], position, data: { callout: { kind, titled: false, fallbackTitle } } as Blockquote['data'] }
}

function markCallout(node: Blockquote): void {
  const first = node.children[0]
  if (first?.type !== 'paragraph') return
  const lead = first.children[0]
  if (lead?.type !== 'text') return
  const match = MARKER.exec(lead.value)
  if (!match) return
  const written = match[1]
  const kind = KINDS[written.toLowerCase()] ?? 'note'
  const fold = (match[2] || undefined) as CalloutData['fold']
  const rest: PhrasingContent[] = [{ ...lead, value: lead.value.slice(match[0].length) }, ...first.children.slice(1)]
  const [title, body] = splitFirstLine(rest)
  const children = [...node.children.slice(1)]
  if (body.length) children.unshift({ type: 'paragraph', children: body, position: first.position } satisfies Paragraph)
  const titled = title.some((child) => child.type !== 'text' || child.value.trim())
  if (titled) children.unshift({ type: 'paragraph', children: title, position: first.position } satisfies Paragraph)
  node.children = children
  const fallbackTitle = written.charAt(0).toUpperCase() + written.slice(1).toLowerCase()
  node.data = { ...node.data, callout: { kind, titled, fallbackTitle, fold } } as Blockquote['data']
}

/** Phrasing content cut at its first line break: the title line, and the rest. */
function splitFirstLine(nodes: PhrasingContent[]): [PhrasingContent[], PhrasingContent[]] {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]
    if (node.type === 'break') return [nodes.slice(0, i), nodes.slice(i + 1)]
    if (node.type === 'text' && node.value.includes('\n')) {
      const at = node.value.indexOf('\n')
      const before = { ...node, value: node.value.slice(0, at).trimEnd() }
      const after = { ...node, value: node.value.slice(at + 1) }
      return [[...nodes.slice(0, i), before], [after, ...nodes.slice(i + 1)].filter((n) => n.type !== 'text' || n.value)]
    }
  }
  return [nodes, []]
}
