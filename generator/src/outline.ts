import type { Heading, Root, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import type { NoteMeta, Outline, Section } from './types.js'
import { plainText, sentences } from './text.js'
import { contentLemmas } from './plan/phrase.js'
import { NOTION_ID } from './dialects/notion.js'

/**
 * Turn the mdast of a note into a section tree that keeps source lines.
 * Note: the note's first heading is its title, not a section, when it is the only heading of the
 * shallowest level (a lone `#`, or a lone `##` over `###` sections): its sections are the headings
 * under it. Without such a heading (or a frontmatter title), the title comes from the file name,
 * not from the first of several sections. Skipped levels (a `####` under a `##`) nest under the
 * nearest heading above.
 */
export function outlineSections(tree: Root, meta: NoteMeta, file: VFile): Outline {
  const content = tree.children.filter((node) => node.type !== 'yaml')
  if (!content.length) {
    // Decision: an empty note still gives a deck (a cover from its title or file name, and an
    // end slide), so a folder build never fails for a note not written yet; the user is told.
    file.message('the note has no content; its deck has only a title slide', {
      place: { line: 1, column: 1 },
      ruleId: 'empty',
      source: 'lectern',
    })
  }
  const headings = content.filter((node): node is Heading => node.type === 'heading')
  const top = Math.min(...headings.map((h) => h.depth))
  const tops = headings.filter((h) => h.depth === top)
  // A lone `#` is the title wherever it is; a lone deeper heading only when the note opens with
  // it and has no frontmatter title (else it is the one section of a titled note).
  const opensWith = content.find((node) => node.type !== 'html') === headings[0]
  const lone = headings[0] && tops.length === 1 && tops[0] === headings[0] && plainText(headings[0])
  const titleHeading = lone && (top === 1 || (opensWith && !meta.title)) ? headings[0] : undefined

  let title = meta.title
  let titleFrom: Outline['titleFrom'] = 'frontmatter'
  if (!title) {
    if (titleHeading) {
      title = plainText(titleHeading)
      titleFrom = 'heading'
    } else {
      title = titleOfFileName(fileStem(file), tagsOf(content, meta))
      titleFrom = 'filename'
    }
  }

  const root: Section = { depth: 0, title, blocks: [], children: [], lines: { start: 1, end: 1 }, headingLine: 1 }
  const stack: Section[] = [root]
  for (const node of content) {
    if (node.type === 'heading' && node !== titleHeading) {
      while (stack.length > 1 && stack[stack.length - 1].depth >= node.depth) stack.pop()
      const line = node.position?.start.line ?? 1
      const section: Section = {
        depth: node.depth,
        title: plainText(node) || '(untitled section)',
        blocks: [],
        children: [],
        lines: { start: line, end: node.position?.end.line ?? line },
        headingLine: line,
      }
      stack[stack.length - 1].children.push(section)
      stack.push(section)
    } else if (node !== titleHeading) {
      stack[stack.length - 1].blocks.push(node)
    }
  }
  for (const section of root.children) adoptIntros(section)
  for (const section of root.children) closeLines(section)
  const headingText = titleHeading ? plainText(titleHeading) : undefined
  return {
    title,
    titleFrom,
    headingTitle: headingText && headingText !== title ? headingText : undefined,
    meta,
    preamble: root.blocks,
    sections: root.children,
    lineCount: Math.max(1, String(file.value ?? '').split('\n').length),
  }
}

/** Longest opening sentence read as a possible introduction of the section above. */
const INTRO_CHARS = 300

/**
 * A section with no text of its own whose first subsection opens with a paragraph about the
 * section, not about the subsection ("## Causes of the war" → "### Alliances" → "The war had many
 * causes …"): that paragraph is the section's introduction and moves up, so its slide carries
 * the section's title. Note: only leading paragraphs whose first sentence names a word of the
 * section's title and none of the subsection's; the subsection keeps at least one block.
 */
function adoptIntros(section: Section): void {
  const first = section.children[0]
  if (first && !section.blocks.length) {
    const own = new Set(contentLemmas(first.title))
    const whole = contentLemmas(section.title).filter((word) => !own.has(word))
    // A title whose every word the subsection's title has: no opening can name it alone (and none is tagged).
    while (whole.length && first.blocks.length > 1 && first.blocks[0].type === 'paragraph') {
      const opening = sentences(plainText(first.blocks[0]))[0] ?? ''
      // An introduction opens with a short sentence; a long one is not tagged.
      if (opening.length > INTRO_CHARS) break
      const words = new Set(contentLemmas(opening))
      if (!whole.some((word) => words.has(word)) || [...own].some((word) => words.has(word))) break
      section.blocks.push(first.blocks.shift()!)
    }
  }
  for (const child of section.children) adoptIntros(child)
}

function closeLines(section: Section): number {
  let end = section.lines.end
  for (const block of section.blocks) end = Math.max(end, block.position?.end.line ?? end)
  for (const child of section.children) end = Math.max(end, closeLines(child))
  section.lines.end = end
  return end
}

/**
 * A title from a file name: a leading number ("48_", "03 - ") goes; a slug's dashes and
 * underscores are spaces, and its first word goes when it only repeats one of the note's #tags
 * ("botany-photosynthesis" tagged #botany → "Photosynthesis"); the first letter is capitalised.
 */
export function titleOfFileName(stem: string, tags: string[] = []): string {
  let name = stem.replace(/^\d+(?:[._\s-]+|$)(?=\S)/u, '')
  // A slug ("botany-photosynthesis") is words joined by dashes; a name with spaces is the
  // author's own title and keeps every word.
  const slug = !/\s/.test(name)
  if (slug) name = name.replace(/[-_]+/g, ' ').trim()
  const words = name.split(/\s+/)
  const first = words[0]?.toLowerCase() ?? ''
  if (slug && words.length > 1 && first.length >= 3 && tags.some((tag) => tag.toLowerCase().startsWith(first))) words.shift()
  const title = words.join(' ').trim() || stem
  return title.charAt(0).toUpperCase() + title.slice(1)
}

/**
 * The note's tags: frontmatter `tags:` and the #tags near its start (Obsidian's tag lines, which
 * the dialects have moved to the speaker notes as comments, and inline tags).
 */
function tagsOf(content: RootContent[], meta: NoteMeta): string[] {
  const listed = meta.extra.tags
  const tags = (Array.isArray(listed) ? listed : typeof listed === 'string' ? listed.split(/[\s,]+/) : []).filter((tag): tag is string => typeof tag === 'string').map((tag) => tag.replace(/^#/, ''))
  for (const node of content.slice(0, 5)) {
    const text = node.type === 'paragraph' ? plainText(node) : node.type === 'html' ? node.value : ''
    for (const match of text.matchAll(/(?:^|\s)#([\p{L}][\p{L}\p{N}_/-]*)/gu)) tags.push(match[1])
  }
  return tags
}

function fileStem(file: VFile): string {
  // Notion exports name files "Page 1a2b…" (a 32-digit id): the id is not part of the title.
  return (file.stem ?? '').replace(NOTION_ID, '') || 'Untitled'
}

/** Lines spanned by a list of blocks, or undefined when none has a position. */
export function blockLines(blocks: RootContent[]): { start: number; end: number } | undefined {
  let start = Infinity
  let end = -Infinity
  for (const block of blocks) {
    if (!block.position) continue
    start = Math.min(start, block.position.start.line)
    end = Math.max(end, block.position.end.line)
  }
  return Number.isFinite(start) ? { start, end } : undefined
}
