import type { BulletItem, Diagram, Run, SlideBlock } from '../types.js'
import { runsText, visibleWords as countWords } from '../text.js'
import { shownText, shownWords } from './math.js'

/**
 * Characters of body text that fit on one line of the 980 px canvas at the theme's 21 px body
 * size (about 860 px of line width). An estimate: the browser check measures the real thing.
 */
const CHARS_PER_LINE = 68

export interface Size {
  words: number
  lines: number
}

function linesOf(runs: Run[], width = CHARS_PER_LINE): number {
  const length = shownText(runs).length
  return Math.max(1, Math.ceil(length / width))
}

/** A small callout's text size against the body's (the theme's `.lectern-callout-small`, 0.86em), and its characters per line. */
const SMALL_SIZE = 0.86
const SMALL_CHARS_PER_LINE = Math.floor(CHARS_PER_LINE / SMALL_SIZE)

function bulletSize(item: BulletItem, depth: number, width = CHARS_PER_LINE): Size {
  let words = shownWords(item.runs)
  let lines = linesOf(item.runs, depth === 0 ? width : width + 6)
  for (const child of item.children) {
    const size = bulletSize(child, depth + 1)
    words += size.words
    lines += size.lines
  }
  return { words, lines }
}

/** Tables use a smaller font (17 px): about 100 characters across the canvas. */
const TABLE_CHARS_PER_LINE = 100

/**
 * Lines a table row takes. Browsers give long cells more width, so a row wraps about when its
 * cells together (with padding) outgrow the table's width; no cell can be narrower than ~12 chars.
 */
function tableRowLines(cells: Run[][], columns: number): number {
  const total = cells.reduce((sum, cell) => sum + runsText(cell).length + 4, 0)
  const longest = Math.max(0, ...cells.map((cell) => runsText(cell).length))
  const narrowest = Math.max(12, Math.floor(TABLE_CHARS_PER_LINE / Math.max(columns, 1)) - 4)
  return Math.max(1, Math.ceil(total / TABLE_CHARS_PER_LINE), columns > 4 ? Math.ceil(longest / narrowest) : 1)
}

/** How many words a block shows and how many lines of body text it takes. */
export function measureBlock(block: SlideBlock): Size {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return { words: shownWords(block.runs), lines: linesOf(block.runs) }
    case 'quote':
      return { words: shownWords(block.runs), lines: linesOf(block.runs, CHARS_PER_LINE - 6) }
    case 'bullets': {
      const size = block.items.reduce<Size>(
        (sum, item) => {
          const size = bulletSize(item, 0)
          return { words: sum.words + size.words, lines: sum.lines + size.lines }
        },
        { words: 0, lines: 0 },
      )
      return { words: size.words, lines: Math.ceil(size.lines / (block.columns ?? 1)) }
    }
    case 'definitions':
      return block.items.reduce<Size>(
        (sum, item) => ({
          words: sum.words + shownWords(item.term) + shownWords(item.gist),
          // The term column is narrow; the gist gets about two thirds of the width.
          lines: sum.lines + Math.max(linesOf(item.term, 24), linesOf(item.gist, 56)),
        }),
        { words: shownWords([...block.header[0], { text: ' ' }, ...block.header[1]]), lines: 1 },
      )
    case 'comparison': {
      const columns = block.subjects.length + (block.showAspects ? 1 : 0)
      let words = countWords(block.subjects.join(' '))
      let lines = 1
      for (const row of block.rows) {
        words += countWords(row.aspect) + row.cells.reduce((n, cell) => n + countWords(runsText(cell)), 0)
        lines += tableRowLines(block.showAspects ? [[{ text: row.aspect }], ...row.cells] : row.cells, columns)
      }
      return { words, lines }
    }
    case 'table': {
      const columns = Math.max(block.header.length, 1)
      // Table cells keep TeX letter runs: a formula in a cell does not wrap, so it takes more room than its letters.
      let words = block.header.reduce((n, cell) => n + countWords(runsText(cell)), 0)
      let lines = 1
      for (const row of block.rows) {
        words += row.reduce((n, cell) => n + countWords(runsText(cell)), 0)
        lines += tableRowLines(row, columns)
      }
      return { words, lines }
    }
    case 'code':
    case 'mermaid':
      // Code is not body text, but its words are on the slide.
      return { words: countWords(block.value), lines: 0 }
    case 'image':
      return { words: 0, lines: 0 }
    case 'diagram':
      return { words: countWords(diagramText(block.diagram)), lines: 0 }
    case 'missing-image':
      return { words: shownWords([...block.caption, { text: ' ' }, ...block.detail]), lines: 2 }
    case 'math':
      // TeX letter runs err high against what KaTeX shows (kept for display math: its aligned
      // rows and tall operators are more than its letters); a display formula is about two lines tall.
      return { words: countWords(block.value), lines: 2 * block.value.split('\n').filter((line) => line.trim()).length }
    case 'callout': {
      const items = block.items.map((item) => bulletSize(item, 0, block.small ? SMALL_CHARS_PER_LINE : CHARS_PER_LINE))
      const lines = items.reduce((n, size) => n + size.lines, 0)
      return {
        words: shownWords(block.title) + items.reduce((n, size) => n + size.words, 0),
        // A small box's lines are shorter in height too (SMALL_SIZE of a body line).
        lines: 2 + (block.small ? Math.ceil(lines * SMALL_SIZE) : lines),
      }
    }
  }
}

export function measureBlocks(blocks: SlideBlock[]): Size {
  return blocks.reduce<Size>(
    (sum, block) => {
      const size = measureBlock(block)
      return { words: sum.words + size.words, lines: sum.lines + size.lines }
    },
    { words: 0, lines: 0 },
  )
}

/** Every label a diagram shows, as text (for word counts). */
export function diagramText(diagram: Diagram): string {
  switch (diagram.kind) {
    case 'chain':
      return [...diagram.nodes, ...diagram.labels, ...(diagram.returns ? [diagram.returns.label, diagram.returns.to ?? ''] : [])].join(' ')
    case 'layers':
      return diagram.layers.join(' ')
    case 'nested':
      return diagram.levels.join(' ')
    case 'groups':
      return diagram.groups.map((group) => `${group.name} ${group.nodes.join(' ')}`).join(' ')
    case 'steps':
    case 'cycle':
      return diagram.steps.join(' ')
    case 'tree':
      return `${diagram.root} ${diagram.children.join(' ')}`
  }
}
