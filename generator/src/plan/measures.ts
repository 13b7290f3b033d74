import type { List } from 'mdast'
import type { Section } from '../types.js'
import type { Comparison } from './compare.js'
import { countWords, plainText } from '../text.js'
import { termsOf } from './phrase.js'

/** Parts a measured table may list: fewer are not a whole, more are a list of topics. */
const MIN_PARTS = 3
const MAX_PARTS = 10
/** Most words of a measured line: a longer one is a sentence, not a size. */
const CELL_WORDS = 16

/** "7 bytes (8 bits × 7) …" → 7, "bytes". */
const MEASURE = /^(\d+(?:[.,]\d+)?)\s*([\p{L}%°µ]+)(?![\p{L}])/u

/** The quantity that opens a text, as its number and unit; undefined if it opens otherwise. */
export function measureOf(text: string): { value: string; unit: string } | undefined {
  // The text is the note's plain text (markup already read): a "*" or "_" in it is the author's.
  const match = MEASURE.exec(text.trim())
  return match ? { value: match[1], unit: match[2] } : undefined
}

/**
 * A line's quantity as written, with one qualifier word and the bracket right after it when
 * there is one: "6 kg each (2 × 3 kg) of grain" → "6 kg each (2 × 3 kg)", "4 m tall" → "4 m".
 */
export function measuredPhrase(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  const qualified = /^\d[\d.,]*\s*[\p{L}%°µ]+\s+\p{L}+\s*\([^)]*\)/u.exec(clean)
  const plain = /^\d[\d.,]*\s*[\p{L}%°µ]+(?:\s*\([^)]*\))?/u.exec(clean)
  return (qualified ?? plain)?.[0] ?? clean
}

/** Tags of words that cannot be a unit: "1914 the war began", "1702 she was crowned". */
const NOT_UNITS = ['Determiner', 'Pronoun', 'Preposition', 'Conjunction', 'Verb', 'Copula', 'Auxiliary', 'Modal', 'Adverb']

/** Whether the word after a number names what it counts (a unit or a noun), not a clause's next word. */
function isUnit(measure: { value: string; unit: string }): boolean {
  if (/^\d/.test(measure.unit)) return false
  const term = termsOf(`${measure.value} ${measure.unit}`).find((t) => t.text.toLowerCase() === measure.unit.toLowerCase())
  return Boolean(term) && !NOT_UNITS.some((tag) => term!.tags.has(tag))
}

/** The same unit, singular or plural ("byte" / "bytes"). */
function unitKey(unit: string): string {
  return unit.toLowerCase().replace(/s$/, '')
}

/**
 * Parts of a whole, each measured in the same unit: sibling subsections (three to ten) whose
 * lists each open with a quantity ("### Header" → "- 20 bytes …", "### Body" → "- 64 bytes …").
 * Becomes a table of part and quantity, placed before the parts' own slides, which keep the rest.
 * Note: every subsection must open so; one that does not means they are not parts of one kind.
 */
export function findMeasures(section: Section): Comparison | undefined {
  const parts = section.children
  if (parts.length < MIN_PARTS || parts.length > MAX_PARTS) return undefined
  const rows: Array<{ name: string; value: string; text: string; unit: string }> = []
  for (const part of parts) {
    const list = part.blocks[0]?.type === 'list' ? (part.blocks[0] as List) : undefined
    const first = list?.children[0]
    const text = first?.children[0]?.type === 'paragraph' ? plainText(first.children[0]) : ''
    const measure = text ? measureOf(text) : undefined
    if (!measure || !isUnit(measure)) return undefined
    // The cell is the quantity with its working, as written; what the line says next stays on the part's slide.
    if (countWords(text) > CELL_WORDS) return undefined
    rows.push({ name: part.title, value: measuredPhrase(text), text, unit: measure.unit })
  }
  const unit = unitKey(rows[0].unit)
  if (rows.some((row) => unitKey(row.unit) !== unit)) return undefined
  // The unit names the column, as the note writes it in the plural ("bytes").
  const plural = rows.find((row) => row.unit.toLowerCase().endsWith('s'))?.unit ?? rows[0].unit
  const header = plural.charAt(0).toUpperCase() + plural.slice(1)
  return {
    title: section.title,
    block: { type: 'comparison', subjects: [header], showAspects: true, rows: rows.map((row) => ({ aspect: row.name, cells: [[{ text: row.value }]] })) },
    consumed: new Set(),
    notes: rows.map((row) => `${row.name}: ${row.text}`).join('\n'),
  }
}
