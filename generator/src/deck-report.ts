import { markdownReader } from './markdown.js'
import type { Nodes, Root } from 'mdast'
import { parseSync } from '@slidev/parser'
import type { Budget } from './types.js'
import { collapse, visibleWords } from './text.js'
import { sentenceCoverage } from './coverage.js'
import { plainTitle } from './emit/escape.js'
import { defaultPlanOptions } from './plan/index.js'

const markdown = markdownReader
/** Characters per line of body text, as the planner estimates them. */
const CHARS_PER_LINE = 68

export interface SlideReport {
  number: number
  title: string
  source?: string
  words: number
  lines: number
  table: boolean
  diagram: boolean
}

export interface DeckReport {
  slides: number
  busiest: { number: number; title: string; source?: string; words: number }
  medianWords: number
  sentences: { total: number; found: number; share: number; missing: string[] }
  tables: number
  diagrams: number
  budget: Budget
  problems: string[]
  perSlide: SlideReport[]
}

/** What a viewer reads on a slide: its text without markup, html wrappers or code fences' syntax. */
function visibleText(content: string): { text: string; lines: number; table: boolean; diagram: boolean } {
  const tree = markdown.parse(content) as Root
  const parts: string[] = []
  let lines = 0
  let table = false
  let diagram = false
  const text = (node: Nodes): string => {
    if (node.type === 'html') return ''
    if (node.type === 'text' || node.type === 'inlineCode') return node.value
    if ('children' in node) return (node.children as Nodes[]).map(text).join('')
    return ''
  }
  let columns = 1
  let depth = 0
  const visit = (node: Nodes, inHeading = false): void => {
    switch (node.type) {
      case 'html':
        // Our two-column wrapper (long agendas): its list takes half the lines.
        if (node.value.includes('lectern-columns')) columns = 2
        else if (node.value.trim() === '</div>') columns = 1
        return
      case 'list': {
        const before = lines
        depth++
        for (const child of node.children) visit(child, inHeading)
        depth--
        lines = before + Math.ceil((lines - before) / columns)
        return
      }
      case 'heading': {
        parts.push(text(node))
        return
      }
      case 'paragraph': {
        const value = collapse(text(node))
        if (!value) return
        parts.push(value)
        // Nested bullets are set a little smaller, so a line holds a few more characters.
        if (!inHeading) lines += Math.max(1, Math.ceil(value.length / (depth > 1 ? CHARS_PER_LINE + 6 : CHARS_PER_LINE)))
        return
      }
      case 'table': {
        table = true
        for (const row of node.children) {
          const cells = row.children.map((cell) => collapse(text(cell)))
          parts.push(cells.join(' '))
          lines += 1
        }
        return
      }
      case 'code':
        if (node.lang === 'mermaid') diagram = true
        else parts.push(node.value)
        return
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) visit(child, inHeading)
    }
  }
  visit(tree)
  return { text: parts.join('\n'), lines, table, diagram }
}

/**
 * Check a deck against its note: density (words and lines of body text per slide, against the
 * budget recorded in the deck) and coverage (every sentence of the note in slides or notes).
 */
export function checkDeck(deckMarkdown: string, noteText: string | undefined, deckName: string): DeckReport {
  const deck = parseSync(deckMarkdown, 'slides.md')
  const head = deck.slides[0]?.frontmatter ?? {}
  const recorded = (head.lectern as { budget?: Partial<Budget> } | undefined)?.budget
  const budget: Budget = { ...defaultPlanOptions.budget, ...recorded }
  const perSlide: SlideReport[] = deck.slides.map((slide, index) => {
    const visible = visibleText(slide.content)
    return {
      number: index + 1,
      title: slide.title ? plainTitle(String(slide.title)) : '',
      source: typeof slide.frontmatter.source === 'string' ? slide.frontmatter.source : undefined,
      words: visibleWords(visible.text),
      lines: visible.lines,
      table: visible.table,
      diagram: visible.diagram,
    }
  })
  const problems: string[] = []
  for (const slide of perSlide) {
    const where = `${deckName}: slide ${slide.number} "${slide.title}"${slide.source ? ` (${slide.source})` : ''}`
    if (slide.words > budget.words) problems.push(`${where}: shows ${slide.words} words, over the budget of ${budget.words}`)
    if (slide.lines > budget.lines) problems.push(`${where}: has ${slide.lines} lines of body text, over the budget of ${budget.lines}`)
  }
  let sentences = { total: 0, found: 0, share: 1, missing: [] as string[] }
  if (noteText !== undefined) {
    const coverage = sentenceCoverage(noteText, deckMarkdown)
    sentences = { ...coverage, share: coverage.total ? coverage.found / coverage.total : 1 }
    for (const sentence of coverage.missing) problems.push(`${deckName}: a sentence of the note is not in the deck: "${sentence}"`)
  } else {
    problems.push(`${deckName}: the deck does not name its note (headmatter lectern.note); rebuild it with \`lectern build\``)
  }
  const busiest = perSlide.reduce((a, b) => (b.words > a.words ? b : a), perSlide[0])
  const sorted = perSlide.map((s) => s.words).sort((a, b) => a - b)
  const medianWords = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0
  return {
    slides: perSlide.length,
    busiest: { number: busiest?.number ?? 0, title: busiest?.title ?? '', source: busiest?.source, words: busiest?.words ?? 0 },
    medianWords,
    sentences,
    tables: perSlide.filter((s) => s.table).length,
    diagrams: perSlide.filter((s) => s.diagram).length,
    budget,
    problems,
    perSlide,
  }
}
