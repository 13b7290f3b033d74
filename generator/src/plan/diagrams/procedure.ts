import type { Section } from '../../types.js'
import { countWords } from '../../text.js'
import { isVerb, termsOf } from '../phrase.js'
import { commands } from './series.js'

/**
 * A procedure told as subsections: each titled by a command ("Mount the drive", "Copy the
 * files") and each holding the code that carries it out, three to six in a row. Returns the
 * titles in order, as an overview of the steps; the subsections keep their code on their own
 * slides. A title that ends on the word that leads into its code ("Check the logs using") shows
 * without that word.
 * Note: confidence first. Every subsection must be a command with code: one titled otherwise
 * ("Problems and fixes", "To check it, run") or without code means the section is not a procedure,
 * and no diagram is drawn. A list of headings alone, without commands and their code, is no process.
 */
export function findProcedure(section: Section): string[] | undefined {
  const children = section.children
  if (children.length < 3 || children.length > MAX_STEPS) return undefined
  const steps: string[] = []
  for (const child of children) {
    const title = withoutLeadWord(child.title.trim().replace(/[\s:：.]+$/, ''))
    if (!title || countWords(title) > STEP_WORDS || /[`$\\]/.test(title) || !commands(title)) return undefined
    if (!child.blocks.some((block) => block.type === 'code')) return undefined
    steps.push(title)
  }
  return steps
}

/** Most steps an overview shows, and most words of a step's title. */
const MAX_STEPS = 6
const STEP_WORDS = 9

/** A title without a last word that only leads into what follows (a preposition, "using"). */
function withoutLeadWord(title: string): string {
  const terms = termsOf(title)
  const last = terms[terms.length - 1]
  if (!last || terms.length < 3) return title
  const leads = last.tags.has('Preposition') || last.tags.has('Conjunction') || (isVerb(last) && /ing$/i.test(last.text) && last.tags.has('Gerund'))
  return leads ? title.slice(0, last.start).trim() : title
}
