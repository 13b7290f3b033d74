import { describe, expect, it } from 'vitest'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import type { Root } from 'mdast'
import { applyBoldHeadings } from '../src/dialects/bold-headings.js'
import { deckOf } from './helpers.js'

/** A geology note whose author wrote sub-headings as bold lines, as many notes apps' users do. */
const NOTE = `# Rocks of the crust

## Igneous rocks

**How they form**

Igneous rocks form when molten rock cools and hardens. Slow cooling underground gives large crystals.

**Where they are found:**

- Granite makes up the cores of many mountain ranges
- Basalt covers most of the ocean floor

**Never lick an unknown mineral.**

Some minerals are toxic, so field geologists use a streak plate instead.
`

function tree(text: string): Root {
  const root = unified().use(remarkParse).parse(text) as Root
  applyBoldHeadings(root)
  return root
}

describe('bold lines as headings', () => {
  it('reads a bold phrase standing alone before content as a heading one level below the one above', () => {
    const root = tree(NOTE)
    const headings = root.children.filter((node) => node.type === 'heading')
    expect(headings.map((node) => [node.depth, (node.children[0] as { value: string }).value])).toEqual([
      [1, 'Rocks of the crust'],
      [2, 'Igneous rocks'],
      [3, 'How they form'],
      [3, 'Where they are found'],
    ])
  })

  it('leaves a bold sentence, a bold line before a heading and a bold line inside prose as they are', () => {
    const root = tree('## Soil\n\n**Clay holds water.**\n\nIt drains slowly.\n\n**Loam**\n\n## Sand\n\nSand drains **fast** after rain.\n')
    expect(root.children.filter((node) => node.type === 'heading')).toHaveLength(2)
    expect(root.children.filter((node) => node.type === 'paragraph')).toHaveLength(4)
  })

  it('uses the bold line as the title of the slides that hold its content, not as a last bullet before them', () => {
    const deck = deckOf(NOTE)
    const titles = deck.parsed.slides.map((slide) => slide.title ?? '')
    expect(titles.some((title) => title.startsWith('How they form'))).toBe(true)
    expect(titles.some((title) => title.startsWith('Where they are found'))).toBe(true)
    expect(deck.markdown).not.toMatch(/^- \*\*How they form\*\*$/m)
    expect(deck.markdown).toContain('Never lick an unknown mineral')
  })

  it('puts a bold heading of a note without headings at section level, never as a second title', () => {
    const root = tree('**Warm-up**\n\nStretch for five minutes before the run.\n')
    expect(root.children[0]).toMatchObject({ type: 'heading', depth: 2 })
  })
})
