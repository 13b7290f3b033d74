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
export const DEGREE_ADVERBS = ['very', 'really', 'quite', 'extremely', 'fairly', 'rather', 'pretty much', 'simply', 'actually', 'highly']

/**
 * Qualifiers of frequency, possibility and limitation ("Sometimes …", "usually", "only", "just
 * before"): like a negation, a deletion that removes one changes the claim (a conditional becomes
 * a rule), so no deletion takes one.
 */
export const QUALIFIERS = [
  'sometimes', 'often', 'usually', 'always', 'rarely', 'seldom', 'occasionally', 'frequently', 'normally', 'typically',
  'generally', 'commonly', 'mostly', 'mainly', 'largely', 'primarily', 'partly', 'partially', 'ever',
  'possibly', 'probably', 'perhaps', 'maybe', 'likely', 'unlikely', 'potentially', 'presumably',
  'only', 'just', 'merely', 'solely', 'almost', 'nearly', 'hardly', 'barely', 'scarcely', 'roughly', 'approximately', 'about',
  'at least', 'at most', 'on average', 'in part', 'to some extent', 'in principle', 'in general', 'in most cases', 'in some cases', 'in many cases', 'as a rule', 'at times', 'from time to time',
]

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

/** Openers of a sentence that follows on from what was just shown: the conclusion words, and "So …", "That way, …" (the packer keeps it with that). */
export const FOLLOW_ON_OPENERS = [...CONCLUSION_MARKERS, 'so', 'that way', 'meaning', 'in this case', 'this shows', 'this introduces']

/** Words by which a sentence points at what was shown just before it ("the table above", "the previous example"). */
export const SHOWN_BEFORE = ['above', 'the previous', 'the preceding', 'this previous', 'aforementioned']

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
  'key observations',
  'key differences',
  'key difference',
]

/**
 * Words that give advice or a warning ("should be used with caution", "never push …"): a
 * sentence with one states a rule, the kind of point a talk ends with.
 */
export const ADVICE_MARKERS = ['never', 'avoid', 'caution', 'careful', 'carefully', 'crucial', 'beware', 'make sure', 'be sure', 'do not', "don't", 'important to', 'it is best to', 'always']

/** Modals of advice: "you should commit often" gives advice, "the status should be ready" (before "be") only expects. */
export const ADVICE_MODALS = ['should', 'must', 'ought to']

/** Joins that set one clause against another ("A keeps history, whereas B rewrites it"); "while" and "but" are too often no contrast. */
export const CONTRAST_CLAUSES = ['whereas', 'in contrast', 'by contrast', 'on the other hand']

/** Phrases that frame a definition or an analogy ("The term X refers to …", "To understand X, imagine …", "think of it as …"). */
export const DEFINITION_FRAMES = ['the term', 'to understand', 'imagine', 'think of']

/** Phrases that point at what comes next ("use the following script"): away from it, the sentence says nothing. */
export const FORWARD_REFERENCES = ['the following', 'as follows', 'shown below', 'listed below', 'see below', 'given below']

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

// Vocabulary for structure detection (comparisons, chains, steps, layers, timed talks).

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
/** Openers of a clause that sets off what follows it: "When the dam fails, …" (plan/diagrams/structure.ts). */
export const TRIGGER_OPENERS = ['if', 'when', 'whenever', 'once', 'after', 'as soon as']

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

/**
 * Numbers in words (from two: "one" is also a pronoun), and quantity words a tagger may not
 * tag as numbers ("a dozen", "twice", "half of"): a deletion never takes one (nor the unit it
 * counts).
 */
