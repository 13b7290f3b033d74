import type { BulletItem, Run } from '../types.js'
import { countWords, normalizeRuns, runsText, sentences } from '../text.js'
import { capitalize, masked, sliceRuns } from './runs.js'
import { shortenByGrammar } from './shorten.js'
import { Memo } from '../memo.js'
import { announces, contrastOpenerLength, isDefining, isMinor, leaning, pointsBackInside, countsOff, hasOwnSubject, opensMembers, isBareMeasure, isExample, isFactList, isResult, sentencePoints, type SentenceMarks, type SentencePoint } from './point.js'
import { partsWithin } from './budget.js'
import { alternation, EXISTENTIAL_FRAMES, GLOSS_FRAMES, NAMING_FRAMES, PRONOUN_COPULA_FRAMES, SEQUENCE_LAST, SEQUENCE_NEXT } from '../grammar/en.js'
import { findSequence } from './diagrams/structure.js'
import { continuesRuns } from './follow.js'
import { consequenceOpenerLength, isConsequence, isParallelPair } from './thought.js'

/** A sentence that opens with a later step's word ("Then …", "Finally, …"). */
const LATER_STEP = new RegExp(`^\\W*(?:${alternation([...SEQUENCE_NEXT, ...SEQUENCE_LAST])})\\b`, 'iu')

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
  const key = `${maxWords}|${runsKey(runs)}`
  const short = shortened.get(key, () => stripEndPunctuation(shortenByGrammar(normalizeRuns(runs.map((run) => ({ ...run }))), maxWords)))
  // Runs of its own for each caller, as before the cache.
  return short.map((run) => ({ ...run }))
}

/**
 * Shortened sentences by their runs and word limit: condensing asks for one sentence several
 * times (a 1 MB note shortens 3,200 sentences 12,700 times).
 */
const shortened = new Memo<string, Run[]>(5_000)

