import type { PhrasingContent, Nodes } from 'mdast'
import type { InlineTag, Run } from './types.js'
import { ABBREVIATIONS } from './grammar/en.js'
import { Memo } from './memo.js'

const SAFE_LINK = /^(?:https?:|mailto:)/i

/** Plain text of any mdast node, the way a reader would say it (hard breaks become spaces). */
export function plainText(node: Nodes): string {
  if (!frozen) return collapse(rawText(node))
  const hit = frozen.plain.get(node)
  if (hit !== undefined) return hit
  const text = collapse(rawText(node))
  frozen.plain.set(node, text)
  return text
}

/**
 * What `plainText` and `toRuns` gave for the nodes of a tree that does not change, while
 * `readingTree` runs (a 1 MB note asks for the same node's text 11 times over).
 */
let frozen: { plain: WeakMap<Nodes, string>; runs: WeakMap<PhrasingContent[], Run[]> } | undefined

/**
 * Run `work` (which reads mdast trees and never changes them) with `plainText` and `toRuns`
 * remembered by node. Note: the planner reads the tree many times over; the parser and the
 * dialects, which change trees, run outside. `work` is synchronous (what it remembers is
 * dropped when it returns).
 */
export function readingTree<T>(work: () => T): T {
  if (frozen) return work()
  frozen = { plain: new WeakMap(), runs: new WeakMap() }
  try {
    return work()
  } finally {
    frozen = undefined
  }
}

function rawText(node: Nodes): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'emphasis':
    case 'strong':
    case 'link': {
      // The usual parents of text, joined without the array `map` makes.
      let text = ''
      for (const child of node.children) text += rawText(child)
      return text
    }
    case 'text':
    case 'inlineCode':
      return node.value
    case 'html':
      // Allowlisted formatting tags (`<sup>`, `<mark>`) are not words; other HTML is text.
      return ALLOWED_TAG_NODE.test(node.value.trim()) ? (/^<br\b/i.test(node.value.trim()) ? ' ' : '') : node.value
    case 'break':
      return ' '
    case 'image':
      return node.alt ?? ''
    case 'imageReference':
      return node.alt ?? ''
    case 'footnoteReference':
      return `[^${node.label ?? node.identifier}]`
    default:
      if ('children' in node) return (node.children as Nodes[]).map(rawText).join('')
      if ('value' in node && typeof node.value === 'string') return node.value
      return ''
  }
}

/** Collapse runs of white space (including newlines) into single spaces. */
export function collapse(text: string): string {
  return squeezeSpaces(text).trim()
}

/**
 * Whether a UTF-16 code unit is white space as `\s` and `trim()` read it.
 * Note: every such character is in the Basic Multilingual Plane.
 */
export function isSpaceCode(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13)
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/**
 * `text.replace(/\s+/g, ' ')`, without the replacing when every space in the text is one
 * plain space already (most text): replacing each single space costs more than the check.
 */
function squeezeSpaces(text: string): string {
  let space = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 32) {
      if (space) return text.replace(/\s+/g, ' ')
      space = true
    } else if (isSpaceCode(code)) return text.replace(/\s+/g, ' ')
    else space = false
  }
  return text
}

/** Length of the longest stretch of UTF-16 code units that are not white space. */
function longestWordUnits(text: string): number {
  let longest = 0
  let current = 0
  for (let i = 0; i < text.length; i++) {
    if (isSpaceCode(text.charCodeAt(i))) current = 0
    else if (++current > longest) longest = current
  }
  return longest
}

/** Longest word a slide shows before it is cut with "…" (URLs, hashes, glued identifiers). */
export const MAX_WORD_CHARS = 120
const LONG_WORD = new RegExp(`\\S{${MAX_WORD_CHARS + 1},}`, 'gu')

/**
 * Cut words longer than `MAX_WORD_CHARS` (a 3,000-character URL would fill a slide).
 * Note: shorter long words and URLs are shown whole (the theme wraps them), and text in scripts
 * without spaces (Chinese, Japanese, Thai, …) is never cut.
 */
