import { CONCLUSION_MARKERS, EXAMPLE_OPENERS, HEDGES, META_TEXT, POINT_MARKERS } from '../grammar/en.js'
import { countWords } from '../text.js'

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
const anyOf = (words: string[], flags = 'i'): RegExp => new RegExp(`(?:^|[^\\p{L}])(?:${words.map(escape).join('|')})(?=$|[^\\p{L}])`, `u${flags}`)
const startsWith = (words: string[]): RegExp => new RegExp(`^\\W*(?:${words.map(escape).join('|')})(?=$|[^\\p{L}])`, 'iu')

const MARKED = anyOf(POINT_MARKERS)
const CONCLUSION = startsWith(CONCLUSION_MARKERS)
const EXAMPLE = startsWith(EXAMPLE_OPENERS)
const HEDGE = anyOf(HEDGES)
const META = startsWith(META_TEXT)
/** "X is/are/means/refers to …" near the start: a definition. */
const DEFINING = /^[^,;:]{1,60}?\s(?:is|are|means|refers to|describes|denotes)\s/i

/**
 * How much a sentence reads as the point of its paragraph: the topic sentence, sentences the
 * author marked ("in short", "rule of thumb", bold), definitions and conclusions rank high;
 * examples, hedges, questions and meta-text about the note rank low.
 */
export function pointScore(text: string, index: number, bold: boolean): number {
  let score = index === 0 ? 3 : 0
  if (MARKED.test(text)) score += 6
  if (bold) score += 3
  if (DEFINING.test(text)) score += 2
  if (CONCLUSION.test(text)) score += 2
  if (EXAMPLE.test(text)) score -= 4
  if (HEDGE.test(text)) score -= 3
  if (META.test(text)) score -= 6
  if (/\?\s*$/.test(text)) score -= 2
  if (/^(?:this|that|it|these|those)\b/i.test(text)) score -= 1
  const words = countWords(text)
  if (words < 4) score -= 2
  if (words >= 6 && words <= 30) score += 0.5
  return score - index * 0.15
}

/** Whether a sentence says its point is a point ("in summary", "rule of thumb", …). */
export function isMarkedPoint(text: string): boolean {
  return MARKED.test(text) || CONCLUSION.test(text)
}

/** Sentence indices, best point first (ties keep the note's order). */
export function rankSentences(texts: string[], bold: boolean[] = []): number[] {
  return texts
    .map((text, index) => ({ index, score: pointScore(text, index, bold[index] ?? false) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.index)
}
