import type { Section, SlidePlan } from '../types.js'
import { countWords, foldedKey } from '../text.js'
import { SUBORDINATORS } from '../grammar/en.js'
import { isEnglish, tagSentence } from '../grammar/index.js'

/** The suffix the planner gives a slide that continues the one before. */
const CONTINUED = /\s*\(cont\.\)\s*$/

/** A part number that opens a title: "2- Ranking", "3) Trade" (not "2. Ranking", a numbered step or question). */
const PART_NUMBER = /^\d{1,2}\s*[-–)]\s+(?=\S)/u

/** Longest title a content slide shows, in characters (the lint names a longer one). */
export const TITLE_MAX_CHARS = 80

/** Slides that show their title in full: the section divider keeps the subtitle. */
const FULL_TITLE = new Set<SlidePlan['kind']>(['cover', 'section', 'end'])

/**
 * A slide title made short: parentheticals go, and so does a subtitle after ":", " - ", " – " or
 * " — " ("Aggregate demand (AD): the curve and its shifts" → "Aggregate demand"); a part number
 * ("2- Ranking") goes too.
 * Note: a title is never cut inside a phrase; when nothing can be dropped it stays as written.
 */
export function shortTitle(title: string): string {
  // A parenthetical has words in it and sits outside code: "`RANK()`" keeps its brackets.
  let short = title.replace(/(`[^`]*`)|\s*\([^()]*[\p{L}\p{N}][^()]*\)/gu, (match, code: string | undefined) => code ?? '').replace(/\s*\[[^\][]*\]/g, '').trim()
  const subtitle = /^(.+?)(?::\s|\s[-–—]\s)(.+)$/.exec(short)
  // The part before ":" must name the topic: not a numbered label ("Step 2: Install the agent"),
  // not an emoji code (":warning: …").
  const head = subtitle?.[1].trim() ?? ''
  const label = /^\S+\s+\d+[.)]?$|^\d+[.)]?$/u.test(head) || head.startsWith(':')
  if (subtitle && !label && countWords(head) >= 1 && head.length >= 3) short = head
  short = short.replace(/[\s:;,–—-]+$/, '').trim()
  // A part number before the title ("2- Ranking", "3) Trade") stays on the part's divider only.
  short = mainClause(short.replace(PART_NUMBER, ''))
  return short || title.trim()
}

/** Fewest words a title cut to its main clause keeps. */
const MIN_CLAUSE_WORDS = 3
const SUBORDINATE_START = new RegExp(`^(?:${SUBORDINATORS.map((word) => word.replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'iu')

/**
 * A title longer than `TITLE_MAX_CHARS` that is an English sentence, cut to its main clause: the
 * clause that follows it ("… to make sure that …", "… because …", "… which …") goes, whole.
 * Note: only a clause boundary is a cut; a long title with none stays as written.
 */
export function mainClause(title: string): string {
  if ([...title].length <= TITLE_MAX_CHARS || !isEnglish(title)) return title
  const tokens = tagSentence(title)
  for (const [index, token] of tokens.entries()) {
    const purpose = token.lower === 'to' && token.pos === 'PART' && tokens[index + 1]?.pos === 'VERB'
    if (!purpose && !SUBORDINATE_START.test(title.slice(token.start))) continue
    const head = title.slice(0, token.start).replace(/[\s,;:–—-]+$/u, '')
    if (countWords(head) >= MIN_CLAUSE_WORDS && [...head].length <= TITLE_MAX_CHARS) return head
    // The first clause is the main one: a later cut would keep a subordinate clause.
    if (countWords(head) >= MIN_CLAUSE_WORDS) return title
  }
  return title
}

/** A title as it is compared with others: without case or punctuation. */
const titleKey = foldedKey

/**
 * The titles that keep apart sections whose short titles are the same ("Steps" under "Creating an
 * image" and under "Deleting an image"): the full title when shortening made it the same as
 * another's ("Definition: variance" → "Definition"); else the title of the nearest section above
 * whose title, before this one, tells it apart ("Creating an image: Steps"), one level further up
 * for those still alike; one named after its top-level part keeps its own title when every other
 * section of that title was told apart by a nearer part; sections still alike (siblings of one
 * title, top-level sections, a pair too long for a title) are numbered in order ("Example (2)").
 * Note: a top-level section has no part above it to name; a section titled like
 * a section it is inside ("Steps" under "Steps") is part of that one and shows its title; a section
 * with a title of its own is not in the map.
 */
export function distinctTitles(sections: Section[]): Map<Section, string> {
  const placed: Array<{ section: Section; ancestors: Section[] }> = []
  const walk = (section: Section, ancestors: Section[]): void => {
    placed.push({ section, ancestors })
    for (const child of section.children) walk(child, [section, ...ancestors])
  }
  for (const section of sections) walk(section, [])
  const short = new Map(placed.map(({ section }) => [section, shortTitle(section.title)]))
  // A section inside one of its own title adds no title of its own: it shows that one's.
  const within = new Map<Section, Section>()
  for (const { section, ancestors } of placed) {
    const same = ancestors.find((ancestor) => titleKey(short.get(ancestor)!) === titleKey(short.get(section)!))
    if (same) within.set(section, within.get(same) ?? same)
  }
  const own = placed.filter(({ section }) => !within.has(section))
  const counts = (title: (section: Section) => string): Map<string, number> => {
    const count = new Map<string, number>()
    for (const { section } of own) count.set(titleKey(title(section)), (count.get(titleKey(title(section))) ?? 0) + 1)
    return count
  }
  const shortCount = counts((section) => short.get(section)!)
  const alike = (count: Map<string, number>, title: string): boolean => (count.get(titleKey(title)) ?? 0) > 1
  const titles = new Map<Section, string>()
  // Shortening made them alike: the full titles tell them apart.
  const fullCount = counts((section) => section.title)
  for (const { section } of own) {
    const full = section.title.trim().replace(/[\s:：]+$/u, '')
    if (alike(shortCount, short.get(section)!) && titleKey(full) !== titleKey(short.get(section)!) && !alike(fullCount, full) && [...full].length <= TITLE_MAX_CHARS) titles.set(section, full)
  }
  const shown = (section: Section): string => titles.get(section) ?? short.get(section)!
  // Parts above are named by these titles (not by the pairs made below).
  const settled = new Map(own.map(({ section }) => [section, shown(section)]))
  const settledCount = counts((section) => settled.get(section)!)
  // The nearest part above whose title, before this one, tells the slides apart ("1. RANK():
  // Example" and "2. DENSE_RANK(): Example", not the whole part's name on both): each round goes
  // one part further up for the titles still alike.
  let pending = own.filter(({ section }) => !titles.has(section) && alike(settledCount, settled.get(section)!))
  const depth = Math.max(0, ...pending.map(({ ancestors }) => ancestors.length))
  const byPart = new Set<Section>()
  for (let round = 0; round < depth && pending.length; round++) {
    const tried = new Map<Section, string>()
    for (const { section, ancestors } of pending) {
      const above = ancestors.filter((ancestor) => !within.has(ancestor))
      const parent = above[Math.min(round, above.length - 1)]
      const title = parent && withParent(settled.get(parent)!, short.get(section)!)
      // A pair too long for a title is left to the numbers below.
      if (title && [...title].length <= TITLE_MAX_CHARS) tried.set(section, title)
    }
    const count = counts((section) => tried.get(section) ?? titles.get(section) ?? settled.get(section)!)
    const told = new Set<Section>()
    for (const entry of pending) {
      const title = tried.get(entry.section)
      if (title === undefined || alike(count, title)) continue
      titles.set(entry.section, title)
      if (entry.ancestors.filter((ancestor) => !within.has(ancestor)).length <= round + 1) byPart.add(entry.section)
      told.add(entry.section)
    }
    pending = pending.filter((entry) => !told.has(entry.section))
  }
  // Named after the whole part (its divider says that already) while the others that shared its
  // title now show theirs: it keeps its own ("1. ROW_NUMBER()" beside "Example Use Cases: 1. ROW_NUMBER()").
  // (Only when every other one was told apart by a nearer part: two parts' "Steps" both keep their part's name.)
  const key = (section: Section): string => titleKey(settled.get(section)!)
  const sharers = new Map<string, Section[]>()
  for (const { section } of own) sharers.set(key(section), [...(sharers.get(key(section)) ?? []), section])
  // How many sections show each title now (kept up to date as titles go back to their own).
  const showing = counts((section) => titles.get(section) ?? settled.get(section)!)
  for (const section of byPart) {
    const sharing = sharers.get(key(section))!.filter((other) => other !== section)
    if (!sharing.every((other) => titles.has(other) && !byPart.has(other))) continue
    if ((showing.get(key(section)) ?? 0) > 0) continue
    const named = titleKey(titles.get(section)!)
    showing.set(named, (showing.get(named) ?? 0) - 1)
    showing.set(key(section), 1)
    titles.delete(section)
  }
  // A title the others no longer share (they were told apart above) stays as written.
  const now = counts((section) => titles.get(section) ?? settled.get(section)!)
  // Still alike: the nearest part above with a title of its own, else the section it is in (numbered below).
  for (const { section, ancestors } of pending) {
    if (!alike(now, settled.get(section)!)) continue
    const parent = ancestors.find((ancestor) => !within.has(ancestor) && !alike(settledCount, settled.get(ancestor)!)) ?? ancestors.find((ancestor) => !within.has(ancestor))
    const title = parent && withParent(settled.get(parent)!, short.get(section)!)
    if (title && [...title].length <= TITLE_MAX_CHARS) titles.set(section, title)
  }
  // Sections alike still: numbered in the note's order.
  const left = counts(shown)
  const numbers = new Map<string, number>()
  for (const { section } of own) {
    const key = titleKey(shown(section))
    if ((left.get(key) ?? 0) < 2) continue
    numbers.set(key, (numbers.get(key) ?? 0) + 1)
    titles.set(section, `${shown(section)} (${numbers.get(key)})`)
  }
  for (const [section, same] of within) if (titles.has(same)) titles.set(section, titles.get(same)!)
  // In the note's order.
  return new Map(placed.filter(({ section }) => titles.has(section)).map(({ section }) => [section, titles.get(section)!]))
}

/** A title after the title of the part it belongs to: "Creating an image: Steps" ("What is X? – Example" after a question). */
function withParent(parent: string, title: string): string {
  const separator = /[?!？！]$/u.test(parent) || /[:：]/u.test(parent) || /[:：]/u.test(title) ? ' – ' : ': '
  return `${parent.replace(/[\s:：]+$/u, '')}${separator}${title}`
}

/**
 * Give slides short titles and mark continuations: a run of slides "T", "T (cont.)", "T (cont.)"
 * becomes three slides titled "T" with parts "1/3", "2/3", "3/3". Section dividers, the cover and
 * the end slide keep their full titles; a slide whose title was shortened keeps the full one in
 * its notes.
 */
export function titleSlides(slides: SlidePlan[]): SlidePlan[] {
  const out = slides.map((slide) => ({ ...slide }))
  let i = 0
  while (i < out.length) {
    const base = out[i].title.replace(CONTINUED, '')
    let j = i + 1
    // A divider starts no run: the slides after it that continue its first slide count from 1/n.
    while (j < out.length && out[i].kind !== 'section' && CONTINUED.test(out[j].title) && out[j].title.replace(CONTINUED, '') === base && out[j].kind !== 'section') j++
    const count = j - i
    for (let k = i; k < j; k++) {
      const slide = out[k]
      if (FULL_TITLE.has(slide.kind)) continue
      const short = slide.distinctTitle ?? shortTitle(base)
      slide.title = short
      if (count > 1) slide.part = `${k - i + 1}/${count}`
      if (!short.includes(base) && k === i && !slide.notes.includes(base)) slide.notes = [base, slide.notes].filter(Boolean).join('\n\n')
    }
    i = j
  }
  return out
}
