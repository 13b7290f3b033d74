import type { VFile } from 'vfile'
import type { SlidePlan } from '../types.js'
import { formatDuration } from './timing.js'
import { SUMMARY_TITLES, alternation } from '../grammar/en.js'
import { estimateWords } from '../text.js'

/** How far the presented talk may be from the slot, either way. */
const TOLERANCE = 0.1
/** Time steps the selection works in, in seconds (slide times are rounded to 5 s already). */
const STEP = 5

const SUMMARY = new RegExp(`^(?:${alternation(SUMMARY_TITLES)})\\b`, 'i')

/** A run of slides that moves as a whole: a section (its divider and its slides) or part of one. */
interface Segment {
  slides: SlidePlan[]
  title: string
  seconds: number
  weight: number
  summary: boolean
}

const FIXED_HEAD = new Set<SlidePlan['kind']>(['cover', 'agenda'])
const FIXED_TAIL = new Set<SlidePlan['kind']>(['takeaways', 'end'])

/**
 * What a segment is worth keeping: its length in words, plus what the note marks as important
 * (bold text, definitions, comparison tables).
 */
function weightOf(slides: SlidePlan[]): number {
  let weight = 0
  for (const slide of slides) {
    weight += estimateWords(slide.notes)
    for (const block of slide.body) {
      if (block.type === 'definitions') weight += 40 * block.items.length
      if (block.type === 'comparison') weight += 60
      const runs = block.type === 'bullets' ? block.items.flatMap((item) => item.runs) : 'runs' in block ? block.runs : []
      weight += 15 * runs.filter((run) => run.strong).length
    }
  }
  return weight
}

function segmentOf(slides: SlidePlan[]): Segment {
  const title = slides.find((slide) => slide.kind === 'section')?.title ?? slides[0].opens ?? slides[0].title
  return {
    slides,
    title,
    seconds: slides.reduce((sum, slide) => sum + (slide.seconds ?? 0), 0),
    weight: weightOf(slides),
    summary: SUMMARY.test(title.trim()),
  }
}

/** The note's sections as segments; a section longer than half the slot splits at its subsection titles. */
function segmentsOf(body: SlidePlan[], budget: number): Segment[] {
  const sections: SlidePlan[][] = []
  for (const slide of body) {
    // A part starts at its divider, or at the slide that opens a part too short for one.
    if (slide.kind === 'section' || slide.opens || !sections.length) sections.push([slide])
    else sections[sections.length - 1].push(slide)
  }
  return sections.flatMap((slides) => {
    const whole = segmentOf(slides)
    if (whole.seconds <= budget / 2 || whole.summary) return [whole]
    const parts: SlidePlan[][] = []
    for (const slide of slides) {
      const last = parts[parts.length - 1]
      const previous = last?.[last.length - 1]
      if (!last || (previous.kind !== 'section' && slide.title !== previous.title)) parts.push([slide])
      else last.push(slide)
    }
    return parts.map(segmentOf)
  })
}

/**
 * The segments to keep: the summary always, then the heaviest choice whose time lands within
 * ±10% of what is left of the slot (a knapsack over 5-second steps); when no choice lands there,
 * the longest that stays under the upper bound.
 */
function choose(segments: Segment[], low: number, high: number): Set<number> {
  const forced = segments.map((segment, i) => (segment.summary ? i : -1)).filter((i) => i >= 0)
  const used = forced.reduce((sum, i) => sum + segments[i].seconds, 0)
  const capacity = Math.max(0, Math.floor((high - used) / STEP))
  // best[t] = [weight, chosen indices] for a total of exactly t steps.
  let best: Array<[number, number[]] | undefined> = [[0, []]]
  segments.forEach((segment, i) => {
    if (segment.summary) return
    const size = Math.round(segment.seconds / STEP)
    const next = [...best]
    best.forEach((entry, t) => {
      if (!entry || t + size > capacity) return
      const current = next[t + size]
      if (!current || current[0] < entry[0] + segment.weight) next[t + size] = [entry[0] + segment.weight, [...entry[1], i]]
    })
    best = next
  })
  // Heaviest choice near the slot first (up to +5%), then anywhere within ±10%, then the longest below.
  const floor = Math.max(0, Math.ceil((low - used) / STEP))
  const near = Math.floor((low + (high - low) * 0.75 - used) / STEP)
  let pick: [number, number[]] | undefined
  for (const limit of [near, best.length - 1]) {
    for (let t = floor; t <= Math.min(limit, best.length - 1); t++) {
      if (best[t] && (!pick || best[t]![0] > pick[0])) pick = best[t]
    }
    if (pick) break
  }
  if (!pick) for (let t = best.length - 1; t >= 0 && !pick; t--) pick = best[t]
  return new Set([...forced, ...(pick?.[1] ?? [])])
}