export const SPELLED_NUMBERS = [...Object.keys(NUMBER_WORDS), 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion']
export const QUANTITY_WORDS = [...SPELLED_NUMBERS, 'dozen', 'dozens', 'hundreds', 'thousands', 'millions', 'billions', 'half', 'twice', 'thrice', 'double', 'triple', 'quarter']

/** Pronouns and relative words that stand for a phrase and are never a node or a subject. */
export const PRONOUNS = ['it', 'they', 'them', 'this', 'that', 'these', 'those', 'which', 'who', 'whom', 'he', 'she', 'we', 'you', 'i', 'one', 'there', 'here']

/** Third-person pronouns: a subject that stands for a noun said before it ("As a cell grows, it …"). */
export const THIRD_PERSON = ['it', 'its', 'they', 'them', 'their', 'he', 'she', 'his', 'her']

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

/** Derivational endings set aside when two names are matched ("sleeper" ≈ "sleep"). */
export const DERIVATION_SUFFIXES = ['ers', 'er']

/** Links inside one sentence that list places or stages in order: "in A, followed by B, and finally C". */
export const SEQUENCE_LINKS = ['followed by', 'and then', 'and finally', 'then', 'finally', 'and lastly']

/** Prepositions that open adjuncts a step label may lose whole ("… for the reader"); "to" and "into" often complete the verb. */
export const ADJUNCT_PREPOSITIONS = ['for', 'with', 'in', 'on', 'at', 'during', 'from', 'by', 'via', 'through', 'after', 'before', 'within', 'without', 'across', 'using']

/** Words that negate the statement they open: "Not reversible", "Non-toxic". */
export const NEGATION_OPENERS = ['not', 'non', 'no']

/** Subordinators that open a clause with a subject of its own: "…, because stomata open". */
export const CLAUSE_SUBORDINATORS = ['because', 'when', 'since', 'where', 'so that', 'although']

/** Joins that add a second participle clause to a sentence: "…, making X as well as reducing Y". */
export const ADDITIVE_JOINS = ['as well as', 'and also']

/** Ordinal words up to ten: "the third step". */
export const ORDINAL_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 }

/** Nouns that name one step of a process when an ordinal comes before them: "the second stage". */
export const STEP_NOUNS = ['step', 'stage', 'phase']

// Vocabulary for choosing which sentences of a paragraph a slide shows (plan/point.ts).

/**
 * Pronoun or demonstrative subjects: a sentence they open ("This metadata is …", "It runs …")
 * leans on the sentence before it for its meaning.
 */
export const DEPENDENT_OPENERS = ['one of those', 'one of these', 'one of them', 'each of these', 'both of these', 'all of these', 'some of these', 'this', 'these', 'that', 'those', 'it', 'its', 'they', 'their', 'them', 'such', 'he', 'she', 'his', 'her']

/**
 * Openers that turn against the sentence before ("However, …"): shown only with it. A trailing
 * comma means the word turns only with it ("Still, …" does; "Still consider …" does not).
 */
export const CONTRAST_OPENERS = ['however', 'but', 'yet,', 'still,', 'nevertheless', 'nonetheless', 'instead,', 'on the other hand', 'in contrast', 'by contrast', 'even so', 'otherwise,', 'conversely']

/** Openers of the first of several members ("The first problem is …", "One remedy is …"): the next ones are its siblings. */
export const FIRST_MEMBER_OPENERS = ['the first', 'one', 'first', 'firstly']

/** Openers that count on from the sentence before without a noun of their own ("Another is …"). */
export const ORDINAL_OPENERS = ['another', 'the other', 'the second', 'the third', 'the latter', 'the former', 'the next', 'a second', 'a third']

/** Words that make a sentence explain (a cause, a reason, a consequence): the why a speaker needs. */
export const CAUSAL_MARKERS = [
  'because',
  'since it',
  'so that',
  'which means',
  'this means',
  'that means',
  'this causes',
  'which causes',
  'as a result',
  'therefore',
  'thus',
  'hence',
  'due to',
  'leads to',
  'lead to',
  'results in',
  'result in',
  'in order to',
  'the reason',
  'that is why',
  "that's why",
  'which is why',
  'that way',
  'this way',
  'in this way',
]

/** Openers of an answer to the question before ("No, because the court …"): shown only with the question. */
export const ANSWER_OPENERS = ['yes,', 'no,']

/** Sentence openers that announce an example: the sentence illustrates, it is not the point. */
export const EXAMPLE_SENTENCE_OPENERS = ['an example', 'one example', 'another example', 'as an example', 'to illustrate', 'for example', 'for instance', 'e.g.', 'say,']

/** Cross-references to other notes or parts ("This was also covered in …"): an aside. */
export const CROSS_REFERENCES = ['also covered in', 'covered earlier', 'covered above', 'as discussed', 'discussed earlier', 'discussed above', 'as mentioned', 'mentioned earlier', 'mentioned above', 'see below', 'see above', 'more on this later']

