import type { SlidePlan } from '../types.js'
import { countWords } from '../text.js'
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
      const short = shortTitle(base)
      slide.title = short
      if (count > 1) slide.part = `${k - i + 1}/${count}`
      if (short !== base && k === i && !slide.notes.includes(base)) slide.notes = [base, slide.notes].filter(Boolean).join('\n\n')
    }
    i = j
  }
  return out
}
