import type { List, ListItem, Paragraph, RootContent } from 'mdast'
import type { Outline, PlanOptions, Run, Section, SlideBlock, SlidePlan } from '../types.js'
import { countWords, runsText, toRuns } from '../text.js'
import { ADJUNCT_PREPOSITIONS, ADVICE_MARKERS, ADVICE_MODALS, CONTINUING_OPENERS, CONTRAST_CLAUSES, CONTRAST_MARKERS, COPULA_LEMMAS, COUNT_PHRASES, DEFINITION_FRAMES, FORWARD_REFERENCES, MODALS, SEQUENCE_LAST, SEQUENCE_NEXT, NUMBER_WORDS, SUMMARY_TITLES, alternation } from '../grammar/en.js'
import { isEnglish, tagSentence } from '../grammar/index.js'
import { BULLET_WORDS, isCircularDefinition, shortenSentence, splitSentences } from './condense.js'
import { countsOff, isDefining, isExample, isMarkedPoint, isMinor, pointScore, standsAlone } from './point.js'
import { fits, partsWithin } from './budget.js'
import { contentLemmas } from './phrase.js'
import { definedTerm } from './diagrams/terms.js'
import { ordinalStep } from './diagrams/ordinals.js'

const TITLE = 'Key takeaways'
/** Most takeaways a talk ends with. */
const MAX_POINTS = 8
/** Most slides chosen takeaways take. */
const MAX_SLIDES = 2
/** Most section points the takeaways take when the note marks none (the strongest win). */
const SECTION_POINTS = 6
/** Marked points (conclusions, "in short", long bold) that make the takeaways on their own. */
const MARKED_ENOUGH = 3
/** Sentences of a section read when looking for its strongest point (its opening, where points are). */
const SECTION_SENTENCES = 12

/** Most parallel definitions a list may hold for one of them to stand for its section (more: any one is an arbitrary pick). */
const DEFINITIONS_PICKED = 3
/** Share of the shorter point's content words that another point repeats for the two to say the same thing. */
const SAME_WORDS = 0.5

/** Most words of a sentence that only announces how many things follow ("There were two alliances in Europe"). */
const COUNT_WORDS = 14
const COUNTED = new RegExp(`\\b(?:${alternation([...Object.keys(NUMBER_WORDS).filter((word) => !/^(?:one|a|an)$/.test(word)), ...COUNT_PHRASES])}|[2-9])\\s+(?:[\\p{L}-]+\\s+){0,3}?[\\p{L}-]+s(?:\\s+(?:of|${alternation(ADJUNCT_PREPOSITIONS)})(?:\\s+[\\p{L}-]+){1,3})?[.!]?\\s*$`, 'iu')

/** Where in the note (as a share of its lines) a recap of the whole note starts at the earliest. */
const RECAP_FROM = 2 / 3

