import type { Run } from '../types.js'
import { countWords, normalizeRuns, runsText, sentences } from '../text.js'

/** Words a condensed bullet may keep. */
export const BULLET_WORDS = 14
/** Words a definition's gist or a table cell may keep. */
export const GIST_WORDS = 7

/** Characters of the runs' text with code spans masked, so punctuation inside code is ignored. */
/** The runs' text with each formula as one word (a formula is never cut, so it counts once). */
function wordText(runs: Run[]): string {
  return runs.map((run) => (run.math ? 'x'.repeat(run.text.length) : run.text)).join('')
}

function masked(runs: Run[]): string {
  return runs.map((run) => (run.code || run.math ? 'x'.repeat(run.text.length) : run.text)).join('')
}

/** The runs between two character offsets of their joined text. */
export function sliceRuns(runs: Run[], start: number, end: number): Run[] {
  const out: Run[] = []
  let offset = 0
  for (const run of runs) {
    const from = Math.max(start - offset, 0)
    const to = Math.min(end - offset, run.text.length)
    // Math is never cut: a formula is kept whole or left out.
    if (run.math && to - from < run.text.length) {
      offset += run.text.length
      continue
    }
    if (to > from) out.push({ ...run, text: run.text.slice(from, to) })
    offset += run.text.length
  }
  return out
}

/** Remove character ranges (sorted, non-overlapping) from runs. */
function removeRanges(runs: Run[], ranges: Array<[number, number]>): Run[] {
  if (!ranges.length) return runs
  const out: Run[] = []
  let cursor = 0
  const total = runsText(runs).length
  for (const [start, end] of ranges) {
    out.push(...sliceRuns(runs, cursor, start))
    cursor = end
  }
  out.push(...sliceRuns(runs, cursor, total))
  return normalizeRuns(out)
}

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

const LEADING_MARKERS =
  /^(?:in short|in other words|in practice|put simply|simply put|however|for example|for instance|that said|also|moreover|furthermore|basically|of course|still|then|so|but|and|finally|in fact|as a result|overall|note that|remember that)\s*,?\s+/i

const CLAUSE_BREAKS = /(?:[,;:]\s|\s[—–]\s|\s-\s|\s(?:which|because|so that|while|since|although|whereas|where|unless|meaning)\s)/g

/**
 * Shorten one sentence for a slide: drop parentheticals and leading discourse markers, then,
 * if still long, cut at the last clause boundary that fits; a hard cut ends with "…".
 */
export function shortenSentence(runs: Run[], maxWords = BULLET_WORDS): Run[] {
  let out = normalizeRuns(runs.map((run) => ({ ...run })))
  // Parentheticals outside code: "(or the outer system)".
  const text = masked(out)
  const ranges: Array<[number, number]> = []
  for (const match of text.matchAll(/\s*\([^()]{1,160}\)/g)) ranges.push([match.index!, match.index! + match[0].length])
  if (ranges.length && countWords(text) > 6) out = removeRanges(out, ranges)
  // Leading "However," / "In short," …
  const lead = LEADING_MARKERS.exec(masked(out))
  if (lead && countWords(masked(out)) - countWords(lead[0]) >= 3) {
    out = removeRanges(out, [[0, lead[0].length]])
    if (out[0] && !out[0].code) out[0] = { ...out[0], text: out[0].text.charAt(0).toUpperCase() + out[0].text.slice(1) }
  }
  out = stripEndPunctuation(out)
  if (countWords(wordText(out)) <= maxWords) return out
  // Cut at the last clause boundary that keeps at most maxWords (and at least 4) words.
  const view = masked(out)
  let cut = -1
  for (const match of view.matchAll(CLAUSE_BREAKS)) {
    const words = countWords(view.slice(0, match.index))
    if (words > maxWords) break
    if (words >= 4) cut = match.index!
  }
  if (cut > 0) return stripEndPunctuation(normalizeRuns(sliceRuns(out, 0, cut)))
  return hardCut(out, maxWords)
}

