import type { RootContent } from 'mdast'
import { countWords, plainText, sentences } from '../../text.js'
import { ORDINAL_WORDS, STEP_NOUNS, alternation } from '../../grammar/en.js'
import { shortLabel, stepLabel } from './structure.js'

/** Words a step named by a noun phrase may keep ("Chemiosmosis and oxidative phosphorylation"). */
const NAME_WORDS = 6

/**
 * "The first step (of X) is Y", "In the second stage, Y …", "The third phase: Y": an ordinal
 * and a step noun within the first words of a sentence, and what the rest says the step is.
 */
const OPENING = new RegExp(
  `^(?:(?:in|during)\\s+)?the\\s+(${alternation(Object.keys(ORDINAL_WORDS))})\\s+(?:\\([^)]*\\)\\s+|[\\p{L}-]+\\s+){0,2}?(?:${alternation(STEP_NOUNS)})s?\\b(.*)$`,
  'iu',
)

const START = new RegExp(`^(?:(?:in|during)\\s+)?the\\s+(?:${alternation(Object.keys(ORDINAL_WORDS))})\\b`, 'i')

/** The step a paragraph's first sentence opens ("The second step is X, which …" → 2, "X"). */
export function ordinalStep(text: string): { number: number; label: string } | undefined {
  // Most paragraphs open otherwise: no sentence split for them.
  if (!START.test(text.trimStart())) return undefined
  const first = sentences(text.replace(/\s+/g, ' ').trim())[0] ?? ''
  const match = OPENING.exec(first)
  if (!match) return undefined
  const number = ORDINAL_WORDS[match[1].toLowerCase()]
  const rest = match[2].trim()
  // "… of respiration is glycolysis": the step is named; its name is the node.
  const named = /^(?:(?:of|in|for)\s+[^,:]+?\s+)?(?:is|was|involves|consists of)\s+(.+)$/i.exec(rest)
  if (named) {
    const name = shortLabel(named[1].replace(/^(?:the|a|an)\s+/i, '').split(/,\s*(?:which|where|when|in which)\b/i)[0])
    return name && countWords(name) <= NAME_WORDS ? { number, label: name.charAt(0).toUpperCase() + name.slice(1) } : undefined
  }
  // "In the third stage, the buds open": the clause after the comma or colon says what happens.
  const clause = /^(?:of\s+[^,:]+?)?[,:]\s*(.+)$/.exec(rest)
  if (!clause) return undefined
  const label = stepLabel(clause[1].charAt(0).toUpperCase() + clause[1].slice(1))
  return label ? { number, label } : undefined
}

/**
 * Steps told one paragraph each: from the paragraph at `start`, paragraphs of the same block list
 * that open with "the first …", "the second …" step, in order, three or more. Returns the labels.
 * Note: other blocks may sit between the steps (an image, a formula, an explanation); a number
 * out of order or repeated ends the search, so two processes are never merged.
 */
export function findOrdinalSteps(blocks: RootContent[], start: number): { steps: string[]; end: number } | undefined {
  const first = blocks[start]
  if (first?.type !== 'paragraph' || ordinalStep(plainText(first))?.number !== 1) return undefined
  const steps: string[] = []
  let end = start
  for (let j = start; j < blocks.length; j++) {
    const block = blocks[j]
    if (block.type === 'heading') break
    const step = block.type === 'paragraph' ? ordinalStep(plainText(block)) : undefined
    if (!step) continue
    if (step.number !== steps.length + 1) break
    steps.push(step.label)
    end = j
  }
  return steps.length >= 3 ? { steps, end } : undefined
}
