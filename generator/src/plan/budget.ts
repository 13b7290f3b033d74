import type { Budget, SlideBlock } from '../types.js'
import { runsText, visibleWords } from '../text.js'
import { measureBlocks } from './measure.js'

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

/** Whether a slide body is one short line of text only: one paragraph, or one bullet without children. */
export function isThinBody(blocks: SlideBlock[], maxWords = THIN_WORDS): boolean {
  if (blocks.length !== 1) return false
  const block = blocks[0]
  const runs = block.type === 'paragraph' ? block.runs : block.type === 'bullets' && block.items.length === 1 && !block.items[0].children.length ? block.items[0].runs : undefined
  return runs !== undefined && visibleWords(runsText(runs)) <= maxWords
}

/**
 * Split `count` items into consecutive parts that each fit (`fitsPart(from, to)`), as evenly as
 * the fit allows: a long list becomes 4 + 4 rather than 7 + 1, and no part is a lone item when
 * its neighbour can give one.
 */
export function partsWithin(count: number, fitsPart: (from: number, to: number) => boolean): Array<[number, number]> {
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
