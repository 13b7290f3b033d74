import type { List, ListItem, Paragraph, RootContent } from 'mdast'
import type { Outline, PlanOptions, Run, Section, SlideBlock, SlidePlan } from '../types.js'
import { countWords, foldedKey, runsText, toRuns } from '../text.js'
import { ABSTRACT_TITLES, EXAMPLE_TITLES, ADJUNCT_PREPOSITIONS, ADVICE_MARKERS, ADVICE_MODALS, CONTINUING_OPENERS, CONTRAST_CLAUSES, CONTRAST_MARKERS, COPULA_LEMMAS, COUNT_PHRASES, DEFINITION_FRAMES, FORWARD_REFERENCES, MODALS, SEQUENCE_FIRST, SEQUENCE_LAST, SEQUENCE_NEXT, NUMBER_WORDS, SUMMARY_TITLES, alternation } from '../grammar/en.js'
import { isEnglish, tagSentence } from '../grammar/index.js'
import { BULLET_WORDS, isCircularDefinition, shortenSentence, splitSentences } from './condense.js'
import { announces, countsOff, isClause, isCommand, isDefining, isExample, isMarkedPoint, isMinor, isNarration, namesMember, opensBackward, pointScore, standsAlone } from './point.js'
import { fits, partsWithin } from './budget.js'
import { contentLemmas } from './phrase.js'
import { definedTerm } from './diagrams/terms.js'
import { ordinalStep } from './diagrams/ordinals.js'

const TITLE = 'Key takeaways'
/** Most takeaways a talk ends with. */
const MAX_POINTS = 8
/** Most slides chosen takeaways take. */
const MAX_SLIDES = 2
/** Sentences of a section read when looking for its strongest point (its opening, where points are). */
const SECTION_SENTENCES = 12

/** Most parallel definitions a list may hold for one of them to stand for its section (more: any one is an arbitrary pick). */
const DEFINITIONS_PICKED = 3
/** Share of the shorter point's content words that another point repeats for the two to say the same thing. */
const SAME_WORDS = 0.5

/** Most words of a sentence that only announces how many things follow ("There were two alliances in Europe"). */
const COUNT_WORDS = 14
const COUNTED = new RegExp(`\\b(?:${alternation([...Object.keys(NUMBER_WORDS).filter((word) => !/^(?:one|a|an)$/.test(word)), ...COUNT_PHRASES])}|[2-9])\\s+(?:[\\p{L}-]+\\s+){0,3}?[\\p{L}-]+s(?:\\s+(?:of|to|${alternation(ADJUNCT_PREPOSITIONS)})(?:\\s+[\\p{L}-]+){1,4})?[.!]?\\s*$`, 'iu')

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
/** A sentence that opens as a step of a sequence ("First, …", "Then restart …", "Finally, …"): one step, not the lesson ("First 3 bytes …" is no step). */
const SEQUENCE_STEP = new RegExp(`^(?:(?:${alternation([...SEQUENCE_NEXT, ...SEQUENCE_LAST])})(?![\\p{L}])|(?:${alternation(SEQUENCE_FIRST)})\\s*,)`, 'iu')
/** How much a lesson (a rule, a warning, a contrast) outweighs a definition among a section's points. */
const LESSON = { advice: 3, contrast: 1.5, frame: -5, definition: -1, narration: -4 }
/** The weight of a recap item's point (less each item after its recap's first), above any chosen section point. */
const RECAP_SCORE = 1_000
/** Most words of a list item that reads as the heading of its own nested list. */
const HEADING_WORDS = 8
/** Fewest words outside formulas and code for a sentence to say something of its own. */
const PROSE_WORDS = 4