export function capLongWords(text: string, max = MAX_WORD_CHARS): string {
  // Most text has no word that long: skip the scan (it runs on every run of every block).
  if (text.length <= max) return text
  // A word of more than `max` characters has more than `max` code units: look for one first.
  if (longestWordUnits(text) <= max) return text
  const long = max === MAX_WORD_CHARS ? LONG_WORD : new RegExp(`\\S{${max + 1},}`, 'gu')
  return text.replace(long, (word) => (UNSPACED.test(word) ? word : `${[...word].slice(0, max - 1).join('')}…`))
}

/** Inline HTML tags shown as formatting; any other tag stays literal text. */
const ALLOWED_TAGS = new Set<string>(['sub', 'sup', 'mark', 'kbd', 'b', 'i', 'em', 'strong', 'u', 's', 'small', 'abbr'])
const TAG = /^<(\/?)([a-z]+)(?:\s[^<>]*)?\/?>$/i
const ALLOWED_TAG_NODE = /^<\/?(?:sub|sup|mark|kbd|b|i|em|strong|u|s|small|abbr|br)(?:\s[^<>]*)?\/?>$/i

/**
 * Inline mdast → runs with bold, italic, code, math, safe links and allowlisted HTML tags kept
 * (long words cut for display). Note: inline HTML comments are left out (the notes keep them);
 * a `<br>` is a space.
 */
export function toRuns(nodes: PhrasingContent[]): Run[] {
  if (!frozen) return runsOf(nodes)
  const hit = frozen.runs.get(nodes)
  // Each caller gets runs of its own (some add to the list).
  if (hit) return hit.map((run) => ({ ...run }))
  const runs = runsOf(nodes)
  frozen.runs.set(nodes, runs.map((run) => ({ ...run })))
  return runs
}

/** Inline text with code marked by backticks, so a command in code reads as one word ("then `git add` the file"). */
export function codeMarkedText(nodes: PhrasingContent[]): string {
  return toRuns(nodes).map((run) => (run.code ? `\`${run.text}\`` : run.text)).join('')
}

/** A text as it is compared with another: lower case, runs of anything but letters and digits as one space. */
export function foldedKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

function runsOf(nodes: PhrasingContent[]): Run[] {
  const runs: Run[] = []
  let open: InlineTag[] = []
  const unshown = pairedTags(nodes)
  const withTags = (style: Omit<Run, 'text'>): Omit<Run, 'text'> => (open.length ? { ...style, tags: [...(style.tags ?? []), ...open] } : style)
  const walk = (node: PhrasingContent, style: Omit<Run, 'text'>): void => {
    switch (node.type) {
      case 'text':
        push(runs, { ...withTags(style), text: node.value })
        return
      case 'inlineCode':
        push(runs, { ...withTags(style), code: true, text: node.value })
        return
      case 'inlineMath':
        push(runs, { ...withTags(style), math: true, text: node.value.replace(/\s+/g, ' ').trim() })
        return
      case 'html': {
        // Comments and pieces kept for the notes only (dialects/phrasing.ts) are not shown.
        if (/^<!--[\s\S]*-->$/.test(node.value.trim()) || (node.data as { lectern?: string } | undefined)?.lectern === 'notes') return
        const tag = TAG.exec(node.value.trim())
        const name = tag?.[2].toLowerCase()
        if (unshown.has(node)) return
        if (name === 'br') push(runs, { ...withTags(style), text: ' ' })
        else if (tag && name && ALLOWED_TAGS.has(name)) {
          if (!tag[1]) open = [...open, name as InlineTag]
          else if (open.includes(name as InlineTag)) open = open.slice(0, open.lastIndexOf(name as InlineTag))
        } else push(runs, { ...withTags(style), text: node.value })
        return
      }
      case 'break':
        push(runs, { ...withTags(style), text: ' ' })
        return
      case 'strong':
        for (const child of node.children) walk(child, { ...style, strong: true })
        return
      case 'emphasis':
        for (const child of node.children) walk(child, { ...style, emphasis: true })
        return
      case 'link': {
        const href = SAFE_LINK.test(node.url) ? node.url : undefined
        for (const child of node.children) walk(child, href ? { ...style, href } : style)
        return
      }
      default:
        push(runs, { ...withTags(style), text: rawText(node) })
    }
  }
  for (const node of nodes) walk(node, {})
  // normalizeRuns returns runs of its own: they can take the cut text in place.
  const out = normalizeRuns(runs)
  for (const run of out) if (!run.math) run.text = capLongWords(run.text)
  return out
}

