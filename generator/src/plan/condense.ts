import type { Run } from '../types.js'
import { countWords, normalizeRuns, runsText, sentences } from '../text.js'
import { masked, sliceRuns } from './runs.js'
import { shortenByGrammar } from './shorten.js'
import { pointScore, rankSentences } from './point.js'

export { sliceRuns }

/** Words a bullet is shortened towards (by deleting optional parts; it may stay longer). */
export const BULLET_WORDS = 16
/** Words a definition's gist or a table cell is shortened towards. */
export const GIST_WORDS = 10

/** Split runs into sentences (Intl.Segmenter on the text, code spans masked). */
export function splitSentences(runs: Run[]): Run[][] {
  const text = masked(runs)
  const out: Run[][] = []
  let offset = 0
  for (const sentence of sentences(text)) {
    const start = text.indexOf(sentence, offset)
    const end = start + sentence.length
    out.push(normalizeRuns(sliceRuns(runs, start, end)))
    offset = end
  }
  return out.filter((s) => s.length)
}

/**
 * Shorten one sentence for a slide by deleting whole optional parts (see shortenByGrammar).
 * Note: the result is always a whole thought; when nothing can go, the sentence stays whole
 * (and may be longer than `maxWords`): the slide budget limits the slide, not the bullet.
 */
export function shortenSentence(runs: Run[], maxWords = BULLET_WORDS): Run[] {
  return stripEndPunctuation(shortenByGrammar(normalizeRuns(runs.map((run) => ({ ...run }))), maxWords))
}

function stripEndPunctuation(runs: Run[]): Run[] {
  if (!runs.length) return runs
  const last = runs[runs.length - 1]
  if (last.code) return runs
  // One closing mark after a word goes ("needs most of the time." → "…time"); runs such as
  // `::right::` or `...` are the author's text and stay.
  const text = last.text.replace(/\s+$/u, '').replace(/(?<=[\p{L}\p{N})\]"'’”`])[.;,:。；，：]$/u, '')
  return text ? [...runs.slice(0, -1), { ...last, text }] : runs.slice(0, -1)
}

/**
 * Condense a paragraph into 1–3 bullets: the sentences that carry its point (see choosePoints),
 * each shortened by grammar, in their original order, within `allowance` words in all.
 * Note: the paragraph's full text is always kept in the speaker notes.
 */
export function condenseParagraph(runs: Run[], maxWords = BULLET_WORDS, allowance = Number.MAX_SAFE_INTEGER, heading = ''): Run[][] {
  const all = splitSentences(runs)
  if (!all.length) return []
  const totalWords = countWords(runsText(runs))
  if (all.length === 1 || totalWords <= maxWords) return [shortenSentence(runs, maxWords)]
  // Two short sentences both show (a topic sentence and its definition, say).
  const wanted = all.length >= 5 && totalWords > 60 ? 3 : (all.length >= 3 && totalWords > 25) || (all.length === 2 && totalWords <= 32) ? 2 : 1
  const chosen: Array<{ index: number; bullet: Run[] }> = []
  let words = 0
  for (const index of rankSentences(all.map(runsText), all.map((s) => s.some((run) => run.strong)), heading)) {
    if (chosen.length >= wanted) break
    // Past the first, a sentence that reads as no point at all (meta-text, a hedge) stays in the notes.
    if (chosen.length && pointScore(runsText(all[index]), index, false, heading) < 0) continue
    const bullet = shortenSentence(all[index], maxWords)
    const size = countWords(runsText(bullet))
    if (chosen.length && words + size > allowance) continue
    chosen.push({ index, bullet })
    words += size
  }
  return chosen.sort((a, b) => a.index - b.index).map((entry) => entry.bullet).filter((bullet) => bullet.length)
}

/**
 * The first sentence of an explanation, shortened by grammar, for a table cell or a definition.
 * Note: a cell is never cut mid-phrase; when nothing optional can go, it stays whole.
 */
export function gist(runs: Run[], maxWords = GIST_WORDS): Run[] {
  const first = splitSentences(runs)[0] ?? runs
  // A cell answers its row: the clause before a semicolon ("strong; each guest …") does.
  const semicolon = masked(first).search(/;\s/)
  const head = semicolon > 0 && countWords(masked(first)) > maxWords ? normalizeRuns(sliceRuns(first, 0, semicolon)) : first
  return shortenSentence(head, maxWords)
}

export interface Definition {
  term: Run[]
  explanation: Run[]
}

/**
 * Read `**Term**: explanation` (or `**Term:** explanation`, or `Term: explanation` with a short,
 * capitalised term) from the start of a paragraph or bullet; undefined when it is not one.
 */
export function definitionOf(runs: Run[]): Definition | undefined {
  if (!runs.length) return undefined
  const [first, second] = runs
  if (first.strong && !first.code) {
    const inner = /^(.+?)\s*[:：]\s*$/.exec(first.text)
    if (inner && runs.length > 1) return { term: [{ text: inner[1], strong: true }], explanation: trimLead(runs.slice(1)) }
    if (second && /^\s*(?:[:：]|[—–-]\s)/.test(second.text)) {
      const rest = [{ ...second, text: second.text.replace(/^\s*(?:[:：]|[—–-])\s*/, '') }, ...runs.slice(2)]
      if (runsText(rest).trim()) return { term: [{ text: first.text.trim(), strong: true }], explanation: normalizeRuns(rest) }
    }
    return undefined
  }
  const text = masked(runs)
  const match = /^([^:：.!?;,]{1,48}?)[:：]\s+\S/.exec(text)
  if (!match) return undefined
  const termText = match[1].trim()
  if (countWords(termText) > 5 || /^(?:https?|mailto|ftp|file)$/i.test(termText)) return undefined
  if (!/^[\p{Lu}\p{N}`]/u.test(runsText(runs)) && !runs[0].code) return undefined
  const colon = text.indexOf(match[0].slice(match[1].length).charAt(0), match[1].length)
  return {
    term: normalizeRuns(sliceRuns(runs, 0, match[1].length)).map((run) => ({ ...run, strong: true })),
    explanation: trimLead(sliceRuns(runs, colon + 1, text.length)),
  }
}

function trimLead(runs: Run[]): Run[] {
  return normalizeRuns(runs.map((run, i) => (i === 0 ? { ...run, text: run.text.replace(/^[\s:：—–-]+/, '') } : run)))
}
