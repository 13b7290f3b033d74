import type { Nodes, Root } from 'mdast'
import { plainText, sentences } from './text.js'
import { isEnglish } from './grammar/index.js'
import { subjectClause } from './plan/phrase.js'

/** Most sentences of a paragraph whose clauses are tagged ahead as well (plan/contrast.ts reads paragraphs of 4 to 8). */
const CLAUSE_SENTENCES = 8

/**
 * The texts the planner tags most, in the order it asks for them, for a helper thread to tag
 * ahead (helper-thread.ts): first every heading (the outline compares their words at once), then
 * the sentences of each English paragraph (list items hold paragraphs) in the note's order, cut
 * the ways the planner cuts them: by sentence, at sentence marks alone (plan/diagrams/chain.ts),
 * and, in a paragraph of a few sentences, each sentence without its end mark as `splitSubject`
 * reads it (plan/contrast.ts `pairedStatements`).
 * Note: only speed depends on this list; a text the planner asks for and the list lacks is tagged
 * on the planner's thread.
 */
export function textsToTag(tree: Root): string[] {
  const headings = new Set<string>()
  const texts = new Set<string>()
  const walk = (node: Nodes): void => {
    if (node.type === 'heading') headings.add(plainText(node))
    else if (node.type === 'paragraph') {
      const text = plainText(node)
      if (isEnglish(text)) {
        const said = sentences(text)
        for (const sentence of said) texts.add(sentence)
        for (const sentence of text.split(/(?<=[.!?])\s+/)) texts.add(sentence)
        const lines = text.split(/\n/).flatMap((line) => sentences(line))
        if (lines.length <= CLAUSE_SENTENCES) for (const sentence of lines) texts.add(subjectClause(sentence.replace(/[.!]+$/, '')))
      }
    }
    if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(tree)
  return [...headings, ...[...texts].filter((text) => !headings.has(text))]
}