/** Elements whose content is code or a document, not text to read (the HTML standard's raw-text elements and kin). */
const RAW_CONTENT = new Set(['script', 'style', 'textarea', 'title', 'iframe', 'noscript', 'template', 'xmp', 'object', 'svg', 'math'])

/**
 * The tags of other inline HTML elements that wrap text: an opening tag with its closing tag
 * later in the same run of phrasing (`<span style="…">text</span>`). A renderer shows the text
 * and not the tags, so the slide does too. Note: a lone `<name>` is a placeholder the author
 * wrote ("replace <host> with …") and stays; so does an element whose content is code (`<script>`).
 */
function pairedTags(nodes: PhrasingContent[]): Set<PhrasingContent> {
  const paired = new Set<PhrasingContent>()
  const opened: Array<{ name: string; node: PhrasingContent }> = []
  for (const node of nodes) {
    if (node.type !== 'html') continue
    const tag = TAG.exec(node.value.trim())
    const name = tag?.[2].toLowerCase()
    if (!tag || !name || ALLOWED_TAGS.has(name) || name === 'br' || RAW_CONTENT.has(name) || node.value.trim().endsWith('/>')) continue
    if (!tag[1]) opened.push({ name, node })
    else {
      const at = opened.map((entry) => entry.name).lastIndexOf(name)
      if (at < 0) continue
      paired.add(opened[at].node).add(node)
      opened.splice(at)
    }
  }
  return paired
}

function push(runs: Run[], run: Run): void {
  if (run.text) runs.push(run)
}

/** Collapse white space across runs, trim the ends, drop empty runs, merge equal neighbours. */
export function normalizeRuns(runs: Run[]): Run[] {
  const out: Run[] = []
  for (const run of runs) {
    const text = squeezeSpaces(run.text)
    const previous = out[out.length - 1]
    if (previous && sameStyle(previous, run)) previous.text += text
    else out.push({ ...run, text })
  }
  if (out.length) {
    // trimStart and trimEnd take off exactly what /^\s+/ and /\s+$/ match.
    out[0].text = out[0].text.trimStart()
    const last = out[out.length - 1]
    last.text = last.text.trimEnd()
  }
  return out.some((run) => !run.text.length) ? out.filter((run) => run.text.length > 0) : out
}

function sameStyle(a: Run, b: Run): boolean {
  return (
    a.strong === b.strong &&
    a.emphasis === b.emphasis &&
    a.code === b.code &&
    a.href === b.href &&
    !a.math &&
    !b.math &&
    (a.tags === b.tags || (!a.tags?.length && !b.tags?.length) || (a.tags ?? []).join() === (b.tags ?? []).join())
  )
}

export function runsText(runs: Run[]): string {
  if (runs.length === 1) return runs[0].text
  return runs.map((run) => run.text).join('')
}

const sentenceSegmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' })
const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' })

/** Size of the pieces long text is segmented in (Intl.Segmenter slows down badly on huge strings). */
const CHUNK = 4000

/**
 * Cut text into pieces of about CHUNK characters at a boundary `pattern` finds, so that
 * segmenting each piece gives the same result as segmenting the whole.
 */
function chunks(text: string, boundary: RegExp): string[] {
  if (text.length <= CHUNK) return [text]
  const out: string[] = []
  let start = 0
  while (start < text.length) {
    if (text.length - start <= CHUNK) {
      out.push(text.slice(start))
      break
    }
    boundary.lastIndex = start + CHUNK
    const match = boundary.exec(text)
    const end = match ? match.index + match[0].length : text.length
    out.push(text.slice(start, end))
    start = end
  }
  return out
}

