import type { Image, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import { plainText } from '../text.js'
import { notesOnlyBlock, notesOnlyInline, rewriteText, sourceOf, splitText } from './phrasing.js'

const IMAGE_FILE = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp)$/i
const WIKI = /(!?)\[\[([^[\]\n]+?)\]\]/g
const HIGHLIGHT = /==(?=\S)([^=\n]+?)(?<=\S)==/g
const INLINE_COMMENT = /%%([\s\S]*?)%%/g
const TAG_LINE = /^(?:#[\p{L}\p{N}_/-]+[ \t]*)+$/u
/** `#tags` closing a line of text ("Linked-cluster theorem #card"): a tag starts with a letter. */
const TAGS_BEFORE_BREAK = /(?:[ \t]+#\p{L}[\p{L}\p{N}_/-]*)+(?=[ \t]*\n)/gu
/** The same at the end of a paragraph's last text. */
const TAGS_AT_END = /(?:[ \t]+#\p{L}[\p{L}\p{N}_/-]*)+(?=[ \t]*(?:\n|$))/gu

/**
 * Obsidian's syntax: `%%comments%%` go to the speaker notes; `[[Page]]`, `[[Page|alias]]` and
 * `[[Page#Heading]]` become text ("Page › Heading"); `![[image.png|300]]` becomes an image (the
 * command resolves it: the note's folder, then the vault); `![[Other note]]` is not transcluded
 * (a warning, and its name in the notes); `==highlight==` becomes a mark; lines of `#tags`, and
 * `#tags` that close a line of text (Logseq's `#card`), go to the notes.
 */
export function applyObsidian(tree: Root, file: VFile): void {
  const source = String(file.value ?? '')
  blockComments(tree, source)
  rewriteText(tree, (node) =>
    splitText(node, INLINE_COMMENT, (match) => [notesOnlyInline(match[1].trim(), node.position)]),
  )
  rewriteText(tree, (node) => splitText(node, WIKI, (match) => wikiLink(match[1] === '!', match[2], node.position, file)))
  rewriteText(tree, (node) =>
    splitText(node, HIGHLIGHT, (match) => [
      { type: 'html', value: '<mark>' },
      { type: 'text', value: match[1], position: node.position },
      { type: 'html', value: '</mark>' },
    ]),
  )
  tagLines(tree)
  rewriteText(tree, (node, parent) =>
    splitText(node, parent.children.at(-1) === node ? TAGS_AT_END : TAGS_BEFORE_BREAK, (match) => [notesOnlyInline(match[0], node.position)]),
  )
}

/** Paragraphs that are `%%…%%` comments (one or several paragraphs long) become HTML comments. */
function blockComments(parent: Parent, source: string): void {
  const children = parent.children as RootContent[]
  for (let i = 0; i < children.length; i++) {
    const child = children[i]
    if ('children' in child && child.type !== 'paragraph') blockComments(child as Parent, source)
    if (child.type !== 'paragraph') continue
    const text = sourceOf(child, source)?.trim() ?? ''
    if (!text.startsWith('%%')) continue
    let j = i
    if (!(text.length > 2 && text.endsWith('%%'))) {
      while (j + 1 < children.length && !(sourceOf(children[j + 1], source)?.trim().endsWith('%%') ?? false)) j++
      if (j + 1 >= children.length) continue
      j++
    }
    const start = children[i].position
    const end = children[j].position
    const whole = start?.start.offset !== undefined && end?.end.offset !== undefined ? source.slice(start.start.offset, end.end.offset) : text
    const inner = whole.trim().replace(/^%%/, '').replace(/%%$/, '')
    children.splice(i, j - i + 1, notesOnlyBlock(inner, start && end ? { start: start.start, end: end.end } : undefined))
  }
}

function wikiLink(embed: boolean, inner: string, position: PhrasingContent['position'], file: VFile): PhrasingContent[] {
  const [target, ...labels] = inner.split('|')
  const alias = labels.join('|').trim()
  const [page, ...anchors] = target.trim().split('#')
  if (embed && IMAGE_FILE.test(page.trim())) {
    // `|300` or `|300x200` is a display size, not alt text.
    const alt = alias && !/^\d+(?:x\d+)?$/.test(alias) ? alias : page.trim().replace(/^.*\//, '').replace(IMAGE_FILE, '')
    const image: Image = { type: 'image', url: encodeURI(page.trim()), alt, position }
    return [image]
  }
  const heading = anchors.map((part) => part.replace(/^\^.*$/, '').trim()).filter(Boolean)
  const text = alias || [page.trim(), ...heading].filter(Boolean).join(' › ')
  if (embed) {
    file.message(
      `the embedded note \`${page.trim()}\` is not included (lectern builds each note on its own); it is named in the speaker notes`,
      { place: position, ruleId: 'embed', source: 'lectern' },
    )
    return [notesOnlyInline(`Embedded note: ${text}`, position)]
  }
  return [{ type: 'text', value: text, position }]
}

/** A paragraph of nothing but `#tags` goes to the speaker notes. */
function tagLines(parent: Parent): void {
  const children = parent.children as RootContent[]
  children.forEach((child, index) => {
    if (child.type === 'paragraph' && TAG_LINE.test(plainText(child))) children[index] = notesOnlyBlock(plainText(child), child.position)
    else if ('children' in child) tagLines(child as Parent)
  })
}
