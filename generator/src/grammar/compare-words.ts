/**
 * English words for turning one side of a contrast into the other (plan/contrast.ts): "A is more
 * X than B" says B is less X; "A shares X, unlike B" says B does not. One module per language,
 * beside grammar/en.ts.
 */

/** A comparative word and its opposite ("more" ↔ "less"). */
export const COMPARATIVE_SWAPS: Record<string, string> = { more: 'less', less: 'more', fewer: 'more', greater: 'smaller', smaller: 'greater', higher: 'lower', lower: 'higher' }

/** The opposite of "more" before a plural noun ("more members" → "fewer members"). */
export const COUNT_OPPOSITE = 'fewer'

/** The word a plain comparative ("safer") takes to turn round ("less safe"). */
export const LESSER = 'less'

/** How a verb phrase is negated: after an auxiliary, and before a plain verb by its tense and number. */
export const NEGATION = { after: 'not', modalCan: ['can', 'cannot'] as [string, string], plural: 'do not', singular: 'does not', past: 'did not' }
