import { unified, type Processor } from 'unified'
import type { Root } from 'mdast'
import remarkParse from 'remark-parse'
import remarkFrontmatter from 'remark-frontmatter'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote'
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item'
import { math } from 'micromark-extension-math'
import { mathFromMarkdown } from 'mdast-util-math'

/**
 * GFM without autolink literals: tables, task lists, strikethrough and footnotes, as remark-gfm
 * adds them. Note: autolink literals (bare `www.x.com` becoming a link) cost a third of all
 * parsing time on long notes, and lectern shows a bare URL as text either way.
 */
function remarkGfmWithoutAutolinks(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] }
  ;(data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  )
}

/** `$…$` and `$$…$$` math (dialects/math.ts decides which dollars are math and checks the TeX). */
function remarkMathSyntax(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] }
  ;(data.micromarkExtensions ??= []).push(math())
  ;(data.fromMarkdownExtensions ??= []).push(mathFromMarkdown())
}

/** The markdown reader of notes: remark-parse, GFM (see above), YAML frontmatter, math. */
export const markdownReader = unified().use(remarkParse).use(remarkGfmWithoutAutolinks).use(remarkMathSyntax).use(remarkFrontmatter, ['yaml'])


export function readMarkdown(text: string): Root {
  return markdownReader.parse(text) as Root
}
