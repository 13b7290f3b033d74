import { createRequire } from 'node:module'
import { FUNCTION_WORDS } from './en.js'
import { Memo } from '../memo.js'

/** One word or mark of a sentence, with its place in the text and its universal POS tag. */
export interface Token {
  text: string
  lower: string
  start: number
  end: number
  /** Universal POS: NOUN, PROPN, VERB, AUX, ADJ, ADV, ADP, DET, PRON, CCONJ, SCONJ, PART, NUM, PUNCT, X, … */
  pos: string
  /** Lower-case lemma from the model ("cells" → "cell", "rose" → "rise"); proper nouns keep their form. */
  lemma: string
}

interface WinkDoc {
  tokens(): { out(what?: unknown): string[] }
}
interface Wink {
  readDoc(text: string): WinkDoc
  its: { value: unknown; pos: unknown; lemma: unknown }
}

let wink: Wink | undefined
const cache = new Map<string, Token[]>()
/** Sentences kept in the cache: a 1 MB note tags about 6,500 texts, each once (at 5,000 it tagged 9% of them twice). */
const CACHE_LIMIT = 20_000

/** wink-nlp with its English model, loaded on first use (about 0.2 s). */
function loadWink(): Wink {
  if (!wink) {
    const require = createRequire(import.meta.url)
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => Wink
    const model = require('wink-eng-lite-web-model') as unknown
    // Parts of speech only: the full pipe (entities, sentiment, negation) costs 2.4× as much.
    wink = winkNLP(model, ['pos'])
  }
  return wink
}

/** Load the English model now rather than at the first sentence (a helper thread does, see helper-thread.ts). */
export function loadTagger(): void {
  loadWink()
}

/** What the model gives for a text: its tokens, their universal POS tags and their lemmas. */
export interface TaggerOutputs {
  values: string[]
  tags: string[]
  lemmas: string[]
}

/** The model's outputs for a text (whole-document arrays: reading token by token costs twice as much). */
export function taggerOutputs(text: string): TaggerOutputs {
  const nlp = loadWink()
  const all = nlp.readDoc(text).tokens()
  return { values: all.out(nlp.its.value), tags: all.out(nlp.its.pos), lemmas: all.out(nlp.its.lemma) }
}

/** Where outputs worked out ahead (on another thread) come from, while a long note is planned. */
let ahead: ((text: string) => TaggerOutputs | undefined) | undefined

/**
 * Run `work` taking the model's outputs from `source` when it has them (the same outputs,
 * worked out elsewhere), else from the model here. Note: `work` is synchronous.
 */
export function withTagsAhead<T>(source: (text: string) => TaggerOutputs | undefined, work: () => T): T {
  const before = ahead
  ahead = source
  try {
    return work()
  } finally {
    ahead = before
  }
}

/**
 * Tag an English sentence with parts of speech and lemmas (wink-nlp's English model), cached by
 * sentence: slide text and structure detection share one parse of each sentence.
 * Note: tokens carry character offsets into `text`, so deletions map back onto inline runs.
 * `remember: false` tags without keeping the result (one-word probes kept by their caller).
 */
export function tagSentence(text: string, remember = true): Token[] {
  const cached = cache.get(text)
  if (cached) return cached
  const { values, tags, lemmas } = ahead?.(text) ?? taggerOutputs(text)
  const tokens: Token[] = []
  let cursor = 0
  values.forEach((value, index) => {
    const at = text.indexOf(value, cursor)
    if (at < 0) return
    const lower = value.toLowerCase()
    tokens.push({ text: value, lower, start: at, end: at + value.length, pos: tags[index], lemma: lemmas[index]?.toLowerCase() ?? lower })
    cursor = at + value.length
  })
  if (!remember) return tokens
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(text, tokens)
  return tokens
}

const FUNCTION = new Set(FUNCTION_WORDS)

/** Whether text reads as English: Latin letters and enough English function words. */
export function isEnglish(text: string): boolean {
  // The planner asks about the same sentence several times over (a 1 MB note: 12,000 times about 4,300 texts).
  return englishTexts.get(text, readsAsEnglish)
}

const englishTexts = new Memo<string, boolean>(CACHE_LIMIT)

function readsAsEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? []
  if (words.length < 3) return false
  if (words.some((word) => /[^a-z]/.test(word) && !/^[a-zà-ÿ]+$/.test(word))) {
    const latin = words.filter((word) => /^[a-z]+$/.test(word)).length
    if (latin / words.length < 0.8) return false
  }
  const common = words.filter((word) => FUNCTION.has(word)).length
  return common / words.length >= 0.1
}
