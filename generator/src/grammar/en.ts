/**
 * English vocabulary the planner and the slide-text lint cannot do without: discourse markers,
 * clause words, words that cannot end a phrase. Grammar itself (parts of speech) comes from
 * wink-nlp; this module holds only closed-class words, never subject words.
 * Note: another language gets a sibling module with the same exports.
 */

/** Openers a slide may drop ("However, …", "In practice, …"); the rest must still be a sentence. */
export const LEADING_MARKERS = [
  'in other words',
  'in practice',
  'put simply',
  'simply put',
  'however',
  'that said',
  'also',
  'moreover',
  'furthermore',
  'additionally',
  'in addition',
  'basically',
  'of course',
  'still',
  'then',
  'so',
  'and',
  'now',
  'finally',
  'in fact',
  'indeed',
  'overall',
  'generally',
  'in general',
  'typically',
  'usually',
  'essentially',
  'note that',
  'remember that',
  'recall that',
  'notice that',
  'notice how',
  'interestingly',
  'importantly',
]

/** Degree adverbs a slide may drop without changing a claim. */
export const DEGREE_ADVERBS = ['very', 'really', 'quite', 'extremely', 'fairly', 'rather', 'pretty much', 'simply', 'just', 'actually', 'highly']

/** Words that open a list of examples, dropped with the list they open. */
export const EXAMPLE_OPENERS = ['such as', 'for example', 'for instance', 'e.g.', 'e. g.', 'eg.', 'including', 'like']

/** Words that open a subordinate clause: a clause they open cannot stand alone on a slide. */
export const SUBORDINATORS = [
  'because',
  'although',
  'though',
  'even though',
  'since',
  'unless',
  'whereas',
  'while',
  'if',
  'when',
  'whenever',
  'which',
  'whose',
  'so that',
  'as soon as',
  'as long as',
  'in order to',
  'provided that',
  'until',
  'whether',
]

/** Clause words that join two halves of a contrast: both halves stay, or neither. */
export const CONTRAST_WORDS = ['whereas', 'while', 'but', 'unlike', 'yet', 'however', 'although', 'though', 'instead', 'rather than', 'than', 'versus', 'vs', 'vs.']

/** Negations: a deletion that removes one changes the claim. */
export const NEGATIONS = ['not', "n't", 'no', 'never', 'none', 'neither', 'nor', 'nothing', 'nobody', 'without', 'cannot']

/** Words that cannot end a phrase: a bullet ending on one was cut in the middle. */
export const DANGLING_END_WORDS = [
  'the', 'a', 'an', 'of', 'and', 'or', 'but', 'nor', 'to', 'in', 'on', 'for', 'with', 'by', 'from', 'at', 'as',
  'which', 'that', 'who', 'whose', 'whom', 'where', 'than', 'into', 'onto', 'via', 'its', 'their', 'our', 'your',
  'his', 'her', 'my', 'because', 'although', 'if', 'when',
  'while', 'whereas', 'since', 'unless', 'such', 'like', 'each', 'every', 'both', 'either', 'neither', 'between',
  'about', 'over', 'under', 'through', 'can', 'could', 'will', 'would', 'should', 'must', 'may', 'might', 'has',
  'have', 'had', 'do', 'does', 'did', 'not', 'very', 'more', 'most', 'less',
]

/**
 * Phrases that mark the author's point: the sentence they open (or hold) is the slide.
 * Note: the marker stays on the slide with its whole sentence; it is never stripped.
 */
export const POINT_MARKERS = [
  'in short',
  'in summary',
  'to summarize',
  'to summarise',
  'in conclusion',
  'to conclude',
  'rule of thumb',
  'key point',
  'the key is',
  'the main thing',
  'the main point',
  'the point is',
  'bottom line',
  'the takeaway',
  'key takeaway',
  'remember',
  'most important',
  'crucially',
  'in a nutshell',
  'tl;dr',
  'tldr',
]

/** Conclusion words: a sentence they open states a result. */
export const CONCLUSION_MARKERS = ['therefore', 'thus', 'hence', 'consequently', 'as a result', 'this means', 'so the', 'which means']

/** Hedges: a sentence they open is rarely the point. */
export const HEDGES = ['maybe', 'perhaps', 'possibly', 'probably', 'i think', 'i guess', 'it seems', 'it might', 'might be', 'not sure']

/** Meta-text about the note itself, never the point of a slide. */
export const META_TEXT = [
  'this note',
  'these notes',
  'this page',
  'this document',
  'this project',
  'this repo',
  'this repository',
  'this article',
  'this post',
  'this section',
  'sources',
  'source',
  'created',
  'updated',
  'last updated',
  'tags',
  'back to top',
  'see also',
  'see',
  'for more',
  'table of contents',
  'references',
]

/** Section titles (whole or leading words) that hold the note's own summary. */
export const SUMMARY_TITLES = [
  'summary',
  'recap',
  'quick recap',
  'conclusion',
  'conclusions',
  'key takeaways',
  'takeaways',
  'key points',
  'tl;dr',
  'tldr',
  'in summary',
  'in short',
  'wrap-up',
  'wrap up',
  'review',
  'key ideas',
  'main points',
  'the big picture',
]

/** Abbreviations after which a period does not end a sentence. */
export const ABBREVIATIONS = [
  'vs', 'e.g', 'i.e', 'cf', 'dr', 'mr', 'mrs', 'ms', 'prof', 'sr', 'jr', 'st', 'fig', 'eq', 'approx',
  'ca', 'al', 'inc', 'ltd', 'corp', 'dept', 'vol', 'pp', 'ch', 'resp', 'viz',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'a.m', 'p.m',
]

/** Frequent English function words: text where they are common enough is read as English. */
export const FUNCTION_WORDS = ['the', 'a', 'an', 'is', 'are', 'was', 'were', 'of', 'and', 'to', 'in', 'that', 'it', 'for', 'with', 'on', 'as', 'by', 'this', 'be', 'or', 'from', 'can', 'not']

/** Modal verbs: a sentence that starts with one has lost its subject ("Cannot be seen …"). */
export const MODALS = ['can', 'cannot', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'shall']
