/**
 * English discourse vocabulary that structure detection cannot do without: connectives that
 * mark a contrast, a sequence or a return to the start, and the asides that sit inside a clause.
 * Note: these are words of the language, not of any subject. Another language gets a file of
 * its own beside this one, with the same names.
 */

/** Connectives that join two contrasted clauses: "A …, whereas B …". */
export const CONTRAST_JOINS = ['whereas', 'while', 'but', 'in contrast', 'on the other hand', 'however', 'by contrast']

/** Markers that set one side against another inside one clause: "A … compared with B". */
export const CONTRAST_MARKERS = ['compared to', 'compared with', 'in contrast to', 'as opposed to', 'unlike', 'than']

/** Asides between a subject and its verb: "Bacteria, by contrast, divide …". */
export const ASIDES = ['on the other hand', 'by contrast', 'in contrast', 'however', 'instead', 'meanwhile', 'for their part', 'in comparison']

/** Heading frames that name two compared things; `X` and `Y` stand for them. */
export const PAIR_FRAMES = [
  'X vs Y',
  'X vs. Y',
  'X versus Y',
  'X compared with Y',
  'X compared to Y',
  'X and Y compared',
  'comparing X and Y',
  'comparing X with Y',
  'differences between X and Y',
  'difference between X and Y',
  'the difference between X and Y',
  'the differences between X and Y',
  'differentiating between X and Y',
  'X or Y',
]

/** Words that open the steps of a sequence in prose: "First …", "Then …", "Finally …". */
export const SEQUENCE_FIRST = ['first', 'firstly', 'first of all', 'to begin', 'initially', 'at first']
export const SEQUENCE_NEXT = ['then', 'next', 'second', 'secondly', 'third', 'thirdly', 'after that', 'afterwards', 'subsequently', 'later']
export const SEQUENCE_LAST = ['finally', 'lastly', 'in the end', 'at last', 'eventually']

/** Phrases that say a sequence returns to its start, making it a cycle. */
export const CYCLE_CUES = ['the cycle repeats', 'the cycle begins again', 'starts again', 'begins again', 'repeats', 'back to', 'returns to', 'all over again', 'cycle', 'loop']

/** Heading or lead-in words that announce a process, so that an ordered list reads as steps. */
export const PROCESS_CUES = ['what happens', 'step', 'steps', 'process', 'lifecycle', 'life cycle', 'workflow', 'sequence', 'flow', 'pipeline', 'stage', 'stages', 'phase', 'phases', 'procedure']

/** Heading openers that announce a process: "How a bill becomes law". */
export const PROCESS_OPENERS = ['how', 'what happens']

/** Words that make an ordered list a set of criteria or rules, which stays a list. */
export const CRITERIA_CUES = ['criteria', 'criterion', 'conditions', 'rules', 'requirements', 'properties', 'principles', 'reasons', 'examples', 'questions']

/** Words that announce a stack of layers, and the words that give its reading order. */
export const LAYER_NOUNS = ['layer', 'layers', 'level', 'levels', 'tier', 'tiers', 'stack']
export const BOTTOM_FIRST = ['bottom to top', 'bottom-up', 'bottom up', 'from the bottom', 'lowest first', 'starting at the bottom', 'starting from the bottom']
export const TOP_FIRST = ['top to bottom', 'top-down', 'top down', 'from the top', 'highest first']

/** Number words up to ten. */
export const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 }

/** Pronouns and relative words that stand for a phrase and are never a node or a subject. */
export const PRONOUNS = ['it', 'they', 'them', 'this', 'that', 'these', 'those', 'which', 'who', 'whom', 'he', 'she', 'we', 'you', 'i', 'one', 'there', 'here']

/** Relative words that continue a chain with the previous clause's object: "…, which …". */
export const RELATIVES = ['which', 'that', 'who', 'and then', 'then', 'in turn']

/** Build an alternation for a regular expression from phrases (longest first, escaped). */
export function alternation(phrases: string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|')
}

/** Verbs that say what a thing is or holds, not what it does to another: no chain link. */
export const NON_LINK_VERBS = ['be', 'have', 'include', 'contain', 'consist', 'comprise', 'mean', 'involve', 'become', 'seem', 'represent', 'equal', 'resemble']

/** Prepositions that name where something is sent: "hands the work to B". */
export const TARGET_PREPOSITIONS = ['to', 'into', 'onto', 'toward', 'towards']

/** Frames that put one thing inside another: "at the heart of A is B". */
export const CORE_FRAMES = ['at the core of', 'at the heart of', 'at the centre of', 'at the center of']

/** Section titles that mark the note's own summary (kept in a timed talk whatever its length). */
export const SUMMARY_TITLES = ['summary', 'recap', 'quick recap', 'conclusion', 'conclusions', 'in summary', 'key points', 'key takeaways', 'takeaways', 'tl;dr', 'tldr', 'wrap-up', 'wrap up']

/** Derivational endings set aside when two names are matched ("sleeper" ≈ "sleep"). */
export const DERIVATION_SUFFIXES = ['ers', 'er']

/** Links inside one sentence that list places or stages in order: "in A, followed by B, and finally C". */
export const SEQUENCE_LINKS = ['followed by', 'and then', 'and finally', 'then', 'finally', 'and lastly']

/** Prepositions that open adjuncts a step label may lose whole ("… for the reader"); "to" and "into" often complete the verb. */
export const ADJUNCT_PREPOSITIONS = ['for', 'with', 'in', 'on', 'at', 'during', 'from', 'by', 'via', 'through', 'after', 'before', 'within', 'without', 'across', 'using']

/** Words that negate the statement they open: "Not reversible", "Non-toxic". */
export const NEGATIONS = ['not', 'non', 'no']

/** Subordinators that open a clause with a subject of its own: "…, because stomata open". */
export const CLAUSE_SUBORDINATORS = ['because', 'when', 'since', 'where', 'so that', 'although']