/** Frames that gloss the sentence before: "This means that …", "That is, …" (a definition cell may be the gloss alone). */
export const GLOSS_FRAMES = ['this means that', 'this means', 'that means that', 'that means', 'that is', 'i.e.', 'in other words']

/** Words inside a sentence that point back at what was said before it ("this problem", "the previous step"). */
export const BACK_REFERENCES = ['this', 'these', 'those', 'the previous', 'the above', 'the former', 'the latter']

/** Adjectives that compare ("is different"): said without what they compare with, the next sentence says it. */
export const COMPARISON_ADJECTIVES = ['different', 'similar', 'alike', 'same', 'distinct', 'unique']

/** Words that bring what a comparison adjective compares with: "different from …", "similar to …". */
export const COMPARISON_STANDARDS = ['from', 'to', 'than', 'as', 'with', 'between', 'among']

/** Lemmas of the auxiliary that links a subject to its description (tagged Copula, not an action). */
export const COPULA_LEMMAS = ['be']

// Turning one side of a contrast into the other (plan/contrast.ts, plan/compare.ts).

/** A comparative word and its opposite ("A is more X than B" says B is less X). */
export const COMPARATIVE_SWAPS: Record<string, string> = { more: 'less', less: 'more', fewer: 'more', greater: 'smaller', smaller: 'greater', higher: 'lower', lower: 'higher' }

/** The opposite of "more" before a plural noun ("more members" → "fewer members"). */
export const COUNT_OPPOSITE = 'fewer'

/** The word a plain comparative ("safer") takes to turn round ("less safe"). */
export const LESSER = 'less'

/** How a verb phrase is negated: after an auxiliary, and before a plain verb by its tense and number. */
export const NEGATION = { after: 'not', modalCan: ['can', 'cannot'] as [string, string], plural: 'do not', singular: 'does not', past: 'did not' }

// Loose quantifiers a list's lead-in counts with (plan/header.ts).

/** Words a lead-in counts with when it gives no number ("a few methods:", "several stages:"). */
export const LEAD_QUANTIFIERS = ['a few', 'a couple of', 'several', 'many', 'various', 'some', 'the following', 'these', 'multiple', 'different']

// Words by which a sentence continues the one before it (plan/follow.ts).

/** Determiners that point back at something just said when a noun follows ("That way, …", "These rows …", "Such a scheme …"). */
export const ANAPHORIC_DETERMINERS = ['this', 'that', 'these', 'those', 'such']

/** The same, later in a sentence's opening words ("To help them in this task …"): "that" is left out there (it is mostly a conjunction). */
export const ANAPHORIC_INSIDE = ['this', 'these', 'those', 'such']

/** Words a sentence cannot open with unless it continues the one before ("which means …", "and then …"). */
export const CONTINUING_OPENERS = ['which', 'and', 'but', 'or', 'nor', 'whereby', 'whereupon']

/** How many words of a sentence's opening are read for a back-reference ("To help them in this task"). */
export const OPENING_WORDS = 6

// ── Comparison rows (plan/align.ts, session 18 compare helper) ─────────────────────────────────
/** The row label for what a named thing does, told in clauses that open with its verb ("reduces …", "prevents …"). */
export const DOES_LABEL = 'What it does'

// --- s18-point (plan/point.ts, plan/condense.ts): back-pointing determiners and caveats ---

/**
 * Determiners that, with a noun past a sentence's opening words, point at a set the sentence
 * before named ("… pick from these services"). "this" is left out: "at this point", "in this
 * way" mostly point at the situation, not at a noun the slide must show.
 */
export const SET_BACK_DETERMINERS = ['these', 'those', 'such']

/**
 * Words that make a sentence a caveat or a condition on the one before it ("… unless you attach
 * …", "If the host fails, …", "Note that …"): often the point of a note's line.
 */
export const CAVEAT_MARKERS = ['unless', 'but', 'however', 'except', 'only if', 'as long as', 'note that', 'otherwise', 'provided that', 'although', 'though']

/** Openers of a conditional sentence whose main clause is the consequence ("If …, you lose …"). */
export const CONDITION_OPENERS = ['if', 'unless', 'otherwise', 'once', 'without']

/** Words that name a term after describing it ("… are called ribosomes"): such a sentence defines the term it ends on. */
export const NAMING_FRAMES = ['called', 'known as', 'named', 'termed', 'referred to as']