/** Keep the first `maxWords` words, ending with "…". */
export function hardCut(runs: Run[], maxWords: number): Run[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })
  const text = wordText(runs)
  let words = 0
  let end = text.length
  for (const part of segmenter.segment(text)) {
    if (!part.isWordLike) continue
    if (words === maxWords) {
      end = part.index
      break
    }
    words++
  }
  if (end >= text.length) return runs
  const kept = normalizeRuns(sliceRuns(runs, 0, end))
  const last = kept[kept.length - 1]
  if (last) last.text = last.text.replace(/[\s,;:–—(-]+$/, '') + '…'
  return kept
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

const KEY_VERBS = /\b(?:is|are|means|lets|allows|makes|provides|uses|runs|keeps|gives|needs|must|should)\b/i

/**
 * Condense a paragraph into 1–3 short bullets: its first sentence, plus the sentences most likely
 * to carry the point (bold text, a defining verb), in their original order.
 * Note: the paragraph's full text is always kept in the speaker notes.
 */
export function condenseParagraph(runs: Run[], maxWords = BULLET_WORDS): Run[][] {
  const all = splitSentences(runs)
  if (!all.length) return []
  const totalWords = countWords(wordText(runs))
  if (all.length === 1 || totalWords <= maxWords) return [shortenSentence(runs, totalWords <= maxWords ? maxWords : maxWords)]
  const wanted = all.length >= 5 && totalWords > 60 ? 3 : all.length >= 3 && totalWords > 35 ? 2 : 1
  const scored = all.map((sentence, index) => {
    const text = runsText(sentence)
    const words = countWords(text)
    let score = index === 0 ? 10 : 0
    if (sentence.some((run) => run.strong)) score += 2
    if (KEY_VERBS.test(text)) score += 1
    if (/^(?:for example|for instance|e\.g\.|this|that|it)\b/i.test(text)) score -= 1
    if (words >= 5 && words <= 25) score += 0.5
    score -= index * 0.15
    return { index, score }
  })
  const chosen = scored
    .sort((a, b) => b.score - a.score)
    .slice(0, wanted)
    .map((entry) => entry.index)
    .sort((a, b) => a - b)
  return chosen.map((index) => shortenSentence(all[index], maxWords)).filter((bullet) => bullet.length)
}

const FILLERS = /\b(?:a|an|the|any|very|really|completely|simply|just|quite)\s+/gi

/**
 * Places a gist may end. A strong break (`;`, a dash, a colon) may end it after one word
 * ("loud; every bird sings at dawn" → "loud"); a comma or a relative clause only once
 * half the allowed words are kept, so the gist still says something.
 */
const GIST_CUTS: Array<[RegExp, 'strong' | 'weak']> = [
  [/;\s|\s[—–]\s|:\s/g, 'strong'],
  [/,\s/g, 'weak'],
  [/(?<!\b(?:from|in|of|to|by|with|on|at|for|through|under|into|onto))\s(?=(?:from which|in which|by which|through which|which|that|where|who|whose|because|so that|when|if)\s)/g, 'weak'],
]

/**
 * The short gist of an explanation, for a table cell: the longest start of its first sentence
 * that ends at a clause boundary and fits (parentheticals dropped); if nothing fits, articles and
 * fillers go, then a hard cut.
 */
export function gist(runs: Run[], maxWords = GIST_WORDS): Run[] {
  const out = shortenSentence(splitSentences(runs)[0] ?? runs, Number.MAX_SAFE_INTEGER)
  if (countWords(runsText(out)) <= maxWords) return out
  const fitted = longestClause(out, maxWords)
  if (fitted) return fitted
  const lean = normalizeRuns(out.map((run) => (run.code ? run : { ...run, text: run.text.replace(FILLERS, '') })))
  if (countWords(runsText(lean)) <= maxWords) return lean
  return longestClause(lean, maxWords) ?? hardCut(lean, maxWords)
}

function longestClause(runs: Run[], maxWords: number): Run[] | undefined {
  const view = masked(runs)
  let best = -1
  for (const [pattern, minimumKind] of GIST_CUTS) {
    const minimum = minimumKind === 'strong' ? 1 : Math.ceil(maxWords / 2)
    for (const match of view.matchAll(pattern)) {
      const words = countWords(view.slice(0, match.index))
      if (words >= minimum && words <= maxWords && match.index! > best) best = match.index!
    }
  }
  return best > 0 ? stripEndPunctuation(normalizeRuns(sliceRuns(runs, 0, best))) : undefined
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
