import type { Run, SlideBlock } from '../types.js'
import { runsText } from '../text.js'
import { alternation, BACK_REFERENCES, FOLLOW_ON_OPENERS, SHOWN_BEFORE, ANAPHORIC_DETERMINERS, ANAPHORIC_INSIDE, CONTINUING_OPENERS, OPENING_WORDS } from '../grammar/en.js'
import { isEnglish, tagSentence } from '../grammar/index.js'
import { THIN_WORDS } from './budget.js'

// Lines that follow on from what the slide before shows: the packer keeps them with it, and the
// slide-text lint names a slide that is only such a line.

/** A sentence that opens by following on from what was just shown ("So …", "Thus, …") or points back at it ("the table above"). */
const FOLLOWS_ON = new RegExp(`^\\W*(?:${alternation(FOLLOW_ON_OPENERS)})(?![\\p{L}\\p{N}])`, 'iu')
const POINTS_BACK = new RegExp(`(?<![\\p{L}])(?:${alternation(SHOWN_BEFORE)})(?![\\p{L}])(?!\\s*\\d)`, 'iu')

/** A sentence that opens by pointing back ("This query returns …", "These rows …"). */
const OPENS_BACK = new RegExp(`^\\W*(?:${alternation(BACK_REFERENCES)})(?![\\p{L}\\p{N}])`, 'iu')

/** The text of a block's first line. */
export function firstLine(block: SlideBlock): string {
  const first = block.type === 'bullets' ? block.items[0]?.runs : 'runs' in block ? block.runs : undefined
  return first ? runsText(first) : ''
}

/** Whether a block's first line follows on from, or points back at, what the slide before shows. */
export function followsOn(block: SlideBlock): boolean {
  return followsOnText(firstLine(block))
}

/** Whether a sentence opens by following on ("So …", "Thus, …") or points back ("the table above"). */
export function followsOnText(text: string): boolean {
  return FOLLOWS_ON.test(text) || POINTS_BACK.test(text)
}

/** Most words of one line that follows on and is said rather than shown alone (twice a thin line). */
export const FOLLOW_ON_WORDS = 2 * THIN_WORDS

/** Whether a block's first line opens by pointing back ("This query returns …", "These rows …"). */
export function opensBack(block: SlideBlock): boolean {
  return OPENS_BACK.test(firstLine(block))
}

const ANAPHORIC = new Set(ANAPHORIC_DETERMINERS)
const ANAPHORIC_LATER = new Set(ANAPHORIC_INSIDE)
const CONTINUING = new Set(CONTINUING_OPENERS)
/** Parts of speech a back-pointing determiner may stand before ("this task", "these two rows", "such a scheme"). */
const NOMINAL = new Set(['NOUN', 'PROPN', 'NUM', 'ADJ'])

/**
 * Whether a sentence grammatically continues the one before it, so that a splitter keeps the two
 * on one slide: it follows on ("So …", "That way, …", "the table above"), opens with a word that
 * cannot start a sentence of its own ("which means …", "And …"), opens in lower case (prose
 * only: `prose`), opens with a pointing pronoun before its verb ("This is why …"), or points back
 * with a determiner and a noun in its first words ("These rows …", "To help them in this task …"). Note: by grammar and shape, not by the subject's words; a
 * sentence that opens with code or math is not read for case.
 */
export function continuesRuns(runs: Run[], prose = true): boolean {
  const first = runs.find((run) => run.text.trim())
  if (!first) return false
  const text = runsText(runs).replace(/^[\s"'“‘«(\[*_-]+/u, '')
  if (followsOnText(text)) return true
  if (first.code || first.math) return false
  const word = /^\p{L}+/u.exec(text)?.[0]
  if (!word) return false
  if (prose && /^\p{Ll}/u.test(word)) return true
  if (CONTINUING.has(word.toLowerCase())) return true
  if (!isEnglish(text)) return false
  return pointsBackEarly(text)
}

/** Whether one of a sentence's first words is a determiner pointing back, before a noun ("That way", "in this task"). */
function pointsBackEarly(text: string): boolean {
  // Tagging is for sentences that have such a word in their opening at all (most have none);
  // the probe is not cached, so that it evicts no sentence the shortener parsed.
  const opening = (text.toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, OPENING_WORDS)
  if (!ANAPHORIC.has(opening[0] ?? '') && !opening.some((word) => ANAPHORIC_LATER.has(word))) return false
  const tokens = tagSentence(text, false).filter((token) => token.pos !== 'PUNCT')
  return tokens.slice(0, OPENING_WORDS).some((token, i) => {
    const words = i === 0 ? ANAPHORIC : ANAPHORIC_LATER
    if (!words.has(token.lower) || (i > 0 && token.pos !== 'DET' && token.lower !== 'such')) return false
    // "This is why …", "That explains …": the pronoun stands for what was just said.
    if (i === 0 && token.lower !== 'such' && (tokens[1]?.pos === 'VERB' || tokens[1]?.pos === 'AUX')) return true
    // "Such a scheme": the article comes between.
    const next = tokens[i + 1]?.pos === 'DET' && token.lower === 'such' ? tokens[i + 2] : tokens[i + 1]
    if (!next || !NOMINAL.has(next.pos)) return false
    // "this cell's …", "these two rows": an adjective or a number still needs its noun.
    return next.pos === 'NOUN' || next.pos === 'PROPN' || tokens.slice(i + 2, i + 4).some((after) => after.pos === 'NOUN')
  })
}
