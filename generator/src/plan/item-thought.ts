import type { Run } from '../types.js'
import { countWords, normalizeRuns, runsText } from '../text.js'
import { capitalize } from './runs.js'
import { BULLET_WORDS, condenseParagraph, LONG_BULLET, opensWithHead, shortenAfter, shortenSentence, splitSentences } from './condense.js'
import { alternation, SEQUENCE_LAST, SEQUENCE_NEXT } from '../grammar/en.js'
import { contrastOpenerLength, countsOff, isCaveat, isMinor, leaning, pointsBackInside } from './point.js'
import { consequenceOpenerLength, isConsequence, leansBack, opensAdditive, opensFirstMember } from './thought.js'

// What a list item's line shows: its point sentence and what completes its thought.

/** Most words a list item's line may take when what completes its thought joins its point sentence. */
const ITEM_WORDS = 45
/** Sentences past the point a list item's line may look through for what completes it. */
const ITEM_REACH = 4

/** What a sentence after a list item's point adds to its thought (see itemPoint). */
type Completion = 'code' | 'caveat' | 'turn' | 'consequence' | 'member' | 'step'

/** A sentence that goes on with the steps of the one before it ("Then use the copy to …", "Finally, …"). */
const NEXT_STEP = new RegExp(`^\\W*(?:${alternation([...SEQUENCE_NEXT, ...SEQUENCE_LAST])})\\b`, 'iu')

/**
 * What a list item shows: its point sentence (see condenseParagraph) and, after it, what
 * completes the thought, in the note's order, while the line stays within ITEM_WORDS: the
 * caveat or condition that qualifies it ("… cannot be stopped. If the host fails, the data is
 * lost"), the turn ("However, …"), the consequence ("This creates …", "So …"), the first
 * members a general sentence promises ("… a few habits … One such habit is …", then
 * "Additionally, …"), or the next sentence when it gives new code (another path, the command).
 * A sentence that only goes on about what was shown may be passed over (one at a time).
 * Note: a line of the note is one thought; its warning or its payoff is often the part a speaker must say.
 * `complete: false` adds only the code and the caveat (the line as before completion; see list.ts).
 */
export function itemPoint(runs: Run[], maxWords = BULLET_WORDS, complete = true): Run[] {
  const thought = itemThought(runs, maxWords, complete)
  return joinSentences([thought.runs, ...thought.members])
}

/** Most members of a set a list item's line names under it (see itemThought). */
const MAX_MEMBERS = 3

/**
 * A list item's thought: its line, and the members of a set its point promises, each a line of
 * its own; `steps`, the further steps of a procedure the line tells, shown under it as a list's
 * top-level bullet only (where the list weighs whether they cost a slide, see list.ts).
 */
export interface ItemThought {
  runs: Run[]
  members: Run[][]
  steps?: Run[][]
}

/**
 * A list item's thought (see itemPoint), with the members its point promises ("… a few habits.
 * One such habit is …. Additionally, …") apart: a list shows them as sub-bullets under the line.
 */
