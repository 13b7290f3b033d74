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
export function pointScore(text: string, index: number, bold: boolean, heading = ''): number {
  let score = (index === 0 ? 3 : 0) + headingAffinity(text, heading)
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

/** Sentence indices, best point first (ties keep the note's order); `heading` is the section's title. */
export function rankSentences(texts: string[], bold: boolean[] = [], heading = ''): number[] {
  return texts
    .map((text, index) => ({ index, score: pointScore(text, index, bold[index] ?? false, heading) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.index)
}

/** A word's stem for matching a heading: lower case, a plural "s"/"es" dropped. */
const stem = (word: string): string => word.toLowerCase().replace(/(?:ies)$/u, 'y').replace(/(?<=\p{L}{2}[^sui])e?s$/u, '')

/** The words of a text, as stems. */
const stems = (text: string): string[] => (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(stem)

/**
 * What a heading names: its head noun (the last word of four letters or more before any
 * parenthesis), its initials when it has several words ("Multi-level Feedback Queue" → MLFQ), and
 * an acronym it spells out in parentheses.
 */
export function headingTerms(heading: string): { head?: string; acronyms: string[] } {
  const main = heading.replace(/\(.*?\)/g, ' ')
  const words = main.match(/[\p{L}\p{N}]+/gu) ?? []
  const long = words.filter((word) => word.length >= 4)
  const initials = words.length >= 2 ? words.map((word) => word[0]).join('').toUpperCase() : ''
  const spelled = [...heading.matchAll(/\b(\p{Lu}{2,})\b/gu)].map((m) => m[1])
  return { head: long.length ? stem(long[long.length - 1]) : undefined, acronyms: [...new Set([initials, ...spelled].filter((a) => a.length >= 2))] }
}

/**
 * How much a sentence states its section's heading: a sentence whose subject (its first words)
 * is the heading ("Mixed strategies consider …", "The MLFQ has …") is what a speaker says first
 * under it; one that names the heading's head noun anywhere counts a little.
 */
export function headingAffinity(text: string, heading: string): number {
  if (!heading.trim()) return 0
  const { head, acronyms } = headingTerms(heading)
  const words = stems(text)
  const opening = words.slice(0, 6)
  const raw = text.match(/[\p{L}\p{N}]+/gu) ?? []
  const acronymAt = (limit: number): boolean => raw.slice(0, limit).some((word) => acronyms.includes(word))
  const phrase = stems(heading.replace(/\(.*?\)/g, ' ')).join(' ')
  if (phrase && opening.join(' ').includes(phrase)) return 7
  if ((head && opening.includes(head)) || acronymAt(6)) return 4
  if ((head && words.includes(head)) || acronymAt(raw.length)) return 1
  return 0
}