/** A sentence that gives advice or a warning: the rule a talk ends with. */
const ADVICE = new RegExp(`(?:^|[^\\p{L}'’])(?:${alternation(ADVICE_MARKERS)}|(?:${alternation(ADVICE_MODALS)})(?!\\s+be\\b))(?![\\p{L}])`, 'iu')
/** A sentence that sets two things against each other. */
const CONTRASTING = new RegExp(`(?:^|[^\\p{L}])(?:${alternation([...CONTRAST_MARKERS, ...CONTRAST_CLAUSES])})(?![\\p{L}])`, 'iu')
/** A frame that only sets up a definition or an analogy. */
const DEFINITION_FRAME = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(DEFINITION_FRAMES)})(?![\\p{L}])`, 'iu')
/** A sentence that points at what comes next. */
const FORWARD = new RegExp(`(?:^|[^\\p{L}])(?:${alternation(FORWARD_REFERENCES)})(?![\\p{L}])`, 'iu')
/** A sentence that opens as a later step of a sequence ("Then restart …", "Finally, …"). */
const LATER_STEP = new RegExp(`^(?:${alternation([...SEQUENCE_NEXT, ...SEQUENCE_LAST])})(?![\\p{L}])`, 'iu')
/** How much a lesson (a rule, a warning, a contrast) outweighs a definition among a section's points. */
const LESSON = { advice: 3, contrast: 1.5, frame: -5, definition: -1 }
/** The weight of a recap item's point (less each item after its recap's first), above any chosen section point. */
const RECAP_SCORE = 1_000
/** Most words of a list item that reads as the heading of its own nested list. */
const HEADING_WORDS = 8
/** Fewest words outside formulas and code for a sentence to say something of its own. */
const PROSE_WORDS = 4

/** A sentence that ends in a colon: it leads into what follows. */
const LEAD_IN = /[:：]\s*$/

/** A sentence of the note with where it came from. */
interface Candidate {
  runs: Run[]
  text: string
  line: number
  section: Section
  /** How strongly it reads as its section's point (section points only). */
  score?: number
  /** A recap item that leads into its own list ("… the following uses:"): that list's items. */
  children?: Run[][]
  /** Where it stands: a member of a list (an item of a long definition list, a numbered step) speaks for the list, not its section. */
  member?: 'step' | 'definition'
  /** A list item that heads its own nested list and ends with no stop: a heading in list form ("How to find the root"). */
  heads?: boolean
}

/** Whether a section title names the note's own summary ("Summary", "Quick recap", "Conclusion"). */
export function isSummaryTitle(title: string): boolean {
  const plain = title.toLowerCase().replace(/[^\p{L}\p{N}\s;-]/gu, ' ').replace(/\s+/g, ' ').trim()
  return SUMMARY_TITLES.some((name) => plain === name || plain.startsWith(`${name} `) || plain.endsWith(` ${name}`))
}

/** The note's own summary section, at any depth (the last one when there are several). */
export function findSummary(sections: Section[]): Section | undefined {
  let found: Section | undefined
  const visit = (section: Section): void => {
    if (isSummaryTitle(section.title)) found = section
    section.children.forEach(visit)
  }
  sections.forEach(visit)
  return found
}

/**
 * The talk's key takeaways, in order of preference: the note's own recap, summary or conclusion
 * section; else the sentences the author marked as points ("in summary", "rule of thumb",
 * conclusions); else each section's strongest point, chosen as slides choose theirs. A bare
 * label (a few words without a verb) is never a takeaway.
 */
export function takeawaySlides(outline: Outline, options: PlanOptions): SlidePlan[] {
  const summary = findSummary(outline.sections)
  let title = TITLE
  // A recap item that only leads into its own list ("… the following uses:") is no point alone;
  // it and its list stay on the recap's own slides.
  let points = summary ? summaryPoints(summary).filter(isRecapPoint) : []
  const fromSummary = points.length > 0
  if (fromSummary) {
    title = summary!.title.length <= 40 ? summary!.title : TITLE
  } else {
    // Away from its section, a takeaway needs its subject ("Programmed for …" says nothing alone)
    // and must not lean on a sentence it is not shown with ("This …", "Another …", "However, …").
    // A lead-in ("**Add the remote repository**:") introduces what follows; it is no takeaway.
    const alone = (c: Candidate): boolean => !isFragment(c.text) && standsAlone(c.text) && !LEAD_IN.test(c.text)
    // A list item titled as a recap ("- Summary" over its own list) is the author's summary of its part.
    const recap = recapItems(outline.sections).filter(alone)
    const inRecap = new Set(recap.map((c) => c.line))
    const marked = [
      ...recap,
      ...allSentences(outline.sections)
        .filter((c) => !inRecap.has(c.line) && (isMarkedPoint(c.text) || c.runs.some((run) => run.strong && countWords(run.text) >= 4)))
        .filter((c) => alone(c) && !isBareLabel(c.text)),
    ].sort((a, b) => a.line - b.line)
    // A few marked points join each section's strongest one, in the note's order.
    points = marked.length >= MARKED_ENOUGH ? marked : withMarked(sectionPoints(outline.sections), marked)
    points = withoutRepeats(points.filter((c) => !c.member && !c.heads && saysEnough(c.runs) && !isCodeOnly(c.runs) && !endsOpen(c.text) && !announcesCount(c.text)))
  }
  points = points.filter((c) => c.children?.length || !isBareLabel(c.text))
  points = fromSummary ? points.slice(0, MAX_POINTS) : strongest(points, MAX_POINTS)
  if (!points.length) return []
  let shown = points.map((c) => shortenSentence(c.runs, BULLET_WORDS).map(withTightColon))
  const bulletsOf = (from: number, to: number): SlideBlock => ({
    type: 'bullets',
    ordered: false,
    start: 1,
    items: shown.slice(from, to).map((runs, i) => ({ runs, children: (points[from + i].children ?? []).map((child) => ({ runs: shortenSentence(child, BULLET_WORDS), children: [] })) })),
  })
  const partsOf = (): Array<[number, number]> => partsWithin(points.length, (from, to) => fits([bulletsOf(from, to)], title, options.budget))
  // Chosen points (not the note's own recap) end the talk in at most MAX_SLIDES slides: the weakest go first.
  while (!fromSummary && points.length > 1 && partsOf().length > MAX_SLIDES) {
    const weakest = points.reduce((low, c, i) => ((c.score ?? 0) < (points[low].score ?? 0) ? i : low), points.length - 1)
    points = points.filter((_, i) => i !== weakest)
    shown = shown.filter((_, i) => i !== weakest)
  }
  return partsOf().map(([from, to], index) => {
    const part = points.slice(from, to)
    return {
      kind: 'takeaways',
      layout: 'takeaways',
      title: index ? `${title} (cont.)` : title,
      body: [bulletsOf(from, to)],
      notes: part.map((c) => (fromSummary ? [c.text, ...(c.children ?? []).map((child) => `- ${runsText(child)}`)].join('\n') : `${c.section.title}: ${c.text}`)).join('\n\n'),
      lines: { start: Math.min(...part.map((c) => c.line)), end: Math.max(...part.map((c) => c.line)) },
    }
  })
}

/** The `count` strongest points (the earlier on a tie), in the note's order. */
function strongest(points: Candidate[], count: number): Candidate[] {
  const kept = new Set(
    points
      .map((c, i) => ({ c, i }))
      .sort((a, b) => (b.c.score ?? 0) - (a.c.score ?? 0) || a.i - b.i)
      .slice(0, count)
      .map((entry) => entry.i),
  )
  return points.filter((_, i) => kept.has(i))
}

/** A recap item that makes a takeaway: not a bare label, and a lead-in only with its own list. */
function isRecapPoint(c: Candidate): boolean {
  // With its list, a lead-in is a point however it is tagged ("Rain returns water in three ways:").
  return c.children?.length ? true : !isBareLabel(c.text) && !LEAD_IN.test(c.text)
}

/**
 * The note's recap section when the takeaways show all of it: a top-level section of plain
 * paragraphs and lists (a lead-in item may have one list of its own), every item a takeaway,
 * at most MAX_POINTS, in the note's last third. The talk then shows it once, as the takeaways, not also in place.
 * Note: the takeaways' notes keep every sentence of it, so nothing is lost.
 */
export function recapShownWhole(outline: Outline): Section | undefined {
  const summary = findSummary(outline.sections)
  if (!summary || outline.sections.length < 2 || !outline.sections.includes(summary) || summary.children.length) return undefined
  // A recap early in the note sums up its own part ("Key points" of the first topic): it stays there.
  if (summary.lines.start < outline.lineCount * RECAP_FROM) return undefined
  const plain = (block: RootContent): boolean =>
    (block.type === 'paragraph' && !block.children.some((child) => child.type === 'image')) ||
    (block.type === 'list' && block.children.every((item) => item.children[0]?.type === 'paragraph' && item.children.slice(1).every((child) => child.type === 'list' && child.children.every((sub) => sub.children.length === 1 && sub.children[0].type === 'paragraph'))))
  if (!summary.blocks.length || !summary.blocks.every(plain)) return undefined
  const points = summaryPoints(summary)
  // A nested list under an item that does not lead into it is not shown by the takeaways.
  const leadsIn = (item: ListItem): boolean => item.children[0]?.type === 'paragraph' && LEAD_IN.test(runsText(toRuns(item.children[0].children)))
  const nestedOnlyUnderLeadIns = summary.blocks.every((block) => block.type !== 'list' || block.children.every((item) => item.children.length === 1 || leadsIn(item)))
  return nestedOnlyUnderLeadIns && points.length <= MAX_POINTS && points.every(isRecapPoint) ? summary : undefined
}

/** The points of a summary section: each list item's, else each sentence of its paragraphs. */
function summaryPoints(section: Section): Candidate[] {
  const all = [section, ...section.children].flatMap((s) => s.blocks.flatMap((block) => blockSentences(block, s, true)))
  return all
}

/**
 * The items of every recap inside a list: an item whose own line is a summary title ("Summary",
 * "Key points") and that holds a list; each of that list's items, kept whole, is one point.
 */
function recapItems(sections: Section[]): Candidate[] {
  const out: Candidate[] = []
  const visitList = (list: List, section: Section): void => {
    for (const item of list.children) {
      const first = item.children[0]
      const nested = item.children.filter((child): child is List => child.type === 'list')
      if (first?.type === 'paragraph' && nested.length && isSummaryTitle(runsText(toRuns(first.children)))) {
        // Each recap's first points stay when the takeaways must be fewer: they outrank its later ones.
        const points = nested.flatMap((sub) => listSentences(sub, section, true)).filter((c) => isRecapPoint(c) && saysEnough(c.runs))
        out.push(...points.map((c, i) => ({ ...c, score: RECAP_SCORE - i })))
      } else nested.forEach((sub) => visitList(sub, section))
    }
  }
  const visit = (section: Section): void => {
    for (const block of section.blocks) if (block.type === 'list') visitList(block, section)
    section.children.forEach(visit)
  }
  sections.forEach(visit)
  return out
}

/** Marked points, and the strongest point of each section that has none, in the note's order (at most SECTION_POINTS section points). */
function withMarked(points: Candidate[], marked: Candidate[]): Candidate[] {
  // A section with a marked point of its own is already represented.
  const sections = new Set(marked.map((c) => c.section))
  const rest = points.filter((c) => !sections.has(c.section)).slice(0, Math.max(0, SECTION_POINTS - marked.length))
  // Marked points are the author's: they stay when the takeaways must be fewer.
  return [...marked.map((c) => ({ ...c, score: c.score ?? Number.MAX_SAFE_INTEGER })), ...rest].sort((a, b) => a.line - b.line)
}

/**
 * Each section's strongest point (a section with text of its own, at any depth), chosen as its
 * slides choose theirs; when there are more sections than takeaways, the strongest points win.
 * They stay in the note's order.
 */
function sectionPoints(sections: Section[]): Candidate[] {
  const found: Array<{ candidate: Candidate; score: number; order: number }> = []
  const visit = (section: Section): void => {
    const best = strongestPoint(section)
    if (best) found.push({ ...best, order: found.length })
    section.children.forEach(visit)
  }
  sections.forEach(visit)
  return found
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, SECTION_POINTS)
    .sort((a, b) => a.order - b.order)
    .map((entry) => ({ ...entry.candidate, score: entry.score }))
}

/**
 * The strongest point of a section's own text: its best-ranked sentence among the first few that
 * stand alone (no pronoun subject, no "Another …"), are not minor (an example, a hedge) and are
 * neither a label nor a fragment.
 */
function strongestPoint(section: Section): { candidate: Candidate; score: number } | undefined {
  const own = section.blocks.flatMap((block) => blockSentences(block, section, false))
  // A lead-in ("… based on three conditions:") introduces what follows it: away from that, it says nothing.
  // So does a sentence whose next one counts off its members ("We need a measure of waiting. One of those is …"),
  // and an example's result ("The mean wait is 5 minutes") is nothing without its example.
  const leadsOn = (i: number): boolean => (own[i + 1] !== undefined && countsOff(own[i + 1].text)) || (i > 0 && isExample(own[i - 1].text))
  const candidates = own
    .filter((c, i) => !c.member && !c.heads && saysEnough(c.runs) && !isCodeOnly(c.runs) && !endsOpen(c.text) && !announcesCount(c.text) && !isBareLabel(c.text) && !isFragment(c.text) && standsAlone(c.text) && !isMinor(c.text) && !LEAD_IN.test(c.text) && !leadsOn(i) && !isCircularDefinition(c.runs))
    .slice(0, SECTION_SENTENCES)
  if (!candidates.length) return undefined
  const scored = candidates.map((c) => ({ candidate: c, score: pointScore(c.text, own.indexOf(c), c.runs.some((run) => run.strong), section.title) + lessonWeight(c.text) }))
  return scored.sort((a, b) => b.score - a.score)[0]
}

function allSentences(sections: Section[]): Candidate[] {
  const out: Candidate[] = []
  const visit = (section: Section): void => {
    for (const block of section.blocks) out.push(...blockSentences(block, section, false))
    section.children.forEach(visit)
  }
  sections.forEach(visit)
  return out
}

/** Sentences of a paragraph, or of a list's items (each item's first paragraph; `whole` keeps items whole). */
function blockSentences(block: RootContent, section: Section, whole: boolean): Candidate[] {
  const line = block.position?.start.line ?? section.headingLine
  if (block.type === 'paragraph') {
    const runs = toRuns(block.children.filter((child) => child.type !== 'image'))
    // "The second step is …": one step of a process told paragraph by paragraph.
    const step = !whole && ordinalStep(runsText(runs)) ? { member: 'step' as const } : {}
    return splitSentences(runs).map((s) => ({ runs: s, text: runsText(s), line, section, ...step }))
  }
  if (block.type === 'list') return listSentences(block, section, whole)
  return []
}

function listSentences(list: List, section: Section, whole: boolean): Candidate[] {
  const out: Candidate[] = []
  // Outside a recap, a numbered item is one step of a procedure, and one of many parallel definitions an arbitrary pick.
  const definitions = list.children.filter((item) => definedTerm(item)).length
  const member = whole ? undefined : list.ordered ? 'step' : definitions > DEFINITIONS_PICKED && definitions * 2 > list.children.length ? 'definition' : undefined
  list.children.forEach((item, index) => {
    const first = item.children[0]
    if (first?.type !== 'paragraph') return
    const runs = toRuns(first.children.filter((child) => child.type !== 'image'))
    const line = item.position?.start.line ?? section.headingLine
    const parts = whole ? [runs] : splitSentences(runs)
    // Kept whole, an item that leads into its own list brings that list along.
    const nested = item.children.filter((child): child is List => child.type === 'list').flatMap((sub) => sub.children)
    // Only a flat list of statements: a list of lead-ins ("Furthermore:") says nothing here.
    const flat = nested.every((sub) => sub.children.length === 1 && sub.children[0].type === 'paragraph' && !LEAD_IN.test(runsText(toRuns(sub.children[0].children))))
    const children = whole && flat && LEAD_IN.test(runsText(runs)) ? nested.map((sub) => toRuns((sub.children[0] as Paragraph).children)) : []
    // A short line with no stop over its own list is that list's heading ("How to find the root").
    const heads = !whole && nested.length > 0 && !/[.!?。]\s*$/.test(runsText(runs)) && !runs.some((run) => run.math) && countWords(runsText(runs)) <= HEADING_WORDS
    // A line with no stop before an item that is only a formula leads into that formula ("… gilt insbesondere").
    const intoFormula = !/[.!?。]\s*$/.test(runsText(runs)) && isFormulaOnly(list.children[index + 1])
    for (const s of parts) out.push({ runs: s, text: runsText(s), line, section, ...(children.length ? { children } : {}), ...(member ? { member } : {}), ...(heads || intoFormula ? { heads: true } : {}) })
  })
  return out
}

/** A list item that holds only a formula. */
function isFormulaOnly(item: ListItem | undefined): boolean {
  const first = item?.children[0]
  if (first?.type === 'math') return true
  if (first?.type !== 'paragraph') return false
  const runs = toRuns(first.children)
  return runs.some((run) => run.math) && runs.every((run) => run.math || !run.text.trim())
}

/** A label, not a thought: under four words, a question, or English words with no verb and no full stop. */
export function isBareLabel(text: string): boolean {
  const words = countWords(text)
  if (words < 4) return true
  if (/\?\s*$/.test(text)) return true
  // A full stop says the author wrote a sentence (the tagger misreads some, "Lines end here.").
  if (/[.!。]\s*$/.test(text) || !isEnglish(text)) return false
  return !tagSentence(text).some((token) => token.pos === 'VERB' || token.pos === 'AUX')
}

/**
 * A sentence without its subject: English text that opens with a modal ("Cannot be detected …"),
 * a past participle ("Programmed for development …") or a verb with its "-s" ("Affects one …").
 * Note: an imperative ("Run the tests") opens with the bare verb and stays.
 */
export function isFragment(text: string): boolean {
  if (!isEnglish(text)) return false
  const first = tagSentence(text).find((token) => token.pos !== 'PUNCT' && token.pos !== 'SYM')
  if (!first) return false
  if (first.pos === 'AUX' && MODALS.includes(first.lower)) return true
  return first.pos === 'VERB' && /(?:[^s]s|ed)$/i.test(first.lower)
}

/**
 * Points without those that repeat one kept before them: two points say the same thing when
 * SAME_WORDS of the shorter one's content words are the other's too. The stronger one stays.
 */
function withoutRepeats(points: Candidate[]): Candidate[] {
  const words = points.map((c) => new Set(contentLemmas(c.text)))
  const dropped = new Set<number>()
  points.forEach((c, i) => {
    for (let j = 0; j < i; j++) {
      if (dropped.has(j)) continue
      const [a, b] = [words[i], words[j]]
      const shared = [...a].filter((word) => b.has(word)).length
      if (Math.min(a.size, b.size) < 3 || shared < SAME_WORDS * Math.min(a.size, b.size)) continue
      // The weaker of the two goes (the earlier on a tie).
      dropped.add((c.score ?? 0) > (points[j].score ?? 0) ? j : i)
      if (dropped.has(i)) break
    }
  })
  return points.filter((_, i) => !dropped.has(i))
}

/**
 * A sentence that stops where what it leads into should follow: no closing stop, and its last
 * word a verb, a preposition or an article ("Thus, the profit of the firm is", before a formula),
 * or one that opens by continuing another ("which means …").
 */
function endsOpen(text: string): boolean {
  const trimmed = text.trim()
  if (!isEnglish(trimmed)) return false
  const first = trimmed.split(/\s+/)[0]?.toLowerCase().replace(/[^\p{L}]/gu, '')
  if (first && CONTINUING_OPENERS.includes(first)) return true
  // "if given X" with no clause after it: a condition without its consequence.
  const opener = tagSentence(trimmed).find((token) => token.pos !== 'PUNCT')
  if (opener?.pos === 'SCONJ' && !/[,;]/.test(trimmed)) return true
  if (/[.!?。)\]"'’”]$/.test(trimmed)) return false
  const last = tagSentence(trimmed).filter((token) => token.pos !== 'PUNCT' && token.pos !== 'SYM').pop()
  return Boolean(last && ['AUX', 'ADP', 'DET', 'CCONJ', 'SCONJ', 'PART'].includes(last.pos))
}

/** "Term : text" as shown: the colon right after its term ("**Subscriptions**: A subscription …"). */
function withTightColon(run: Run, index: number): Run {
  if (run.math || run.code) return run
  const text = index > 0 ? run.text.replace(/^\s+([:：])/, '$1') : run.text
  return { ...run, text: text.replace(/([\p{L}\p{N})])\s+([:：])(?=\s)/gu, '$1$2') }
}

/** A short sentence that only says how many things follow and ends there ("The war had a number of causes", "There are two kinds in Europe"): it leads into them. */
function announcesCount(text: string): boolean {
  return countWords(text) <= COUNT_WORDS && !text.includes(',') && COUNTED.test(text)
}

/**
 * A command, a link or a setting alone ("`make install`", a bare address, "NAME=value"): it says
 * what to type or where to look, not what to take away.
 */
function isCodeOnly(runs: Run[]): boolean {
  // One ASCII token with a symbol in it ("NAME=value", "a/b.conf"); a sentence in a script without spaces is not one.
  if (!runs.some((run) => run.math) && /^[\x21-\x7e]*[=/\\][\x21-\x7e]*$/.test(runsText(runs).trim())) return true
  return runs.some((run) => run.code || run.href) && runs.every((run) => run.code || run.href || !run.text.trim())
}

/**
 * How much more a sentence reads as a lesson than as a fact: advice or a warning ("should be
 * used with caution") and a contrast weigh more, a definition opener ("The term X refers to …",
 * "X is a …") less, so a section's rule or warning wins over its opening definition.
 */
export function lessonWeight(text: string): number {
  let weight = 0
  if (ADVICE.test(text)) weight += LESSON.advice
  if (CONTRASTING.test(text)) weight += LESSON.contrast
  if (DEFINITION_FRAME.test(text)) weight += LESSON.frame
  else if (definesTerm(text)) weight += LESSON.definition
  return weight
}

/** "X is a …", "X are the …": a copula before a determiner opens a definition ("AMIs are built for …" does not). */
function definesTerm(text: string): boolean {
  if (!isDefining(text) || !isEnglish(text)) return false
  const tokens = tagSentence(text).filter((token) => token.pos !== 'PUNCT')
  const copula = tokens.findIndex((token) => COPULA_LEMMAS.includes(token.lemma))
  return copula > 0 && tokens[copula + 1]?.pos === 'DET'
}

/**
 * Whether a sentence says something in words of its own: not a formula or a command with a label
 * ("Self-consistency: $x=0$"), not figures ("7 bytes (56 bits)"), not a pointer at what follows
 * ("use the following script") or a later step of a sequence ("Then restart …").
 */
function saysEnough(runs: Run[]): boolean {
  const prose = runs.filter((run) => !run.math && !run.code).map((run) => run.text).join(' ')
  // Figures and one-letter symbols are no words here ("7 bytes (8 bits * 7 = 56 bits)" says three).
  const words = countWords(prose.replace(/[^\s\p{L}]*\p{N}[^\s\p{L}]*|(?<![\p{L}\p{N}])[\p{Script=Latin}\p{Script=Greek}](?![\p{L}\p{N}])/gu, ' '))
  const text = runsText(runs).trim()
  return words >= PROSE_WORDS && !FORWARD.test(text) && !LATER_STEP.test(text)
}