/** Existential frames ("there are several …"): a sentence built on one places a thing, it does not define it. */
export const EXISTENTIAL_FRAMES = ['there is', 'there are', 'there was', 'there were', 'there exist', 'there exists']

/** Labels that only announce the answer to the question a heading asks ("Solution: …" under "What is X?"). */
export const ANSWER_LABELS = ['solution', 'solutions', 'answer', 'answers', 'ans']

/** A pronoun standing for a term, then what it is ("This is a ledger …"): the frame a cell drops. */
export const PRONOUN_COPULA_FRAMES = ['this is', 'it is', 'these are', 'they are']

// --- Containment (plan/diagrams/nesting.ts): session 18, diagram helper ---

/** Verbs by which a subject holds what follows it, in any form ("A holds B", "A is a holder of B"; see CONTAINS_FORMS). */
export const CONTAINS_STEMS = ['contain', 'hold']

/** Endings a containment verb takes, as a verb or as the noun of its doer ("contains", "holder", "holders"). */
export const CONTAINS_FORMS = ['s', 'er', 'ers', 'ing']

/** Phrases by which a subject is made of what follows it: "A is made up of B", "A consists of B". */
export const CONTAINS_CUES = ['made up of', 'made of', 'consists of', 'consist of', 'composed of']

/** Words by which what follows holds the subject: "Within A, B …", "B is part of A", "B belongs to A". */
export const CONTAINED_CUES = ['within', 'inside', 'part of', 'belongs to', 'belong to']

/** Words by which something goes back the way it came ("the receipt travels back to the sender"; plan/diagrams/chain.ts). */
export const RETURN_CUES = ['back to', 'back up to', 'back down to', 'returns to', 'return to', 'returned to']

/** Loose counts by which a sentence announces the members that follow it ("has a number of causes"; plan/takeaways.ts). */
export const COUNT_PHRASES = ['a number of', 'several', 'a few', 'a couple of', 'multiple']
// --- end containment ---

// --- s19-point (plan/point.ts, plan/condense.ts): what completes a line's thought ---

/**
 * Pronouns that, as a sentence's subject right before its verb, stand for the whole statement
 * before ("This creates …", "That leaves …"): such a sentence says what the statement leads to.
 */
export const STATEMENT_PRONOUNS = ['this', 'that']

/** Openers by which a sentence adds one more member to what the sentences before listed ("Additionally, …"). */
export const ADDITIVE_OPENERS = ['additionally', 'in addition', 'also', 'moreover', 'furthermore', 'besides', 'another', 'a second', 'the second', 'the next', 'secondly', 'second,']

/** Openers that make a sentence the consequence of the one before ("So …", "Therefore, …"): kept when it joins that sentence. */
export const CONSEQUENCE_OPENERS = [...CONCLUSION_MARKERS, 'so', 'that way', 'this way', 'meaning']
// --- end s19-point ---

// --- s21-takeaways (plan/takeaways.ts, plan/point.ts): what a talk may end with ---

/**
 * Openers by which a sentence points back at what was just said or shown ("So …", "Thus, …",
 * "As a result, …", "Remember that …", "Here …"): away from that, its cause or its set-up is missing.
 */
export const BACK_POINTING_OPENERS = [...CONSEQUENCE_OPENERS, 'remember that', 'recall that', 'as we saw', 'as we have seen', 'as seen', 'as shown', 'as mentioned', 'as noted', 'now', 'in this case', 'in that case']

/** Pronouns by which the writer narrates what the reader does ("You can add …", "We'll see that …"): a how-to, not a lesson. */
export const NARRATOR_PRONOUNS = ['you', 'we', 'i']

/** Summary titles that, heading a note's first section, sum up the note ahead of it (an abstract); "review" or "recap" there looks back at an earlier talk. */
export const ABSTRACT_TITLES = ['summary', 'tl;dr', 'tldr', 'key takeaways', 'takeaways', 'key points', 'in short', 'in summary', 'the big picture', 'main points', 'key ideas']

/** Section titles (whole or leading words) of an example or an exercise: it illustrates a lesson told elsewhere. */
export const EXAMPLE_TITLES = ['example', 'examples', 'worked example', 'sample', 'exercise', 'exercises']
// --- end s21-takeaways ---