export function itemThought(runs: Run[], maxWords = BULLET_WORDS, complete = true): ItemThought {
  const point = condenseParagraph(runs, maxWords)[0] ?? []
  const all = splitSentences(runs)
  if (all.length < 2 || !point.length) return { runs: point, members: [] }
  const shown = runsText(point)
  const at = all.findIndex((sentence) => runsText(shortenSentence(sentence, maxWords)) === shown)
  if (at < 0) return { runs: point, members: [] }
  const texts = all.map(runsText)
  const parts: Run[][] = [point]
  const members: Run[][] = []
  const steps: Run[][] = []
  let words = countWords(shown)
  let last = at
  // Without completion, only what the line's point cannot do without: its code or its caveat.
  const reach = complete ? ITEM_REACH : 2
  for (let next = at + 1; next <= at + reach + members.length && next < all.length; next++) {
    const found = completionOf(all, texts, at, last, next, members.length > 0)
    const kind = complete || found === 'code' || found === 'caveat' ? found : undefined
    if (!kind) {
      // One sentence may be passed over (each kind says what it may follow); two end the thought.
      if (next > last + 1) break
      continue
    }
    // A step (a long procedure stays readable; steps end the thought) or a member is a line of its
    // own under the line: not counted in the line's words, but one that stays too long ends the set.
    const own = kind === 'step' ? steps : kind === 'member' && !steps.length ? members : undefined
    if (own) {
      const line = capitalize(shortenSentence(all[next], maxWords))
      if (own.length >= MAX_MEMBERS || countWords(runsText(line)) > LONG_BULLET) break
      own.push(line)
      last = next
      continue
    }
    if (steps.length) break
    const opener = kind === 'turn' || (kind === 'caveat' && leaning(texts[next]) === 'contrast') ? contrastOpenerLength : kind === 'consequence' ? consequenceOpenerLength : undefined
    const short = opener ? shortenAfter(all[next], maxWords, opener) : shortenSentence(all[next], maxWords)
    // A sentence that leads into what is nested below ("This requires that:") keeps its colon.
    const line = /[:：]\s*$/u.test(texts[next]) && !/[:：]\s*$/u.test(runsText(short)) ? normalizeRuns([...short, { text: ':' }]) : short
    const size = countWords(runsText(line))
    if (words + size > ITEM_WORDS) break
    parts.push(capitalize(line))
    words += size
    last = next
    if (!complete) break
  }
  return { runs: joinSentences(parts), members, ...(steps.length ? { steps } : {}) }
}

/** A line without the mark that ends it (a "." left after a formula), so the next sentence joins it after one. */
function withoutEndMark(runs: Run[]): Run[] {
  const last = runs[runs.length - 1]
  if (!last || last.code || last.math) return runs
  const text = last.text.replace(/\s*[.;:,。；：，]\s*$/u, '')
  return text ? [...runs.slice(0, -1), { ...last, text }] : runs.slice(0, -1)
}

/** Sentences as one line, each after the one before with one full stop. */
function joinSentences(parts: Run[][]): Run[] {
  return normalizeRuns(parts.flatMap((part, i) => (i < parts.length - 1 ? [...withoutEndMark(part), { text: '. ' }] : part)))
}

/**
 * What sentence `next` adds to a list item's thought, whose point is sentence `at` and whose
 * last shown sentence is `last`; undefined when it adds nothing a speaker must say with it.
 */
function completionOf(all: Run[][], texts: string[], at: number, last: number, next: number, members: boolean): Completion | undefined {
  const text = texts[next]
  const adjacent = next === last + 1
  if (isMinor(text)) return undefined
  // A sentence right after a step that gives its code ("It may also be at `~/.cache/x`") is the
  // step's other half: the speaker needs the path or the command.
  if (next === at + 1 && last === at) {
    const known = new Set(codeOf(all[at]))
    if (codeOf(all[next]).some((code) => !known.has(code))) return 'code'
  }
  // After a term and a dash ("Term - what it is"), each sentence right after says more of the term
  // (its purpose, its use): a sub-bullet under it, up to the next sentence that heads a term of its own.
  if (adjacent && opensWithHead(texts[at]) && !opensWithHead(text) && (members || last === at)) return 'member'
  // Members: the first one the point promises, then each one more ("Additionally, …").
  if (members ? opensAdditive(text) || countsOff(text) : last === at && adjacent && opensFirstMember(text)) return 'member'
  if (members) return undefined
  // Past a sentence it skips, a caveat must stand on its own ("If the instance restarts, …").
  if (isCaveat(text) && (adjacent || (leaning(text) === 'none' && !pointsBackInside(text)))) return 'caveat'
  if (adjacent && isConsequence(text)) return 'consequence'
  // The next step of steps the line tells ("… then copy it. Then launch from the copy"): the last step is part of the procedure.
  if (adjacent && NEXT_STEP.test(text) && !members) return 'step'
  // A turn after a sentence that only went on about the point turns the point too.
  if (leaning(text) === 'contrast' && texts.slice(last + 1, next).every(leansBack)) return 'turn'
  return undefined
}

/** The code spans of a sentence, as text. */
const codeOf = (sentence: Run[]): string[] => sentence.filter((run) => run.code).map((run) => run.text)

