import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Strong } from 'mdast'
import { countWords, plainText } from '../text.js'

/** The longest bold line that is read as a heading; a longer one is emphasis. */
const MAX_WORDS = 12

/**
 * A paragraph that is nothing but one bold phrase ("**Data Model**", "**Troubleshooting:**",
 * "**When do we use it?**"), standing between blank lines at the top level and followed by
 * content, is how many notes apps' users write a sub-heading. It becomes a heading one level
 * below the heading above it (or at the note's shallowest section level, never a `#`), so its
 * content gets a slide titled by it instead of a bold last bullet on the slide before.
 * Note: a bold line that ends a sentence ("**Never run it as root.**") is emphasis and stays, as
 * does one followed by a heading, a rule or another bold line (it heads nothing).
 */
export function applyBoldHeadings(tree: Root): void {
  const children = tree.children
  const depths = children.filter((node): node is Heading => node.type === 'heading').map((node) => node.depth)
  const shallowest = Math.max(2, depths.length > 0 ? Math.min(...depths) : 2)
  let above: number | undefined
  // A heading made from a bold line before (a label over folded questions): later bold lines are its siblings.
  let label: number | undefined
  for (let i = 0; i < children.length; i++) {
    const node = children[i]
    if (node.type === 'heading') {
      above = node.depth
      if ((node.data as { lectern?: string } | undefined)?.lectern === 'label') label = node.depth
      else if (label !== undefined && node.depth < label) label = undefined
      continue
    }
    const phrase = node.type === 'paragraph' ? boldPhrase(node) : undefined
    if (!phrase) continue
    const next = children[i + 1]
    if (!next || next.type === 'heading' || next.type === 'thematicBreak' || (next.type === 'paragraph' && boldPhrase(next))) continue
    const depth = Math.min(6, label ?? (above === undefined ? shallowest : above + 1)) as Heading['depth']
    const heading: Heading = { type: 'heading', depth, children: phrase, position: node.position }
    children[i] = heading as RootContent
  }
}

/** The phrase of a paragraph that is only a bold phrase (a trailing ":" dropped), or undefined. */
function boldPhrase(paragraph: Paragraph): PhrasingContent[] | undefined {
  const parts = paragraph.children.filter((child) => !(child.type === 'text' && /^[\s:]*$/.test(child.value)))
  if (parts.length !== 1 || parts[0].type !== 'strong') return undefined
  const strong = parts[0] as Strong
  const text = plainText(strong).trim()
  if (!text || /\n/.test(text) || /[.!;,]$/.test(text) || countWords(text) > MAX_WORDS) return undefined
  if (strong.children.some((child) => child.type === 'link' || child.type === 'image' || child.type === 'break')) return undefined
  const phrase = strong.children.map((child) => ({ ...child })) as PhrasingContent[]
  const last = phrase[phrase.length - 1]
  if (last?.type === 'text') {
    const value = last.value.replace(/\s*:\s*$/, '')
    if (value) phrase[phrase.length - 1] = { ...last, value }
    else phrase.pop()
  }
  return phrase.length > 0 ? phrase : undefined
}