/**
 * Fit a planned talk into a slot of `minutes`: keep whole sections, chosen by weight (length,
 * bold, definitions, the summary), so that the presented part takes the slot ±10% by lectern's
 * own speaking-time estimate; move the rest, with its speaker notes, into a "Backup" part after
 * the end slide. The cover's notes say what moved. Note: a pure step after planning; the
 * slides must carry their `seconds` (see addTimings).
 */
export function fitSlot(slides: SlidePlan[], minutes: number): SlidePlan[] {
  const target = minutes * 60
  const total = slides.reduce((sum, slide) => sum + (slide.seconds ?? 0), 0)
  if (!slides.length || total <= target * (1 + TOLERANCE)) return slides
  let head = 0
  while (head < slides.length && FIXED_HEAD.has(slides[head].kind)) head++
  let tail = slides.length
  while (tail > head && FIXED_TAIL.has(slides[tail - 1].kind)) tail--
  const fixed = [...slides.slice(0, head), ...slides.slice(tail)]
  const fixedSeconds = fixed.reduce((sum, slide) => sum + (slide.seconds ?? 0), 0)
  const low = target * (1 - TOLERANCE) - fixedSeconds
  const high = target * (1 + TOLERANCE) - fixedSeconds
  let segments = segmentsOf(slides.slice(head, tail), target - fixedSeconds)
  let kept: Set<number>
  if (segments.length === 1) {
    // A note without sections: present its beginning, slide by slide, and keep the rest as backup.
    segments = segments[0].slides.map((slide) => segmentOf([slide]))
    kept = new Set()
    let sum = 0
    for (let i = 0; i < segments.length && sum < low; i++) {
      if (sum + segments[i].seconds > high) continue
      kept.add(i)
      sum += segments[i].seconds
    }
  } else kept = choose(segments, low, high)
  const moved = segments.filter((_, i) => !kept.has(i))
  if (!moved.length) return slides
  const keptSlides = segments.filter((_, i) => kept.has(i)).flatMap((segment) => segment.slides)
  const presented = [...slides.slice(0, head), ...keptSlides, ...slides.slice(tail)]
  const seconds = presented.reduce((sum, slide) => sum + (slide.seconds ?? 0), 0)
  const movedTitles = [...new Set(moved.map((segment) => segment.title))]
  const summary = `Timed for ${minutes} minutes: about ${formatDuration(Math.round(seconds / 60) * 60 || seconds)} are presented (${presented.length} slides). Moved to the Backup after the end slide, with their notes: ${movedTitles.join('; ')}.`
  const backup: SlidePlan = {
    kind: 'section',
    layout: 'section',
    title: 'Backup',
    kicker: 'After the talk',
    body: [],
    notes: `Backup: the parts left out of the ${minutes}-minute talk: ${movedTitles.join('; ')}.`,
    seconds: 0,
    lines: { ...moved[0].slides[0].lines },
  }
  return renumber([
    ...presented.map((slide, index) => (index === 0 ? { ...slide, notes: `${summary}\n\n${slide.notes.replace(/^Whole talk: /, 'Whole deck, with the backup: ')}` } : slide)),
    backup,
    ...moved.flatMap((segment) => segment.slides),
  ], new Set(moved.flatMap((segment) => segment.slides.flatMap((slide) => (slide.kind === 'section' ? [slide.title] : slide.opens ? [slide.opens] : [])))))
}

/** Renumber the presented parts ("Part 2 of 5") and drop moved sections from the agenda. */
function renumber(slides: SlidePlan[], movedSections: Set<string>): SlidePlan[] {
  const backupAt = slides.findIndex((slide) => slide.kind === 'section' && slide.title === 'Backup')
  // Parts are counted at their dividers and at the slides that open parts too short for one.
  const opensPart = (slide: SlidePlan, i: number): boolean => i !== backupAt && ((slide.kind === 'section' && Boolean(slide.kicker)) || Boolean(slide.opens))
  const shown = slides.filter((slide, i) => opensPart(slide, i) && i < backupAt)
  let part = 0
  return slides.map((slide, i) => {
    if (slide.opens && i < backupAt) part++
    if (slide.kind === 'agenda') {
      return {
        ...slide,
        body: slide.body.map((block) => (block.type === 'bullets' ? { ...block, items: block.items.filter((item) => !movedSections.has(item.runs.map((run) => run.text).join(''))) } : block)),
      }
    }
    if (slide.kind !== 'section' || !slide.kicker || i === backupAt) return slide
    if (i > backupAt) return { ...slide, kicker: 'Backup' }
    part++
    return { ...slide, kicker: shown.length > 1 ? `Part ${part} of ${shown.length}` : undefined }
  })
}

/**
 * Frontmatter `minutes: N`: a positive number of minutes, or undefined. Note: anything else is a
 * warning, and the whole note is presented.
 */
export function readMinutes(value: unknown, file: VFile, place: { line: number; column: number } = { line: 1, column: 1 }): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value
  file.message('frontmatter `minutes` must be a positive number of minutes, e.g. `minutes: 20`; the whole note is presented', {
    place,
    ruleId: 'minutes',
    source: 'lectern',
  })
  return undefined
}