/** "vs.", "e.g.", "Dr." at the end of a segment: the sentence goes on. */
const ABBREVIATION_SET = new Set(ABBREVIATIONS)
function endsWithAbbreviation(text: string): boolean {
  if (!text.endsWith('.')) return false
  const word = /[(\s]?([^\s(]+)\.$/.exec(text.length > 40 ? text.slice(-40) : text)?.[1]
  return word !== undefined && ABBREVIATION_SET.has(word.toLowerCase())
}

/**
 * Split text into sentences (any language) with Intl.Segmenter. Note: the segmenter ends a
 * sentence after abbreviations ("Smith vs. Jones", "Dr. Smith"); a segment that ends in a
 * known abbreviation joins the next.
 */
export function sentences(text: string): string[] {
  // Several planners split the same paragraph (condensing, sequences, contrasts): split it once.
  return [...sentenceCache.get(text, splitIntoSentences)]
}

/** Texts kept by `sentences`; a 1 MB note splits about 2,300 texts 24,000 times. */
const sentenceCache = new Memo<string, string[]>(10_000)

function splitIntoSentences(text: string): string[] {
  const out: string[] = []
  let carry = ''
  // Long text is cut after sentence-ending punctuation followed by space, where a sentence ends anyway.
  for (const piece of chunks(text, /[.!?。！？]\s+/g)) {
    for (const { segment } of sentenceSegmenter.segment(piece)) {
      carry += segment
      // Keep going after an abbreviation.
      if (endsWithAbbreviation(carry.trimEnd())) continue
      if (carry.trim()) out.push(carry.trim())
      carry = ''
    }
  }
  if (carry.trim()) out.push(carry.trim())
  return out
}

/**
 * Scripts written without spaces between words: only Intl.Segmenter can count their words, and
 * a run of them is a sentence, never one long word to cut.
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u
/** A word as Intl.Segmenter sees one in spaced scripts: letters and digits, joined by ' ’ . inside. */
const SPACED_WORD = /[\p{L}\p{N}\p{M}_]+(?:['’.][\p{L}\p{N}\p{M}_]+)*/gu

/**
 * Count words (any language). Note: text in spaced scripts is counted with a regular expression
 * that matches Intl.Segmenter's word rules closely and is many times faster; only text with
 * CJK, Thai and similar scripts goes through the segmenter.
 */
export function countWords(text: string): number {
  return wordCounts.get(text, countWordsOf)
}

/**
 * Word counts by text: packing measures the same bullets and sentences many times over (a 1 MB
 * note counts 9,500 texts 62,000 times, and 6,300 texts 68,000 times as slide words).
 */
const wordCounts = new Memo<string, number>(20_000)
const slideWordCounts = new Memo<string, number>(20_000)

function countWordsOf(text: string): number {
  if (!UNSPACED.test(text)) return text.match(SPACED_WORD)?.length ?? 0
  let count = 0
  for (const piece of chunks(text, /\s+/g)) for (const part of wordSegmenter.segment(piece)) if (part.isWordLike) count++
  return count
}

const HAS_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/**
 * A fast word estimate for long text (speaking times): white-space tokens, plus one word per CJK
 * character, which writes no spaces. Intl segmentation is exact but too slow for a 4 MB note.
 */
export function estimateWords(text: string): number {
  // One pass over the text, in place of splitting it at white space (a 1 MB note's notes are
  // estimated slide by slide): a token counts when it has a letter or digit and no CJK.
  let tokens = 0
  let cjk = 0
  let wordy = false
  let hasCjk = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 128) {
      if (code === 32 || (code >= 9 && code <= 13)) {
        if (wordy && !hasCjk) tokens++
        wordy = hasCjk = false
      } else if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) wordy = true
      continue
    }
    if (isSpaceCode(code)) {
      if (wordy && !hasCjk) tokens++
      wordy = hasCjk = false
      continue
    }
    const point = text.codePointAt(i)!
    const char = String.fromCodePoint(point)
    if (point > 0xffff) i++
    if (LETTER_OR_DIGIT.test(char)) wordy = true
    if (HAS_CJK.test(char)) {
      cjk++
      hasCjk = true
    }
  }
  if (wordy && !hasCjk) tokens++
  return tokens + cjk
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/**
 * Words as a viewer would count them on a slide, erring high: the largest of white-space tokens
 * (which counts `#`, `/` and `-m`), runs of letters and digits, and Intl word segments for CJK.
 * Budgets use this, so a slide fits however its words are counted.
 */
export function visibleWords(text: string): number {
  return slideWordCounts.get(text, visibleWordsOf)
}

function visibleWordsOf(text: string): number {
  let tokens = 0
  let inToken = false
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i))
    if (!space && !inToken) tokens++
    inToken = !space
  }
  // Every run of letters or digits: an upper bound of what any segmenter calls a word in spaced
  // scripts (browsers' ICU splits `pkg.jenkins.io` or `%20` where Node's may not).
  const runs = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0
  return Math.max(tokens, runs, UNSPACED.test(text) ? countWords(text) : 0)
}