/** A sentence that ends in a colon: it leads into what follows. */
const LEAD_IN = /[:：]\s*$/
/** A line that ends in a comma or a semicolon: the note's sentence goes on past it (in any language). */
const OPEN_END = /[,，;；、]\s*$/
/** A line that ends with a stop. */
const STOPPED = /[.!?。！？]\s*$/
/** A web address in a line. */
const WEB_ADDRESS = /\bhttps?:\/\/|\bwww\.\p{L}/iu
/** A subject pointed at where it stands in the note: "The table below …", "These steps above …" (not "open the lid above 200 degrees"). */
const POINTS_AT = /^(?:the|this|these|those)\s+(?:[\p{L}-]+\s+){0,2}(?:below|above)\b/iu
/** A line that opens with a figure and its unit ("6 bytes …", "48-bit …"). */
const FIGURE_FIRST = /^\d[\d.,]*(?:\s+|-)\p{L}/u
/** Most words of a label before its colon ("**Purpose:** …", "siehe auch: …"). */
const LABEL_WORDS = 5
/** Most words after a label for the line to be a key and its value ("Minimum: 64 bytes"), not a statement. */
const VALUE_WORDS = 3

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
  /** Its place in the order the takeaways are chosen in (0 first): each part's strongest point, then each part's next. */
  rank?: number
}

/** Whether a section title names the note's own summary ("Summary", "Quick recap", "Conclusion"). */
export function isSummaryTitle(title: string): boolean {
  return titleIs(title, SUMMARY_TITLES)
}

