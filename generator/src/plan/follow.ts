import type { SlideBlock } from '../types.js'
import { runsText } from '../text.js'
import { alternation, BACK_REFERENCES, FOLLOW_ON_OPENERS, SHOWN_BEFORE } from '../grammar/en.js'
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
