import type { Budget, SlideBlock } from '../types.js'
import { runsText, visibleWords } from '../text.js'
import { measureBlocks } from './measure.js'
import { shownWords } from './math.js'

/**
 * Words held back from every slide's budget: the page number in the corner ("12 / 34" is three
 * tokens when split on white space) and a margin of two for the ways word counts differ (our
 * fast count and Intl.Segmenter disagree on things like `io-2023.key`).
 */
export const FOOTER_WORDS = 5

/** What a continuation slide adds to its title: " (cont.)". */
export const CONTINUED = ' (cont.)'

/** Words a slide's title takes from the budget, counted as if it were a continuation. */
export function titleWords(title: string): number {
  return visibleWords(`${title}${CONTINUED}`) + FOOTER_WORDS
}

/**
 * Whether blocks fit on one slide under `title` within the budget (words of title and body,
 * lines of body). Note: the one fit test every splitter uses; `lines` widens the line budget
 * for two columns.
 */
export function fits(blocks: SlideBlock[], title: string | number, budget: Budget, lines = budget.lines): boolean {
  const size = measureBlocks(blocks)
  const heading = typeof title === 'number' ? title : titleWords(title)
  return size.words + heading <= budget.words && size.lines <= lines
}

/** The most words a slide's body may have and still read as one thin line ("a slide that only leads on"). */
export const THIN_WORDS = 12

/** Whether a slide body is one short line of text only: one paragraph or quote, or one bullet without children. */
export function isThinBody(blocks: SlideBlock[], maxWords = THIN_WORDS): boolean {
  if (blocks.length !== 1) return false
  const block = blocks[0]
  const runs = block.type === 'paragraph' || block.type === 'quote' ? block.runs : block.type === 'bullets' && block.items.length === 1 && !block.items[0].children.length ? block.items[0].runs : undefined
  return runs !== undefined && shownWords(runs) <= maxWords
}

/**
 * Split `count` items into consecutive parts that each fit (`fitsPart(from, to)`), as evenly as
 * the fit allows: a long list becomes 4 + 4 rather than 7 + 1, and no part is a lone item when
 * its neighbour can give one. `ledFirst`: the first part shares its slide with a lead-in.
 * `glued(at)`: item `at` continues item `at - 1` ("That way, …"), so no part starts with it
 * while the items so joined fit one part together and keeping them so leaves no more lone items.
 */
export function partsWithin(count: number, fitsPart: (from: number, to: number) => boolean, ledFirst = false, glued?: (at: number) => boolean): Array<[number, number]> {
  // (Glue matters only where a split is needed: a run that fits one part is never read for it.)
  if (glued && count > 1 && !fitsPart(0, count)) {
    const groups = gluedGroups(count, fitsPart, glued)
    if (groups.length < count) {
      const parts = partsWithin(groups.length, (a, b) => fitsPart(groups[a][0], groups[b - 1][1]), ledFirst).map(([a, b]): [number, number] => [groups[a][0], groups[b - 1][1]])
      // Keeping a sentence with the one it continues is worth a part more, not a lone item more.
      const plain = partsWithin(count, fitsPart, ledFirst)
      const lone = (cuts: Array<[number, number]>): number => cuts.filter(([a, b]) => b - a === 1).length
      return lone(parts) > lone(plain) ? plain : parts
    }
  }
  const greedy: Array<[number, number]> = []
  let start = 0
  while (start < count) {
    let end = start + 1
    while (end < count && fitsPart(start, end + 1)) end++
    greedy.push([start, end])
    start = end
  }
  if (greedy.length < 2) return greedy
  // Same number of parts, sizes differing by at most one (7 → 3 + 2 + 2).
  const parts = greedy.length
  const even: Array<[number, number]> = []
  let from = 0
  for (let i = 0; i < parts; i++) {
    const size = Math.floor(count / parts) + (i < count % parts ? 1 : 0)
    even.push([from, from + size])
    from += size
  }
  // A list under a lead-in: the first part is never a lone line (the lead-in is with it), so
  // choose, among splits into as few parts, the one with fewest lone items after it (a lone last
  // item counts half: it may join what follows), then the most even.
  if (ledFirst && count <= LED_SPLIT_MAX) {
    const best = fewestLone(count, parts, fitsPart)
    if (best) return best
  }
  if (even.every(([a, b]) => b - a === 1 || fitsPart(a, b))) return even
  // Greedy left a lone last item: move items from the part before while both still fit.
  const last = greedy[greedy.length - 1]
  const before = greedy[greedy.length - 2]
  while (last[1] - last[0] === 1 && before[1] - before[0] > 2 && fitsPart(before[1] - 1, last[1])) {
    before[1]--
    last[0]--
  }
  return greedy
}

/** Largest list the lead-in split searches exhaustively (it is quadratic in the fit tests). */
const LED_SPLIT_MAX = 40

/** Cost of a split: lone items after the first part (a last one counts half), then unevenness. */
function fewestLone(count: number, parts: number, fitsPart: (from: number, to: number) => boolean): Array<[number, number]> | undefined {
  return cheapestCuts(count, parts, (from, to) => to - from === 1 || fitsPart(from, to), (from, to) => ({
    lone: to - from === 1 && from > 0 ? (to === count ? 0.5 : 1) : 0,
    size: to - from,
  }))
}

/**
 * The split of items [0, count) into exactly `parts` parts that each fit, with the least lone
 * cost (`costOf`'s `lone`, summed), then the most even sizes (the least sum of squared `size`);
 * undefined when no such split exists. Every splitter that balances its parts uses this one search.
 */
export function cheapestCuts(
  count: number,
  parts: number,
  fitsPart: (from: number, to: number) => boolean,
  costOf: (from: number, to: number) => { lone: number; size: number },
): Array<[number, number]> | undefined {
  type Best = { lone: number; squares: number; cuts: Array<[number, number]> }
  // best[k][i]: the best way to put items [0, i) into k parts.
  const best: Array<Array<Best | undefined>> = Array.from({ length: parts + 1 }, () => new Array<Best | undefined>(count + 1))
  best[0][0] = { lone: 0, squares: 0, cuts: [] }
  for (let k = 1; k <= parts; k++) {
    for (let i = k; i <= count; i++) {
      for (let j = k - 1; j < i; j++) {
        const before = best[k - 1][j]
        if (!before || !fitsPart(j, i)) continue
        const cost = costOf(j, i)
        const lone = before.lone + cost.lone
        const squares = before.squares + cost.size * cost.size
        const current = best[k][i]
        if (!current || lone < current.lone || (lone === current.lone && squares < current.squares)) best[k][i] = { lone, squares, cuts: [...before.cuts, [j, i]] }
      }
    }
  }
  return best[parts][count]?.cuts
}

/** Runs of items that `glued` joins, as [from, to) ranges; a run too big for one part falls apart into its items. */
function gluedGroups(count: number, fitsPart: (from: number, to: number) => boolean, glued: (at: number) => boolean): Array<[number, number]> {
  const groups: Array<[number, number]> = []
  let from = 0
  for (let at = 1; at <= count; at++) {
    if (at < count && glued(at)) continue
    if (at - from > 1 && !fitsPart(from, at)) for (let k = from; k < at; k++) groups.push([k, k + 1])
    else groups.push([from, at])
    from = at
  }
  return groups
}
