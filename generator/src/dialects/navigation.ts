import type { List, Nodes, Paragraph, Parent, Root, RootContent } from 'mdast'
import { plainText } from '../text.js'
import { METADATA_LABELS, NAVIGATION_TEXT } from './vocabulary-en.js'
import { isNotesOnly, notesOnlyBlock } from './phrasing.js'

const METADATA_LINE = new RegExp(`^(?:${METADATA_LABELS.map((label) => label.replace(/ /g, '\\s+')).join('|')})\\s*::?\\s*\\S`, 'i')
const ONLY_BREAKS = /^(?:\s*<br\s*\/?>\s*)+$/i
const EMPTY_ANCHOR = /^<a\s+(?:name|id)=["'][^"']*["']\s*>\s*<\/a>$|^<a\s+(?:name|id)=["'][^"']*["']\s*\/?>$/i

/**
 * Navigation and metadata that must not reach slides: "Back to Top" and other in-page links
 * standing alone, tables of contents that only link to the note's own headings, "Created:" and
 * "Tags:" lines (to the speaker notes); `<br>` runs and empty anchors (no words: removed);
 * `---` between two blocks of a section (a slide break), elsewhere decoration (removed).
 */
export function applyNavigation(tree: Root): void {
  const headings = new Set<string>()
  const collect = (node: Nodes): void => {
    if (node.type === 'heading') headings.add(slug(plainText(node)))
    if ('children' in node) for (const child of node.children as Nodes[]) collect(child)
  }
  collect(tree)
  clean(tree, headings)
}

function clean(parent: Parent, headings: Set<string>): void {
  const children = parent.children as RootContent[]
  for (let i = 0; i < children.length; i++) {
    const child = children[i]
    // A list item's paragraph stays (the planner shows items by their first paragraph).
    if (child.type === 'paragraph' && parent.type !== 'listItem' && (isNavigation(child) || isMetadata(child))) {
      children[i] = notesOnlyBlock(plainText(child), child.position)
    } else if (child.type === 'list' && isTableOfContents(child, headings)) {
      children[i] = notesOnlyBlock(`Contents: ${tocEntries(child).join('; ')}`, child.position)
    } else if ((child.type === 'html' && (ONLY_BREAKS.test(child.value) || EMPTY_ANCHOR.test(child.value.trim()))) || (child.type === 'paragraph' && child.children.every(isDecoration))) {
      children.splice(i--, 1)
    } else if (child.type === 'thematicBreak') {
      const before = children[i - 1]
      const after = children[i + 1]
      if (parent.type === 'root' && before && after && before.type !== 'heading' && after.type !== 'heading' && after.type !== 'thematicBreak') {
        children[i] = { type: 'html', value: '<!-- slide: break -->', position: child.position }
      } else children.splice(i--, 1)
    } else if ('children' in child) {
      if (child.type === 'paragraph') (child as Paragraph).children = child.children.filter((node) => !(node.type === 'html' && EMPTY_ANCHOR.test(node.value.trim())))
      else clean(child as Parent, headings)
    }
  }
}

function isDecoration(node: Nodes): boolean {
  return (node.type === 'html' && /^<br\s*\/?>$/i.test(node.value.trim())) || node.type === 'break' || (node.type === 'text' && !node.value.trim())
}

/** A paragraph of nothing but in-page links (`[Back to Top](#top)`) or navigation words. */
function isNavigation(paragraph: Paragraph): boolean {
  let links = 0
  let loose = ''
  const visit = (node: Nodes, inLink: boolean): void => {
    if (node.type === 'link') {
      if (!node.url.startsWith('#')) loose += 'x'
      else links++
      for (const child of node.children) visit(child, true)
      return
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child, inLink)
    else if (!inLink && (node.type === 'text' || node.type === 'inlineCode')) loose += node.value
  }
  visit(paragraph, false)
  const rest = loose.replace(/[\s()[\]|·•↑⬆︎⇧^«»<>←→-]+/gu, ' ').trim()
  if (links > 0 && !rest) return true
  const plain = plainText(paragraph)
  if (plain.length >= 40) return false
  const words = plain.replace(/[()[\]|·•↑⬆︎⇧^«»<>←→:-]+/gu, ' ').replace(/\s+/g, ' ').trim()
  return Boolean(words) && NAVIGATION_TEXT.test(words)
}

/** Every line of the paragraph is a `Label: value` metadata line. */
function isMetadata(paragraph: Paragraph): boolean {
  // Every metadata line has a colon after its label, in text that plain text keeps too.
  const plain = plainText(paragraph)
  const lines = plain.length && plain.includes(':') ? rawLines(paragraph) : []
  return lines.length > 0 && lines.every((line) => METADATA_LINE.test(line.trim()))
}

function rawLines(paragraph: Paragraph): string[] {
  const text = paragraph.children.filter((node) => !isNotesOnly(node)).map((node) => (node.type === 'break' ? '\n' : plainTextKeepingLines(node))).join('')
  return text.split('\n').filter((line) => line.trim())
}

function plainTextKeepingLines(node: Nodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return (node.children as Nodes[]).map(plainTextKeepingLines).join('')
  return 'value' in node && typeof node.value === 'string' ? node.value : ''
}

/** A list whose every item is one link to a heading of this note (nested lists alike). */
function isTableOfContents(list: List, headings: Set<string>): boolean {
  let links = 0
  const ok = (node: List): boolean =>
    node.children.every((item) =>
      item.children.every((child) => {
        if (child.type === 'list') return ok(child)
        if (child.type !== 'paragraph') return false
        const real = child.children.filter((c) => !(c.type === 'text' && !c.value.trim()))
        if (real.length !== 1 || real[0].type !== 'link' || !real[0].url.startsWith('#')) return false
        links++
        return namesHeading(decodeURIComponentSafe(real[0].url.slice(1)).toLowerCase(), headings)
      }),
    )
  return ok(list) && links >= 2
}

/**
 * Whether an in-page link target is one of the note's headings. GitHub and other renderers give
 * the second heading of the same name the anchor `name-1`, the third `name-2`, and so on.
 */
function namesHeading(target: string, headings: Set<string>): boolean {
  const bare = target.replace(/-\d+$/, '')
  return headings.has(target) || headings.has(slug(target)) || (bare !== target && (headings.has(bare) || headings.has(slug(bare))))
}

/** A heading's anchor as GitHub and Obsidian make it: lower case, punctuation gone, spaces to `-`. */
function slug(text: string): string {
  return text.toLowerCase().trim().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-')
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The entries of a table of contents, nested ones included, in order. */
function tocEntries(list: List): string[] {
  return list.children.flatMap((item) =>
    item.children.flatMap((child) => (child.type === 'list' ? tocEntries(child) : child.type === 'paragraph' ? [plainText(child)] : [])),
  )
}