/** A key that tells runs apart by every property they have, in order (JSON keeps strings apart). */
function runsKey(runs: Run[]): string {
  let key = ''
  for (const run of runs) {
    for (const name in run) key += `${name}:${JSON.stringify(run[name as keyof Run])},`
    key += '|'
  }
  return key
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

/** Most sentences one paragraph shows (its slide splits when they do not fit one). */
export const MAX_SHOWN = 5
/** A paragraph of at most this many words shows every sentence that is not minor. */
const SHORT_PARAGRAPH = 40
/** Words past which a shortened sentence that is not key is not chosen beside others. */
export const LONG_BULLET = 40
/** Words a sentence that another one points back to may keep beyond a bullet's. */
const ANTECEDENT_WORDS = 8
/** Words of a paragraph per sentence it shows, past the short ones. */
const WORDS_PER_POINT = 25

/** Where a paragraph's bullets go: the heading they sit under, and whether it stands alone. */
export interface CondenseContext {
  heading?: string
  /**
   * The paragraph is read on its own (a paragraph of the note, not a list item): a first
   * sentence that leans on what came before it ("This is …", "However, …") is not chosen, nor
   * any sentence that leans back to it, since what it leans on may not be on the slide. When
   * nothing else could show, the paragraph shows as if it were not alone.
   */
  alone?: boolean
  /** Whether bullets fit one slide: when every point of the paragraph does, every point shows. */
  fits?: (items: BulletItem[]) => boolean
}

/**
 * Condense a paragraph into bullets: the sentences that carry its point, each shortened by
 * grammar, in the note's order. How many show grows with the paragraph's length and with how
 * many of its sentences read as points; a sentence the author marked (bold, a highlight, "in
 * short"), one that explains ("because", "which means") and a "However" that turns the one before
 * it are kept before others; examples, hedges, asides and meta-text stay in the notes. A sentence
 * that leans on the one before ("This …", "It …", "However, …") comes with it, nested under it.
 * Note: the paragraph's full text is always kept in the speaker notes.
 */
export function condenseItems(runs: Run[], maxWords = BULLET_WORDS, context: CondenseContext = {}): BulletItem[] {
  return chooseItems(runs, maxWords, context).map((entry) => entry.item)
}

/** A bullet and whether its sentence is key (the author marked it, or it explains). */
interface Chosen {
  item: BulletItem
  key: boolean
}

function chooseItems(runs: Run[], maxWords: number, context: CondenseContext): Chosen[] {
  const all = splitSentences(runs)
  if (!all.length) return []
  const texts = all.map(runsText)
  // A process told in prose ("First … Then … Finally …") becomes a diagram of its steps: the
  // steps after the first are shown there, not as bullets too.
  const drawn = findSequence(runsText(runs)) !== undefined
  const read = sentencePoints(texts, all.map(marksOf), context.heading ?? '')
    .map((point) => (drawn && point.index > 0 && LATER_STEP.test(texts[point.index]) ? { ...point, minor: true, key: false, marked: false } : point))
    // A sentence that goes on about the term the author just set in bold ("… by paying **interest
    // on reserves**. … they earn interest on reserves, and …") says what the marked term does: key too.
    .map((point) => (!point.minor && !point.key && point.index > 0 && namesBoldOf(all[point.index - 1], texts[point.index]) ? { ...point, key: true } : point))
  // An example's result ("… wait 4 and 6 minutes. The mean wait is $(4+6)/2=5$") shows with its example
  // or not at all: alone, it answers nothing.
  const results = exampleResults(texts, read)
  const points = read.map((point): SentencePoint => (results.has(point.index) ? { ...point, minor: true, key: false, marked: false, leans: 'reference' } : point))
  // What a sentence leans on: the sentence before it, past minor ones (an example, an aside); an
  // answer ("Yes, …") leans on its question, and a result on its example.
  const anchor = (index: number): number => {
    const tied = results.get(index)
    if (tied !== undefined) return tied
    if (points[index].leans === 'reference' && /\?\s*$/.test(texts[index - 1] ?? '')) return index - 1
    let at = index - 1
    while (at > 0 && points[at].minor) at--
    return at
  }
  // A sentence is shown with what it leans on, back to one that stands alone.
  const closure = (index: number): number[] | undefined => {
    const out = [index]
    let at = index
    while (at > 0 && (points[at].leans !== 'none' || points[at].pointsBack)) out.unshift((at = anchor(at)))
    return context.alone && points[at].leans !== 'none' ? undefined : out
  }
  const totalWords = countWords(runsText(runs))
  if (all.length === 1 || (totalWords <= maxWords && !(context.alone && points[0].leans !== 'none'))) return [{ item: { runs: shortenSentence(runs, maxWords), children: [] }, key: true }]
  const usable = points.filter((p) => !p.minor && closure(p.index))
  const order = [...points].sort((a, b) => rank(b) - rank(a) || a.index - b.index)
  // Each sentence shortened once per word limit (a selection may be tried twice).
  const shortened = new Map<string, Run[]>()
  const short = (i: number, words: number): Run[] => {
    const key = `${i}:${words}`
    let runs = shortened.get(key)
    if (!runs) shortened.set(key, (runs = shortenSentence(all[i], words)))
    return runs
  }
  const select = (wanted: number): Chosen[] => {
    const chosen = new Set<number>()
    // `wanted` counts the points chosen; what they lean on comes with them, up to MAX_SHOWN sentences.
    let picked = 0
    for (const point of order) {
      // Past `wanted`, only key sentences still come (every key one shows when there is room).
      if (picked >= wanted && !point.key) continue
      // Past the first, a sentence that reads as no point at all (meta-text, a hedge) stays in the notes.
      if (picked && point.minor) continue
      if (chosen.has(point.index)) {
        picked++
        continue
      }
      const brings = closure(point.index)
      if (!brings) continue
      const added = brings.filter((i) => !chosen.has(i))
      if (picked && chosen.size + added.length > MAX_SHOWN) continue
      // Past the first, a sentence that stays too long for a slide even shortened is left to the
      // notes unless the author marked it: another sentence says the point in fewer words.
      // A list of facts is the substance a general opening announces: it shows, however long.
      if (picked && !point.marked && added.some((i) => countWords(runsText(short(i, maxWords))) > LONG_BULLET && !isFactList(texts[i]))) continue
      added.forEach((i) => chosen.add(i))
      picked++
    }
    // A shown example brings its result.
    for (const [index, tied] of [...results].sort((a, b) => a[0] - b[0])) if (chosen.has(tied)) chosen.add(index)
    // A "However, …" right after a shown sentence changes what it means: it shows too.
    for (const index of [...chosen].sort((a, b) => a - b)) {
      let next = index + 1
      while (chosen.has(index) && points[next]?.leans === 'contrast' && !points[next].minor && chosen.size < MAX_SHOWN && !chosen.has(next)) chosen.add(next++)
    }
    // One half of a pair ("Mitosis is a division that …. Meiosis is a division that …") shows
    // with the other: a slide that tells of a difference shows both sides.
    for (const index of [...chosen].sort((a, b) => a - b)) {
      for (const other of [index - 1, index + 1]) {
        if (other < 0 || other >= texts.length || chosen.has(other) || points[other].minor || chosen.size >= MAX_SHOWN) continue
        if (isParallelPair(texts[Math.min(index, other)], texts[Math.max(index, other)])) chosen.add(other)
      }
    }
    // A sentence that only announces ("… was not the only strong state") shows with the sentence
    // that says what it announces (the others it means), nested under it.
    const announced = new Set<number>()
    for (const index of [...chosen].sort((a, b) => a - b)) {
      const next = index + 1
      if (next < texts.length && !chosen.has(next) && !points[next].minor && chosen.size < MAX_SHOWN && announces(texts[index])) {
        chosen.add(next)
        announced.add(next)
      }
    }
    // What a shown sentence leads to ("This creates a single point of failure", "So …") is
    // what a speaker says it for: it shows too, nested under it, when the slide has room for it.
    for (const index of [...chosen].sort((a, b) => a - b)) {
      const next = index + 1
      if (next < texts.length && !chosen.has(next) && !points[next].minor && chosen.size < MAX_SHOWN && isConsequence(texts[next])) {
        const trial = [...chosen, next]
        const fitsWith = context.fits?.(nest(trial.sort((a, b) => a - b), points, anchor, (i) => short(i, maxWords), texts, announced).map((c) => c.item))
        if (fitsWith) chosen.add(next)
      }
    }
    // A sentence that the next one points into ("…, which aims to cut overhead. It does this by …")
    // keeps more of itself: the part the pronoun stands for may be the part shortening drops.
    const pointedAt = new Set([...chosen].filter((i) => i > 0 && points[i].leans === 'reference').map(anchor))
    const bulletOf = (i: number): Run[] => {
      const words = pointedAt.has(i) ? maxWords + ANTECEDENT_WORDS : maxWords
      // A "However, …" shown with what it turns keeps its "However": the turn is its meaning.
      if (points[i].leans === 'contrast' && chosen.has(anchor(i))) return shortenAfterOpener(all[i], words)
      // A "So …" shown with what it follows keeps its "So" too: it says the one leads to the other.
      return i > 0 && chosen.has(i - 1) && consequenceOpenerLength(masked(all[i])) ? shortenAfter(all[i], words, consequenceOpenerLength) : short(i, words)
    }
    // A list of facts stays even on a part of its own (see condenseParts): it is the substance.
    const kept = points.map((point) => (isFactList(texts[point.index]) ? { ...point, key: true } : point))
    return nest([...chosen].sort((a, b) => a - b), kept, anchor, bulletOf, texts, announced)
  }
  const wanted = shownCount(all.length, totalWords, usable)
  // Every point of a paragraph shows when they fit one slide together: the budget limits the
  // slide, and what the notes alone would hold may be the mechanism the speaker needs.
  const every = context.fits && usable.length > wanted && usable.length <= MAX_SHOWN ? select(usable.length) : undefined
  const items = underHead(every && context.fits!(every.map((c) => c.item)) ? every : select(wanted), texts[0], context.fits)
  // Every sentence leans back to the first, which leans on what came before (the heading, the
  // paragraph before): shown as written, since nothing else could be.
  return items.length || !context.alone ? items : chooseItems(runs, maxWords, { ...context, alone: false })
}

/** Most words of the term that heads a paragraph ("Term - what it is. …"). */
const HEAD_TERM_WORDS = 5

/**
 * Whether a sentence opens with a term and a dash before what it is ("Night trains - sleeper cars
 * that …"). Note: a second spaced dash makes the first open an aside ("The result - oddly - was …").
 */
export function opensWithHead(text: string): boolean {
  const head = /^([^\s,;:.!?()][^,;:.!?()]*?)\s[—–-]\s+\S/u.exec(text)
  if (!head || countWords(head[1]) > HEAD_TERM_WORDS || !/^[\p{Lu}\p{N}`]/u.test(head[1])) return false
  return !/\s[—–-]\s/u.test(text.slice(head[0].length))
}

/**
 * A paragraph that opens with a term and a dash ("Term - what it is. More about it. …") speaks of
 * that term throughout: the bullets after its first are the first's children, not its siblings,
 * when they fit one slide so (`fits`); else they are left as they are.
 */
function underHead(items: Chosen[], first: string | undefined, fits?: (items: BulletItem[]) => boolean): Chosen[] {
  if (items.length < 2 || first === undefined || !opensWithHead(first)) return items
  const [head, ...rest] = items
  // (Only when the head bullet is the paragraph's first sentence, shown.)
  if (!runsText(head.item.runs).startsWith(first.split(/\s[—–-]\s/u)[0])) return items
  const children = [...head.item.children, ...rest.flatMap((chosen) => [{ runs: chosen.item.runs, children: [] }, ...chosen.item.children])]
  const nested: Chosen = { item: { runs: head.item.runs, children }, key: items.some((chosen) => chosen.key) }
  return !fits || fits([nested.item]) ? [nested] : items
}

/**
 * The sentences that give an example's result (an equation, a conclusion) within two sentences of
 * the example, each tied to the sentence before it: index → the index it shows with.
 */
function exampleResults(texts: string[], points: SentencePoint[]): Map<number, number> {
  const out = new Map<number, number>()
  texts.forEach((text, i) => {
    if (!isExample(text)) return
    for (let j = i + 1; j <= i + 2 && j < texts.length; j++) {
      if (isExample(texts[j]) || points[j].marked) break
      if (!isResult(texts[j])) continue
      for (let k = i + 1; k <= j; k++) out.set(k, k - 1)
      break
    }
  })
  return out
}

/** Shorten a sentence but keep its contrast opener ("However, …"), which shortening would drop. */
function shortenAfterOpener(sentence: Run[], maxWords: number): Run[] {
  return shortenAfter(sentence, maxWords, contrastOpenerLength)
}

/** Shorten a sentence but keep the opener `openerLength` measures ("However, …", "So …"), which shortening would drop. */
export function shortenAfter(sentence: Run[], maxWords: number, openerLength: (text: string) => number): Run[] {
  const text = masked(sentence)
  const length = openerLength(text)
  if (!length) return shortenSentence(sentence, maxWords)
  const rest = normalizeRuns(sliceRuns(sentence, length, text.length))
  const lower = /^\p{Ll}/u.test(runsText(rest))
  const short = shortenSentence(rest, Math.max(3, maxWords - 1))
  // Shortening capitalises what it leaves at the start; after the opener it stays as written.
  const first = short[0]
  const fixed = lower && first && !first.code && !first.math ? [{ ...first, text: first.text.charAt(0).toLowerCase() + first.text.slice(1) }, ...short.slice(1)] : short
  return normalizeRuns([...sliceRuns(sentence, 0, length), ...fixed])
}

/**
 * How many sentences a paragraph shows: every one of a short paragraph; else one per
 * WORDS_PER_POINT words of it, among those that are not minor, and at least every key one.
 */
function shownCount(sentences: number, totalWords: number, usable: SentencePoint[]): number {
  if (totalWords <= SHORT_PARAGRAPH) return Math.max(1, usable.length)
  const base = sentences >= 5 && totalWords > 60 ? 3 : sentences >= 3 && totalWords > 25 ? 2 : 1
  const byLength = Math.max(1, Math.round(totalWords / WORDS_PER_POINT))
  const keys = usable.filter((p) => p.key).length
  return Math.min(MAX_SHOWN, Math.max(base, Math.min(usable.length, byLength), keys))
}

/** The order sentences are chosen in: key ones first, then by how much each reads as the point. */
const rank = (point: SentencePoint): number => point.score + (point.key ? 2 : 0) - (point.minor ? 10 : 0)

/** Chosen sentences as bullets: one that leans on the sentence before it nests under that sentence's bullet. */
function nest(indices: number[], points: SentencePoint[], anchor: (index: number) => number, bulletOf: (index: number) => Run[], texts: string[] = [], announced = new Set<number>()): Chosen[] {
  const items: Chosen[] = []
  // The sentence each item (and each of its children) stands for.
  const shownIn: number[][] = []
  for (const index of indices) {
    const runs = bulletOf(index)
    if (!runs.length) continue
    const last = shownIn[shownIn.length - 1]
    const question = index > 0 && /\?\s*$/.test(texts[index - 1] ?? '') && anchor(index) === index - 1
    if (question && last?.length === 1 && last[0] === index - 1) {
      // An answer goes on the line of its question ("Why …? Because …"): one thought, one bullet.
      const item = items[items.length - 1]
      item.item.runs = normalizeRuns([...item.item.runs, { text: ' ' }, ...runs])
      item.key ||= points[index].key
      last.push(index)
    } else if ((points[index].leans !== 'none' || announced.has(index)) && index > 0 && last?.includes(anchor(index)) && !(countsOff(texts[index] ?? '') && last[0] === anchor(index) && opensMembers(texts[anchor(index)] ?? ''))) {
      // ("The first problem is A. The second is B.": B is A's sibling, not its child.)
      items[items.length - 1].item.children.push({ runs, children: [] })
      items[items.length - 1].key ||= points[index].key
      last.push(index)
    } else {
      items.push({ item: { runs, children: [] }, key: points[index].key || index === 0 })
      shownIn.push([index])
    }
  }
  return items
}

/** Whether `text` names a word (five letters or more) of the bold text in `sentence`. */
function namesBoldOf(sentence: Run[], text: string): boolean {
  const words = sentence.filter((run) => run.strong && !run.code).flatMap((run) => run.text.toLowerCase().match(/\p{L}{5,}/gu) ?? [])
  if (!words.length) return false
  const own = new Set(text.toLowerCase().match(/\p{L}{5,}/gu) ?? [])
  return words.some((word) => own.has(word))
}

/** Whether the author marked a sentence: bold text, a `<mark>` highlight, or a boxed or coloured formula. */
function marksOf(sentence: Run[]): SentenceMarks {
  return {
    bold: sentence.some((run) => run.strong && run.text.trim().length > 0),
    highlighted: sentence.some((run) => run.tags?.includes('mark') || (run.math && /\\(?:colorbox|boxed|fbox|fcolorbox|bbox)\b/.test(run.text))),
  }
}

/**
 * Condense a paragraph into bullets (see condenseItems), flattened: a nested sentence follows the
 * one it leans on. With an `allowance`, whole bullets that would pass it in words are left out.
 */
export function condenseParagraph(runs: Run[], maxWords = BULLET_WORDS, allowance = Number.MAX_SAFE_INTEGER, heading = ''): Run[][] {
  const out: Run[][] = []
  let words = 0
  for (const item of condenseItems(runs, maxWords, { heading })) {
    const lines = [item.runs, ...item.children.map((child) => child.runs)]
    const size = lines.reduce((sum, line) => sum + countWords(runsText(line)), 0)
    if (out.length && words + size > allowance) continue
    out.push(...lines)
    words += size
  }
  return out
}

export { itemPoint, itemThought, type ItemThought } from './item-thought.js'

/**
 * A paragraph's bullets split into the parts that each fit a slide (`fitsPart`), as evenly as
 * they allow: the budget limits a slide, not a paragraph. An empty result means the paragraph
 * had no text.
 */
export function condenseParts(runs: Run[], fitsPart: (items: BulletItem[]) => boolean, context: CondenseContext = {}, maxWords = BULLET_WORDS): BulletItem[][] {
  let chosen = chooseItems(runs, maxWords, { alone: true, fits: fitsPart, ...context })
  const text = (at: number): string => runsText(chosen[at].item.runs)
  // The second half of a pair ("A is …. B is …") stays with the first, as does a sentence that
  // continues the one before ("That way, …"): neither starts a part (see partsWithin).
  const pairs = (at: number): boolean => at > 0 && isParallelPair(text(at - 1), text(at))
  const paired = (at: number): boolean => pairs(at) || (at + 1 < chosen.length && pairs(at + 1))
  const split = (): Array<[number, number]> => partsWithin(chosen.length, (from, to) => fitsPart(chosen.slice(from, to).map((c) => c.item)), false, (at) => continuesRuns(chosen[at].item.runs) || pairs(at))
  let parts = split()
  // A split between the halves of a pair leaves one side on a slide of its own: the bullets
  // besides the pair and the first go to the notes instead, last first, until the pair is kept whole.
  const separates = (): boolean => parts.some(([from]) => pairs(from))
  while (separates()) {
    const spare = chosen.map((_, i) => i).filter((i) => i > 0 && !paired(i)).pop()
    if (spare === undefined) break
    chosen = chosen.filter((_, i) => i !== spare)
    parts = split()
  }
  // A minor bullet that would be alone on a slide of its own goes to the notes instead (not one
  // half of a pair); so does a lone set-up right before a pair ("While A and B …, they differ"):
  // the pair says what it sets up.
  const setsUp = (at: number): boolean => at + 2 < chosen.length && pairs(at + 2)
  const alone = ([from, to]: [number, number]): boolean => to - from === 1 && !chosen[from].item.children.length && !paired(from) && (!chosen[from].key || setsUp(from))
  while (parts.length > 1 && parts.some(alone)) {
    const lone = parts.find(alone)!
    chosen = chosen.filter((_, i) => i !== lone[0])
    parts = split()
  }
  return parts.map(([from, to]) => chosen.slice(from, to).map((c) => c.item))
}

/**
 * A bullet that is only a figure ("53 metres") with the heading it measures before it
 * ("Road train: 53 metres"): alone, a number says nothing. Other bullets are returned as they are.
 */
export function withSubject(item: BulletItem, heading: string, siblings: BulletItem[]): BulletItem {
  const subject = heading.trim()
  if (!subject || item.children.length || !isBareMeasure(runsText(item.runs))) return item
  // In a list of the heading's own figures and traits ("6 metres", "Holds the driver") the title
  // says what they measure; beside parts or claims about other things, a figure needs its subject.
  const others = siblings.filter((sibling) => sibling !== item)
  if (!others.some((sibling) => sibling.children.length || hasOwnSubject(runsText(sibling.runs)))) return item
  return { ...item, runs: [{ text: `${subject}: ` }, ...item.runs] }
}

/**
 * The first sentence of an explanation, shortened by grammar, for a table cell or a definition.
 * When the first sentence only restates the `term` ("Nomadic: these tribes lived a nomadic life.
 * This means that they moved with the seasons.") and a later one glosses it ("This means that …",
 * "That is, …"), the gloss is the cell, without its frame.
 * Note: a cell is never cut mid-phrase; when nothing optional can go, it stays whole.
 */
export function gist(runs: Run[], maxWords = GIST_WORDS, term: Run[] = []): Run[] {
  const all = splitSentences(runs)
  // A first sentence that only says the term again ("herders lead a nomadic life") defines
  // nothing: the gloss after it ("This means that they move …") is the cell, without its frame.
  // With no gloss, a first sentence that only places the term ("Within each county there are
  // several parishes") gives way to the next one that says what it is or does.
  const restates = all.length > 1 && restatesTerm(runsText(all[0]), runsText(term))
  const gloss = restates ? (glossOf(all.slice(1)) ?? (endsOnTerm(runsText(all[0]), runsText(term)) ? explanationAfter(all.slice(1)) : undefined)) : undefined
  // A number the first sentence gives ("from about 10 years old") is not traded for the gloss:
  // the cell is the whole definition, that sentence and the gloss after it.
  if (gloss && /\d/.test(masked(all[0]))) return normalizeRuns([...shortenSentence(all[0], maxWords), { text: '. ' }, ...capitalize(shortenSentence(gloss, maxWords))])
  const first = gloss ?? all[0] ?? runs
  // A cell answers its row: the clause before a semicolon ("strong; each guest …") does.
  const semicolon = masked(first).search(/;\s/)
  const head = semicolon > 0 && countWords(masked(first)) > maxWords ? normalizeRuns(sliceRuns(first, 0, semicolon)) : first
  return shortenSentence(head, maxWords)
}

/** Whether a sentence is `Term: explanation` whose explanation only says the term again (a circular definition). */
export function isCircularDefinition(runs: Run[]): boolean {
  const definition = definitionOf(runs)
  if (!definition) return false
  const explanation = runsText(definition.explanation)
  // "A tariff is a tax on imports …" names the term to define it: not circular.
  const defines = /^\W*(?:(?:the|a|an)\s+)?(\p{L}+)\s+(?:is|are|means|refers to)\s/iu.exec(explanation)
  if (defines && restatesTerm(defines[1], runsText(definition.term).split(/\s+/)[0] ?? '')) return false
  return restatesTerm(explanation, runsText(definition.term))
}

/** Stems of a text's words of four letters or more. */
const contentStems = (text: string): string[] => (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map((word) => word.replace(/(?:ic|al|s|es|ly)$/u, ''))

/** Whether a sentence names its term again (a circular gloss of it). */
function restatesTerm(sentence: string, term: string): boolean {
  const stems = contentStems(term)
  if (!stems.length) return false
  const words = contentStems(sentence)
  return stems.every((stem) => words.some((word) => word.startsWith(stem) || stem.startsWith(word)))
}

/**
 * Whether a sentence only brings its term in, as its last words ("Within each county there are
 * several parishes", "… can be grouped into resource groups"): it places the term, it does not
 * say what the term is. A sentence that defines it ("X is the …", "… are called X") does not count.
 */
function endsOnTerm(sentence: string, term: string): boolean {
  const stems = contentStems(term)
  if (!stems.length || NAMING.test(sentence) || (isDefining(sentence) && !EXISTENTIAL.test(sentence))) return false
  const tail = contentStems(sentence).slice(-stems.length)
  return tail.length === stems.length && stems.every((stem, i) => tail[i].startsWith(stem) || stem.startsWith(tail[i]))
}

/** "This is a …", "They are …": a pronoun standing for the term, then what it is. */
const PRONOUN_IS = new RegExp(`^\\W*(?:${alternation(PRONOUN_COPULA_FRAMES)})\\s+(?=\\p{L})`, 'iu')

/**
 * The first of the next two sentences that says what a term is or does: "This is a ledger
 * that …" without its pronoun frame, or one that stands on its own (no pronoun, no example, no
 * "these …" pointing back); undefined when neither does.
 */
function explanationAfter(sentences: Run[][]): Run[] | undefined {
  for (const sentence of sentences.slice(0, 2)) {
    const text = masked(sentence)
    const frame = PRONOUN_IS.exec(text)
    if (frame) {
      const rest = normalizeRuns(sliceRuns(sentence, frame[0].length, text.length))
      if (countWords(runsText(rest)) >= 3) return capitalize(rest)
      continue
    }
    if (leaning(text) === 'none' && !isMinor(text) && !pointsBackInside(text)) return sentence
  }
  return undefined
}

const NAMING = new RegExp(`(?<![\\p{L}])(?:${alternation(NAMING_FRAMES)})\\s+(?:(?:a|an|the)\\s+)?\\S+(?:\\s+\\S+){0,3}\\s*[.!?]?\\s*$`, 'iu')
const EXISTENTIAL = new RegExp(`(?<![\\p{L}])(?:${alternation(EXISTENTIAL_FRAMES)})(?![\\p{L}])`, 'iu')

const GLOSS = new RegExp(`^\\W*(?:${alternation(GLOSS_FRAMES)})\\s*,?\\s*`, 'iu')

/** The first sentence that glosses the one before ("This means that …"), its frame removed. */
function glossOf(sentences: Run[][]): Run[] | undefined {
  for (const sentence of sentences) {
    const text = masked(sentence)
    const frame = GLOSS.exec(text)
    if (!frame) continue
    const rest = normalizeRuns(sliceRuns(sentence, frame[0].length, text.length))
    return countWords(runsText(rest)) >= 3 ? rest : undefined
  }
  return undefined
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