/** Whether a section title is one of `names`, whole or as its leading or last words. */
function titleIs(title: string, names: string[]): boolean {
  const plain = title.toLowerCase().replace(/[^\p{L}\p{N}\s;-]/gu, ' ').replace(/\s+/g, ' ').trim()
  return names.some((name) => plain === name || plain.startsWith(`${name} `) || plain.endsWith(` ${name}`))
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
 * The talk's key takeaways: the note's own recap, summary or conclusion section when it stands
 * for the whole talk (see talkSummary); else, part by part of the talk, the sentences the author
 * marked as points ("in summary", "rule of thumb", conclusions, long bold) and each section's
 * strongest point, each part's best first (see spread). Only a sentence that stands alone ends
 * a talk (see standingAlone); a bare label (a few words without a verb) never does.
 */
export function takeawaySlides(outline: Outline, options: PlanOptions): SlidePlan[] {
  const summary = talkSummary(outline)
  let title = TITLE
  // A recap item that only leads into its own list ("… the following uses:") is no point alone;
  // it and its list stay on the recap's own slides.
  let points = summary ? summaryPoints(summary).filter(isRecapPoint) : []
  const fromSummary = points.length > 0
  if (fromSummary) {
    title = summary!.title.length <= 40 ? summary!.title : TITLE
  } else {
    const aside = asideSections(outline)
    const sentences = allSentences(outline.sections).filter((c) => !aside.has(c.section))
    const alone = standingAlone(sentences)
    // A list item titled as a recap ("- Summary" over its own list) is the author's summary of its part.
    const recap = recapItems(outline.sections).filter((c) => !aside.has(c.section) && alone(c))
    const inRecap = new Set(recap.map((c) => c.line))
    const marked = [
      ...recap,
      ...sentences
        .filter((c) => !inRecap.has(c.line) && (isMarkedPoint(c.text) || c.runs.some((run) => run.strong && countWords(run.text) >= 4)))
        .filter((c) => alone(c) && !isBareLabel(c.text)),
    ].sort((a, b) => a.line - b.line)
    // Marked points join each other section's strongest one; each part of the talk gives its strongest first.
    points = withMarked(sectionPoints(outline.sections, alone).filter((c) => !aside.has(c.section)), marked)
    points = withoutRepeats(points.filter((c) => !c.member && !c.heads && saysEnough(c.runs) && !isCodeOnly(c.runs) && !endsOpen(c.text) && !announcesCount(c.text)))
  }
  points = points.filter((c) => c.children?.length || !isBareLabel(c.text))
  points = fromSummary ? points.slice(0, MAX_POINTS) : spread(points, talkParts(outline.sections), MAX_POINTS)
  if (!points.length) return []
  let shown = points.map((c) => shortenSentence(c.runs, BULLET_WORDS).map(withTightColon))
  const bulletsOf = (from: number, to: number): SlideBlock => ({
    type: 'bullets',
    ordered: false,
    start: 1,
    items: shown.slice(from, to).map((runs, i) => ({ runs, children: (points[from + i].children ?? []).map((child) => ({ runs: shortenSentence(child, BULLET_WORDS), children: [] })) })),
  })
  const partsOf = (): Array<[number, number]> => partsWithin(points.length, (from, to) => fits([bulletsOf(from, to)], title, options.budget))
  // Chosen points (not the note's own recap) end the talk in at most MAX_SLIDES slides: the last chosen go first.
  while (!fromSummary && points.length > 1 && partsOf().length > MAX_SLIDES) {
    const weakest = points.reduce((low, c, i) => ((c.rank ?? 0) > (points[low].rank ?? 0) ? i : low), 0)
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

/**
 * The part of the talk each section belongs to: the top-level sections (below a lone one that
 * holds them all), each with everything under it.
 */
function talkParts(sections: Section[]): Map<Section, number> {
  let top = sections
  while (top.length === 1 && top[0].children.length) top = top[0].children
  const parts = new Map<Section, number>()
  top.forEach((part, index) => {
    const visit = (section: Section): void => {
      parts.set(section, index)
      section.children.forEach(visit)
    }
    visit(part)
  })
  return parts
}

/**
 * At most `count` points that cover the talk, in the note's order: each part's strongest point
 * first (the stronger parts' first), then each part's next strongest, and so on; each chosen
 * point keeps its place in that order as its `rank` (a slide too full drops the last chosen).
 * Note: a talk of six parts ends on a point of each, not on four points of its first part.
 */
function spread(points: Candidate[], parts: Map<Section, number>, count: number): Candidate[] {
  const byPart = new Map<number, Array<{ c: Candidate; i: number }>>()
  points.forEach((c, i) => {
    const part = parts.get(c.section) ?? -1
    byPart.set(part, [...(byPart.get(part) ?? []), { c, i }])
  })
  const strongestFirst = (a: { c: Candidate; i: number }, b: { c: Candidate; i: number }): number => (b.c.score ?? 0) - (a.c.score ?? 0) || a.i - b.i
  const queues = [...byPart.values()].map((queue) => queue.sort(strongestFirst))
  const order: Array<{ c: Candidate; i: number }> = []
  for (let round = 0; order.length < points.length; round++) order.push(...queues.filter((queue) => queue.length > round).map((queue) => queue[round]).sort(strongestFirst))
  // What the author marked as the point ("In short, …", "Rule of thumb: …") goes first, then one part after another.
  order.sort((a, b) => Number(isMarkedPoint(b.c.text)) - Number(isMarkedPoint(a.c.text)))
  return order
    .slice(0, count)
    .map((entry, rank) => ({ ...entry, c: { ...entry.c, rank } }))
    .sort((a, b) => a.i - b.i)
    .map((entry) => entry.c)
}

/**
 * The note's recap section when it stands for the whole talk: one in the note's last third or
 * with nothing after it (it sums up what came before it), or an abstract that opens the note
 * ("TL;DR" as its first section).
 * Note: a recap between parts ("Key points" after the first of many topics) sums up only the part
 * before it, and a "Review" at the top looks back at an earlier talk: neither stands for this
 * talk, so the takeaways come from every part, the note's later conclusions among them.
 */
function talkSummary(outline: Outline): Section | undefined {
  const summary = findSummary(outline.sections)
  if (!summary || summary.lines.start >= outline.lineCount * RECAP_FROM) return summary
  const sections = contentSections(outline.sections)
  // The last thing the note says (a short note's "Recap" may start before its last third).
  if (!sections.some((section) => section.headingLine > summary.lines.end)) return summary
  return sections[0] === summary && titleIs(summary.title, ABSTRACT_TITLES) ? summary : undefined
}

/**
 * Sections the takeaways take no point from: an example or an exercise (with what is under it),
 * which illustrates a lesson told elsewhere, and a recap that opens the note without being its
 * abstract ("Review" of the last talk), which looks back at an earlier talk.
 */
function asideSections(outline: Outline): Set<Section> {
  const aside = new Set<Section>()
  const first = contentSections(outline.sections)[0]
  if (first && isSummaryTitle(first.title) && !titleIs(first.title, ABSTRACT_TITLES) && first.lines.start < outline.lineCount * RECAP_FROM) aside.add(first)
  const visit = (section: Section, inExample: boolean): void => {
    const example = inExample || titleIs(section.title, EXAMPLE_TITLES)
    if (example) aside.add(section)
    section.children.forEach((child) => visit(child, example))
  }
  outline.sections.forEach((section) => visit(section, false))
  return aside
}

/** Sections with text of their own, in the note's order. */
function contentSections(sections: Section[]): Section[] {
  return sections.flatMap((section) => [...(section.blocks.length ? [section] : []), ...contentSections(section.children)])
}

/**
 * Whether a sentence can end the talk on its own, away from its section: it is a statement of its
 * own, not one that leads on ("… dann heißen", "… as follows:", "…,"), a key and its value
 * ("siehe auch: Unabhängigkeit"), one that leans on what came before ("This …", "However, …",
 * "So …", "Thus, …", "Recall that …") or one that only names a member of a set ("One exception
 * is …"). In English, it has its own subject and a finite verb (or is a rule told as a command);
 * a label before a predicate ("**Purpose:** Defines …") stands for that subject only when it
 * names a thing: code, or a label the note gives once (an aspect label recurs under each thing).
 */
function standingAlone(sentences: Candidate[]): (c: Candidate) => boolean {
  const labels = new Map<string, number>()
  for (const c of sentences) {
    const label = labelOf(c.runs)
    if (label) labels.set(label.key, (labels.get(label.key) ?? 0) + 1)
  }
  return (c) => {
    if (LEAD_IN.test(c.text) || OPEN_END.test(c.text) || !standsAlone(c.text) || opensBackward(c.text)) return false
    // A web address ("Official guide: https://…") is a pointer, and "the manifest below" shows on its own slide only.
    if (WEB_ADDRESS.test(c.text) || POINTS_AT.test(c.text)) return false
    const label = labelOf(c.runs)
    if (label && !label.code && countWords(label.rest) <= VALUE_WORDS && !STOPPED.test(label.rest)) return false
    const prose = proseOf(c.runs)
    if (!isEnglish(prose)) return true
    if (isFragment(c.text) || namesMember(prose) || announces(prose)) return false
    // "6 bytes each (48 bits) address of …": a figure and what it measures, a trait listed under its heading.
    if (FIGURE_FIRST.test(prose) && !STOPPED.test(prose)) return false
    // A capitalised sentence with its stop that does not open with a verb is the author's sentence (the tagger misreads some, "Fast water holds …").
    const statement = (text: string): boolean => isClause(text) || (isCommand(text) && ADVICE.test(text)) || (STOPPED.test(text) && /^\p{Lu}/u.test(text) && !isFragment(text) && !opensAsTrait(text))
    if (!label) return statement(prose)
    if (!isEnglish(label.rest) || isClause(label.rest) || (isCommand(label.rest) && ADVICE.test(label.rest))) return true
    // "**Purpose:** Defines …", "**Care:** Rinse …" under each thing: the label is an aspect, the thing is its parent.
    if (!label.code && (labels.get(label.key) ?? 0) > 1) return false
    // A label the note gives once, or code, names the thing: its predicate may follow ("CAM plants: open …").
    return opensWithVerb(label.rest) || statement(label.rest)
  }
}

/** A line's leading label ("**Purpose:** …", "`ROW_NUMBER()`: …"): its key, whether it is code, and the prose after it. */
function labelOf(runs: Run[]): { key: string; code: boolean; rest: string } | undefined {
  let before = ''
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]
    const colon = run.math || run.code ? -1 : run.text.search(/[:：](?:\s|$)/)
    if (colon < 0) {
      before += run.text
      continue
    }
    const label = before + run.text.slice(0, colon)
    if (!label.trim() || countWords(label) > LABEL_WORDS) return undefined
    // "There are three operations: …" opens with a clause of its own, not a label.
    if (isEnglish(label) && tagSentence(label).some((token) => token.pos === 'VERB' || token.pos === 'AUX')) return undefined
    const labelRuns = [...runs.slice(0, i), { ...run, text: run.text.slice(0, colon) }].filter((r) => r.text.trim())
    const rest = proseOf([{ ...run, text: run.text.slice(colon + 1) }, ...runs.slice(i + 1)]).trim()
    if (!rest) return undefined
    return { key: foldedKey(label), code: labelRuns.every((r) => r.code || !r.text.replace(/[*_\s]/g, '')), rest }
  }
  return undefined
}

/** A sentence's words for the tagger: a formula or code stands as one name ("X"). */
function proseOf(runs: Run[]): string {
  return runs.map((run) => (run.math || run.code ? ' X ' : run.text)).join('').replace(/\s+/g, ' ').trim()
}

/**
 * Whether a sentence opens as a predicate whose subject is elsewhere: with its verb ("Defines …"),
 * an adverb of manner ("Easily overridden …", "Simply assigns …") or an adverb and a command
 * ("Still consider the …"). Note: an adverb before two verbs is the tagger misreading a noun
 * ("Fast water holds …").
 */
function opensAsTrait(text: string): boolean {
  const [first, second, third] = tagSentence(text).filter((token) => token.pos !== 'PUNCT')
  if (first?.pos === 'VERB' || first?.pos === 'AUX') return true
  if (first?.pos !== 'ADV') return false
  return /ly$/.test(first.lower) || (second?.pos === 'VERB' && third?.pos !== 'VERB')
}

/** Whether a predicate opens with its verb ("prevents water loss …", "Never assigns …"). */
function opensWithVerb(text: string): boolean {
  const first = tagSentence(text).find((token) => token.pos !== 'PUNCT' && token.pos !== 'ADV' && token.pos !== 'PART')
  return first?.pos === 'VERB' || first?.pos === 'AUX'
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

/** Marked points, and the strongest point of each section that has none, in the note's order. */
function withMarked(points: Candidate[], marked: Candidate[]): Candidate[] {
  // A section with a marked point of its own is already represented.
  const sections = new Set(marked.map((c) => c.section))
  const rest = points.filter((c) => !sections.has(c.section))
  // Marked points are the author's: they stay when the takeaways must be fewer.
  return [...marked.map((c) => ({ ...c, score: c.score ?? Number.MAX_SAFE_INTEGER })), ...rest].sort((a, b) => a.line - b.line)
}

/**
 * Each section's strongest point (a section with text of its own, at any depth), chosen as its
 * slides choose theirs, among the sentences that stand alone; in the note's order.
 */
function sectionPoints(sections: Section[], alone: (c: Candidate) => boolean): Candidate[] {
  const found: Candidate[] = []
  const visit = (section: Section): void => {
    const best = strongestPoint(section, alone)
    if (best) found.push({ ...best.candidate, score: best.score })
    section.children.forEach(visit)
  }
  sections.forEach(visit)
  return found
}

/**
 * The strongest point of a section's own text: its best-ranked sentence among the first few that
 * stand alone (no pronoun subject, no "Another …"), are not minor (an example, a hedge) and are
 * neither a label nor a fragment.
 */
function strongestPoint(section: Section, alone: (c: Candidate) => boolean): { candidate: Candidate; score: number } | undefined {
  const own = ownSentences(section)
  // A lead-in ("… based on three conditions:") introduces what follows it: away from that, it says nothing.
  // So does a sentence whose next one counts off its members ("We need a measure of waiting. One of those is …"),
  // and an example's result ("The mean wait is 5 minutes") is nothing without its example.
  const leadsOn = (i: number): boolean => (own[i + 1] !== undefined && countsOff(own[i + 1].text)) || (i > 0 && isExample(own[i - 1].text))
  const candidates = own
    .filter((c, i) => !c.member && !c.heads && saysEnough(c.runs) && !isCodeOnly(c.runs) && !endsOpen(c.text) && !announcesCount(c.text) && !isBareLabel(c.text) && alone(c) && !isMinor(c.text) && !leadsOn(i) && !isCircularDefinition(c.runs))
    .slice(0, SECTION_SENTENCES)
  if (!candidates.length) return undefined
  const scored = candidates.map((c) => ({ candidate: c, score: pointScore(c.text, own.indexOf(c), c.runs.some((run) => run.strong), section.title) + lessonWeight(c.text) }))
  return scored.sort((a, b) => b.score - a.score)[0]
}

function allSentences(sections: Section[]): Candidate[] {
  const out: Candidate[] = []
  const visit = (section: Section): void => {
    out.push(...ownSentences(section))
    section.children.forEach(visit)
  }
  sections.forEach(visit)
  return out
}

/**
 * The sentences of a section's own blocks. Outside English, a paragraph whose last line has no
 * stop before a formula, code or a list leads into it ("Für alle x gilt"): that line is no point.
 */
function ownSentences(section: Section): Candidate[] {
  return section.blocks.flatMap((block, index) => {
    const sentences = blockSentences(block, section, false)
    const next = section.blocks[index + 1]
    const last = sentences.at(-1)
    if (block.type === 'paragraph' && last && next && ['math', 'code', 'list', 'table'].includes(next.type) && !STOPPED.test(last.text) && !isEnglish(last.text)) last.heads = true
    return sentences
  })
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
    // Outside English, any line with no stop over its own list goes on in that list ("sei X …, dann heißen").
    const unstopped = nested.length > 0 && !/[.!?。]\s*$/.test(runsText(runs))
    const heads = !whole && unstopped && ((!runs.some((run) => run.math) && countWords(runsText(runs)) <= HEADING_WORDS) || !isEnglish(proseOf(runs)))
    // A line with no stop before an item that is only a formula leads into that formula ("… gilt insbesondere");
    // outside English, so does one before an item that opens with a formula or leads on itself ("Sei X …" before "Dann gilt:").
    const next = list.children[index + 1]
    const unstoppedLine = !/[.!?。]\s*$/.test(runsText(runs))
    const intoFormula = unstoppedLine && (isFormulaOnly(next) || (!isEnglish(proseOf(runs)) && (opensWithFormula(next) || leadsOnItself(next))))
    for (const s of parts) out.push({ runs: s, text: runsText(s), line, section, ...(children.length ? { children } : {}), ...(member ? { member } : {}), ...(heads || intoFormula ? { heads: true } : {}) })
  })
  return out
}

