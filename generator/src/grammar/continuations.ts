// English words by which a sentence continues the one before it, for the splitters (plan/follow.ts).
// Note: vocabulary only; the rules that read it are in plan/follow.ts. Another language gets a file beside it.

/** Determiners that point back at something just said when a noun follows ("That way, …", "These rows …", "Such a scheme …"). */
export const ANAPHORIC_DETERMINERS = ['this', 'that', 'these', 'those', 'such']

/** The same, later in a sentence's opening words ("To help them in this task …"): "that" is left out there (it is mostly a conjunction). */
export const ANAPHORIC_INSIDE = ['this', 'these', 'those', 'such']

/** Words a sentence cannot open with unless it continues the one before ("which means …", "and then …"). */
export const CONTINUING_OPENERS = ['which', 'and', 'but', 'or', 'nor', 'whereby', 'whereupon']

/** How many words of a sentence's opening are read for a back-reference ("To help them in this task"). */
export const OPENING_WORDS = 6
