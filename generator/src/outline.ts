import type { Heading, Root, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import type { NoteMeta, Outline, Section } from './types.js'
import { plainText } from './text.js'
import { NOTION_ID } from './dialects/notion.js'

/**
 * Turn the mdast of a note into a section tree that keeps source lines.
 * Note: a single `#` heading at the top is the note's title, not a section: its sections are the
 * `##` headings under it. Skipped levels (a `####` under a `##`) nest under the nearest heading above.
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
  const h1s = headings.filter((h) => h.depth === 1)
  const titleHeading = headings[0] && headings[0].depth === 1 && h1s.length === 1 ? headings[0] : undefined

  let title = meta.title
  let titleFrom: Outline['titleFrom'] = 'frontmatter'
  if (!title) {
    const first = headings.find((h) => plainText(h))
    if (first) {
      title = plainText(first)
      titleFrom = 'heading'
    } else {
      title = fileStem(file)
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

function closeLines(section: Section): number {
  let end = section.lines.end
  for (const block of section.blocks) end = Math.max(end, block.position?.end.line ?? end)
  for (const child of section.children) end = Math.max(end, closeLines(child))
  section.lines.end = end
  return end
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
