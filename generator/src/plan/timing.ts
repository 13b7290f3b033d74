import type { SlidePlan } from '../types.js'
import { estimateWords } from '../text.js'

/** Speaking pace used for estimates. */
export const WORDS_PER_MINUTE = 130
/** Even a slide with little to say takes a moment to show. */
const MIN_SECONDS = 10

/** "45 s", "2 min", "1 min 30 s". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`
}

/**
 * Start every slide's notes with its estimated speaking time (notes read at ≈130 words a minute,
 * rounded to 5 s); the cover's notes also give the whole talk's time.
 */
export function addTimings(slides: SlidePlan[]): SlidePlan[] {
  const timed = slides.map((slide) => {
    const words = estimateWords(slide.notes)
    const seconds = Math.max(MIN_SECONDS, Math.round(((words / WORDS_PER_MINUTE) * 60) / 5) * 5)
    return { ...slide, seconds }
  })
  const total = timed.reduce((sum, slide) => sum + (slide.seconds ?? 0), 0)
  return timed.map((slide, index) => {
    const own = `Speaking time: about ${formatDuration(slide.seconds ?? 0)}.`
    const head = index === 0 ? `Whole talk: about ${formatDuration(Math.round(total / 60) * 60 || total)} (${slides.length} slides). ${own}` : own
    return { ...slide, notes: `${head}\n\n${slide.notes}` }
  })
}