/** A list item whose line opens with a formula ("$M_k := EX^k$: k-tes Moment"). */
function opensWithFormula(item: ListItem | undefined): boolean {
  const first = item?.children[0]
  if (first?.type === 'math') return true
  if (first?.type !== 'paragraph') return false
  return toRuns(first.children).find((run) => run.text.trim())?.math === true
}

/** A list item whose line ends in a colon: it leads into what follows. */
function leadsOnItself(item: ListItem | undefined): boolean {
  const first = item?.children[0]
  return first?.type === 'paragraph' && LEAD_IN.test(runsText(toRuns(first.children)))
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
  // "You can add …", "We'll see that …": what the reader does, not what the talk teaches.
  if (!ADVICE.test(text) && isEnglish(text) && isNarration(text)) weight += LESSON.narration
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
 * ("use the following script") or a step of a sequence ("First, …", "Then restart …").
 */
function saysEnough(runs: Run[]): boolean {
  const prose = runs.filter((run) => !run.math && !run.code).map((run) => run.text).join(' ')
  // Figures and one-letter symbols are no words here ("7 bytes (8 bits * 7 = 56 bits)" says three).
  const words = countWords(prose.replace(/[^\s\p{L}]*\p{N}[^\s\p{L}]*|(?<![\p{L}\p{N}])[\p{Script=Latin}\p{Script=Greek}](?![\p{L}\p{N}])/gu, ' '))
  const text = runsText(runs).trim()
  return words >= PROSE_WORDS && !FORWARD.test(text) && !SEQUENCE_STEP.test(text)
}
