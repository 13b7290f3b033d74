import { describe, expect, it } from 'vitest'
import type { List } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { findChain } from '../src/plan/diagrams/chain.js'
import { findTermChain } from '../src/plan/diagrams/terms.js'
import { deckOf } from './helpers.js'

/** The first list of a markdown text. */
function listOf(markdown: string): List {
  const list = fromMarkdown(markdown).children.find((node) => node.type === 'list')
  if (!list || list.type !== 'list') throw new Error('no list in fixture')
  return list
}

const KITCHEN = [
  '- A **stock** is a liquid made by simmering bones in water',
  '- A **sauce** is a thickened liquid served with food',
  '  - The cook makes a sauce from a stock',
  '- A **dish** is a plated course',
  '  - The sauce finishes the dish',
  '',
].join('\n')

const PARLIAMENT = [
  '- Draft: the first written form of a proposed law',
  '- Bill: a proposal that parliament debates',
  '  - A bill is a revised version of a draft',
  '- Act: a law in force',
  '  - An act is the enacted form of a bill',
  '',
].join('\n')

describe('chains among the terms of a definition list', () => {
  it.each([
    ['a kitchen (bold terms, a source with "from", a subject and its verb)', KITCHEN, ['stock', 'sauce', 'dish'], ['make', 'finishes']],
    ['a parliament (Term: definition, "is a … of")', PARLIAMENT, ['Draft', 'Bill', 'Act'], ['revised version', 'enacted form']],
  ])('finds the chain in %s', (_, markdown, nodes, labels) => {
    expect(findTermChain(listOf(markdown))).toEqual({ nodes, labels })
  })

  it.each([
    ['a list of headings', '- **Roots**\n- **Stems**\n- **Leaves**\n'],
    ['items that do not name each other', '- **Roots** anchor the plant in soil\n- **Stems** carry water upward\n- **Leaves** catch the light\n'],
    ['one stated relation only', '- A **seed** is a resting embryo\n  - A seedling grows from a seed\n- A **seedling** is a young plant\n- A **tree** is a woody plant\n'],
    ['a pair stated both ways as often', '- A **debtor** is a party that owes money\n  - The debtor pays the creditor\n- A **creditor** is a party that lends money\n  - The creditor pays the debtor\n- A **guarantor** is a party that promises to pay\n  - The guarantor backs the debtor\n'],
    ['two terms only', '- A **seed** is a resting embryo\n- A **seedling** grows from a seed\n'],
  ])('draws nothing from %s', (_, markdown) => {
    expect(findTermChain(listOf(markdown))).toBeUndefined()
  })

  it('draws the chain on a slide after the list, and the list keeps every sentence', () => {
    const deck = deckOf(`# Cooking\n\n## Kitchen basics\n\n${KITCHEN}`)
    const diagrams = deck.slides.flatMap((slide) => slide.body).filter((block) => block.type === 'diagram')
    expect(diagrams.map((block) => block.type === 'diagram' && block.diagram)).toEqual([{ kind: 'chain', nodes: ['stock', 'sauce', 'dish'], labels: ['make', 'finishes'] }])
    const shown = JSON.stringify(deck.slides.map((slide) => [slide.body, slide.notes]))
    for (const sentence of ['The cook makes a sauce from a stock', 'The sauce finishes the dish', 'thickened liquid served with food']) expect(shown).toContain(sentence)
  })

  it('draws the chain before the list when its last item leads into the next block, so that the lead-in stays with it', () => {
    const deck = deckOf(`# Cooking\n\n## Kitchen basics\n\n${KITCHEN}- A plate can be laid out like this:\n\n| Place | Item |\n| --- | --- |\n| centre | dish |\n`)
    const kinds = deck.slides.filter((slide) => slide.title.startsWith('Kitchen basics') && slide.kind !== 'section').map((slide) => slide.body.map((block) => block.type).join('+'))
    expect(kinds[0]).toBe('diagram')
    expect(kinds.findIndex((kind) => kind === 'diagram')).toBeLessThan(kinds.findIndex((kind) => kind.includes('bullets')))
  })

  it('draws nothing with diagrams turned off', () => {
    const deck = deckOf(`# Cooking\n\n## Kitchen basics\n\n<!-- diagram: off -->\n\n${KITCHEN}`)
    expect(deck.slides.some((slide) => slide.body.some((block) => block.type === 'diagram'))).toBe(false)
  })
})

describe('chains stated across clauses of an example list', () => {
  it.each([
    ['a canal', 'Boats climb the canal lock by lock. Every lock lifts the boat to the next lock in the flight, e.g. the lower lock lifts to the middle lock, the middle lock lifts to the upper lock.', ['lower lock', 'middle lock', 'upper lock'], ['lifts to', 'lifts to']],
    ['a court system, over sentences', 'The trial court hears the case first. The trial court sends appeals to the appeal court. The appeal court refers hard questions to the supreme court.', ['trial court', 'appeal court', 'supreme court'], ['sends appeals to', 'refers hard questions to']],
  ])('finds the chain in %s', (_, text, nodes, labels) => {
    expect(findChain(text)).toEqual({ nodes, labels })
  })
})
