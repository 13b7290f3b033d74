import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { applyNotion } from './notion.js'
import { applyMath } from './math.js'
import { applyLogseq } from './logseq.js'
import { applyObsidian } from './obsidian.js'
import { applyCallouts } from './callout.js'
import { applyNavigation } from './navigation.js'
import { applyLines } from './lines.js'
import { applyAnswerLabels, applyStrayEmphasis, dropEmptyItems, liftNotesOnly } from './phrasing.js'
import { applyBoldHeadings } from './bold-headings.js'
import { applyLineMarkers } from './line-markers.js'
import { applyNumberLabels } from './number-labels.js'
import { applyPartMarkers } from './part-markers.js'
import { applyEmoji } from './emoji.js'

/**
 * Rewrite what notes apps write (Notion, pandoc, Logseq, Obsidian, GitHub and its emoji shortcodes, one thought a line, stray emphasis markers, line markers, answer labels under a question, bold lines as headings, numbered part lines as headings, chapter numbers as list items)
 * into the mdast the later stages know, in this order. Every transform keeps the text: what must not reach slides
 * becomes an HTML comment (a block) or a notes-only piece (inline), which the planner puts in the
 * speaker notes; only things without words (`<br>` runs, empty anchors, rules) are removed.
 */
export function applyDialects(tree: Root, file: VFile): void {
  applyNotion(tree, file)
  applyMath(tree, file)
  applyLogseq(tree, file)
  applyObsidian(tree, file)
  applyCallouts(tree)
  // After the navigation: a table of contents links headings by their slugs as written.
  applyNavigation(tree)
  applyEmoji(tree)
  applyLines(tree, String(file.value ?? ''))
  applyStrayEmphasis(tree)
  applyLineMarkers(tree)
  applyAnswerLabels(tree)
  applyPartMarkers(tree)
  applyBoldHeadings(tree)
  applyNumberLabels(tree)
  dropEmptyItems(tree)
  liftNotesOnly(tree)
}
