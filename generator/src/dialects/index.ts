import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { applyMath } from './math.js'
import { applyCallouts } from './callout.js'
import { applyObsidian } from './obsidian.js'
import { liftNotesOnly } from './phrasing.js'

/**
 * Rewrite what notes apps write (Obsidian, Logseq, Notion, GitHub, pandoc) into the mdast the
 * later stages know, in this order. Every transform keeps the text: what must not reach slides
 * becomes an HTML comment, which the planner puts in the speaker notes.
 */
export function applyDialects(tree: Root, file: VFile): void {
  applyMath(tree, file)
  applyObsidian(tree, file)
  applyCallouts(tree)
  liftNotesOnly(tree)
}
