import { beforeAll, describe, expect, it } from 'vitest'
import { findChain } from '../src/plan/diagrams/chain.js'
import { isHandOff } from '../src/plan/diagrams/structure.js'
import { findOrdinalSteps, ordinalStep } from '../src/plan/diagrams/ordinals.js'
import { findMeasures } from '../src/plan/measures.js'
import { mermaidFor } from '../src/emit/mermaid.js'
import type { Diagram } from '../src/types.js'
import { outlineOf } from './structure-helpers.js'
import { deckOf, mermaidParser } from './helpers.js'

function diagramsOf(text: string): Diagram[] {
  return deckOf(text)
    .slides.flatMap((slide) => slide.body)
    .flatMap((block) => (block.type === 'diagram' ? [block.diagram] : []))
}

describe('chains told by repetition ("A writes to B, B writes to C")', () => {
  it.each([
    ['trade', 'The farmer sells grain to the miller, the miller sells flour to the baker, and the baker sells bread to the town.', ['farmer', 'miller', 'baker', 'town'], ['sells grain to', 'sells flour to', 'sells bread to']],
    ['storage, nodes the tagger reads as adjectives', 'For example, primary copies to secondary, secondary copies to tertiary.', ['primary', 'secondary', 'tertiary'], ['copies to', 'copies to']],
    ['law, clauses joined by a semicolon', 'The senate passes the bill to the house; the house sends it to the governor.', ['senate', 'house', 'governor'], ['passes bill to', 'sends it to']],
    ['ecology', 'Grass feeds the rabbit, the rabbit feeds the fox, then the fox feeds the eagle.', ['Grass', 'rabbit', 'fox', 'eagle'], ['feeds', 'feeds', 'feeds']],
  ])('finds the chain (%s)', (_, text, nodes, labels) => {
    expect(findChain(text)).toEqual({ nodes, labels })
  })

  it.each([
    ['one repeated link only', 'The court fined the company, the company appealed.'],
    ['a property chain (copula)', 'The oak is a tree, a tree is a plant.'],
    ['a list, not clauses', 'We met apples, apples and pears at the market.'],
    ['a relative clause in brackets (an aside, not a link)', 'Starch is broken into maltose (which feeds yeast).'],
    ['a repetition that does not link object to subject', 'The king taxed the towns, the towns rebelled, and the army marched.'],
  ])('draws no chain from %s', (_, text) => {
    expect(findChain(text)).toBeUndefined()
  })
})

describe('numbered items that hand work on from actor to actor', () => {
  it.each([
    ['property sale', ['The buyer signs an offer for the house', 'The agent passes the offer to the seller', 'The seller accepts it and tells the notary', 'The notary registers the sale']],
    ['hormones', ['The hypothalamus signals the pituitary gland', 'The pituitary gland releases a hormone into the blood', 'The blood carries it to the thyroid']],
    ['a court case', ['A plaintiff files a claim with the court', 'The court serves the claim on the defendant', 'The defendant answers the court within a month']],
  ])('reads %s as a process', (_, items) => {
    expect(isHandOff(items)).toBe(true)
  })

  it.each([
    ['claims about one subject', ['Cells can divide quickly', 'Cells can repair damage', 'Cells can move toward food']],
    ['criteria that open with "if"', ['If the price rises, demand falls', 'If the price falls, demand rises', 'If income rises, demand shifts']],
    ['imperative instructions', ['Open the settings page', 'Choose a new password', 'Save the form']],
    ['only one hand-over', ['The king calls the council', 'The council votes on the tax', 'Farmers plant barley in spring', 'Merchants sail in autumn']],
    ['labels, not clauses', ['Larva', 'Pupa', 'Adult']],
  ])('does not read %s as a process', (_, items) => {
    expect(isHandOff(items)).toBe(false)
  })

  it('draws such a list as a flowchart even when no heading or lead-in names a process', () => {
    const note = '# Sales\n\n## Selling a house\n\nThis is what a sale looks like in practice:\n\n1. The buyer gives an offer to the agent\n2. The agent passes the offer to the seller\n3. The seller accepts it and tells the notary\n'
    expect(diagramsOf(note)).toEqual([{ kind: 'steps', start: 1, steps: ['The buyer gives an offer to the agent', 'The agent passes the offer to the seller', 'The seller accepts it and tells the notary'] }])
  })

  it('leaves a numbered list of claims about one subject as a list', () => {
    expect(diagramsOf('# Cells\n\n## What cells do\n\nThey do a lot:\n\n1. Cells can divide quickly\n2. Cells can repair damage\n3. Cells can move toward food\n')).toEqual([])
  })
})

describe('steps told one paragraph each ("The first step is …")', () => {
  it.each([
    ['The first step of digestion is chewing. Teeth grind the food.', { number: 1, label: 'Chewing' }],
    ['The second (and longest) stage is the siege, which lasted a year.', { number: 2, label: 'Siege' }],
    ['In the third phase, the jury hears the witnesses for the defence.', { number: 3, label: 'The jury hears the witnesses for the defence' }],
    ['The fourth step: the bank clears the cheque.', { number: 4, label: 'The bank clears the cheque' }],
  ])('reads the step in %j', (text, expected) => {
    expect(ordinalStep(text)).toEqual(expected)
  })

  it.each([['The first thing to note is the date.'], ['Our first guest was late.'], ['Step one is hard.']])('reads no step in %j', (text) => {
    expect(ordinalStep(text)).toBeUndefined()
  })

  // Under a title heading: a lone `##` opening a note would be its title.
  const blocksOf = (text: string) => outlineOf(`# T\n\n${text}`).sections[0].blocks

  it('collects the steps of consecutive paragraphs, with other blocks between them', () => {
    const note = '## Making cheese\n\nThe first step is curdling, when rennet sets the milk.\n\n![curd](curd.png)\n\nThe second step is cutting the curd. Whey drains off.\n\nSalt matters too.\n\nThe third step is pressing. The moulds sit overnight.\n'
    expect(findOrdinalSteps(blocksOf(note), 0)).toEqual({ steps: ['Curdling', 'Cutting the curd', 'Pressing'], end: 4 })
  })

  it.each([
    ['only two steps', '## Treaty\n\nThe first stage was a truce.\n\nThe second stage was a treaty.\n'],
    ['steps out of order', '## Treaty\n\nThe first stage was a truce.\n\nThe third stage was a treaty.\n\nThe second stage was a vote.\n'],
    ['a list that starts later', '## Treaty\n\nThe second stage was a truce.\n\nThe third stage was a treaty.\n\nThe fourth stage was a vote.\n'],
  ])('finds no steps in %s', (_, note) => {
    expect(findOrdinalSteps(blocksOf(note), 0)).toBeUndefined()
  })

  it('draws an overview of the steps before their paragraphs, which stay on the slides', () => {
    const note = '# Bread\n\n## Baking\n\nThe first step is mixing. Flour meets water.\n\nThe second step is proving. The dough doubles in size.\n\nThe third step is baking. The oven is hot.\n'
    const deck = deckOf(note)
    const diagrams = deck.slides.flatMap((slide) => slide.body).flatMap((block) => (block.type === 'diagram' ? [block.diagram] : []))
    expect(diagrams).toEqual([{ kind: 'steps', start: 1, steps: ['Mixing', 'Proving', 'Baking'] }])
    const kinds = deck.slides.filter((slide) => slide.kind === 'diagram' || slide.kind === 'content').map((slide) => slide.kind)
    expect(kinds[0]).toBe('diagram')
    expect(deck.markdown).toContain('The dough doubles in size')
  })
})

describe('a list of headings is never drawn', () => {
  it.each([
    ['a table of contents of links', '# Guide\n\n## Contents\n\n1. [The first step](#the-first-step)\n2. [The second step](#the-second-step)\n3. [The third step](#the-third-step)\n\n## The first step\n\nText.\n'],
    ['a table of contents under a heading that names steps', '# Guide\n\n## Steps\n\n1. [Mixing](#mixing)\n2. [Proving](#proving)\n3. [Baking](#baking)\n\n## Mixing\n\nMix.\n'],
    ['a contents list of links under a heading about layers', '# Guide\n\n## The three layers\n\n- [Crust](#crust)\n- [Mantle](#mantle)\n- [Core](#core)\n\n## Crust\n\nThin.\n'],
    ['headings that say first, second and third step', '# Guide\n\n## The first step\n\nMix.\n\n## The second step\n\nWait.\n\n## The third step\n\nBake.\n'],
    ['a bulleted outline with arrows between headings', '# Guide\n\n## Outline\n\n- Introduction → Methods → Results\n'],
  ])('draws nothing from %s', (_, note) => {
    expect(diagramsOf(note)).toEqual([])
  })
})

describe('the new diagrams are valid Mermaid', () => {
  let parse: (text: string) => Promise<unknown>
  beforeAll(async () => {
    parse = await mermaidParser()
  })

  it.each([
    ['a chain told by repetition', 'The farmer sells grain to the miller, the miller sells flour to the baker, and the baker sells bread to the town.'],
    ['a chain with quotes, a hash and brackets', 'The "caller" sends data to the gateway, the gateway sends it to the #2 archive (old).'],
  ])('parses %s', async (_, text) => {
    const chain = findChain(text)
    expect(chain?.nodes.length).toBeGreaterThanOrEqual(3)
    await expect(parse(mermaidFor({ kind: 'chain', ...chain! }))).resolves.toBeTruthy()
  })

  it('parses an overview of steps', async () => {
    const note = '# Bread\n\n## Baking\n\nThe first step is mixing (by hand). Flour meets water.\n\nThe second step is "proving"; it takes hours.\n\nThe third step is baking at 220 °C. The oven is hot.\n'
    const diagrams = diagramsOf(note)
    expect(diagrams.length).toBe(1)
    await expect(parse(mermaidFor(diagrams[0]))).resolves.toBeTruthy()
  })
})

describe('parts measured in one unit become a table', () => {
  const sectionOf = (text: string) => outlineOf(`# T\n\n${text}`).sections[0]

  it.each([
    [
      'a file format',
      '## Record layout\n\n### Magic number\n\n- 4 bytes (32 bits)\n- marks the file type\n\n### Length\n\n- 2 bytes\n- counts the records\n\n### Checksum\n\n- 8 bytes each (2 × 4 bytes)\n- guards the data\n',
      'Bytes',
      [['Magic number', '4 bytes (32 bits)'], ['Length', '2 bytes'], ['Checksum', '8 bytes each (2 × 4 bytes)']],
    ],
    [
      'nutrition',
      '## Energy in food\n\n### Fat\n\n- 9 kcal per gram\n- the densest store\n\n### Protein\n\n- 4 kcal per gram\n- builds muscle\n\n### Alcohol\n\n- 7 kcal per gram\n',
      'Kcal',
      [['Fat', '9 kcal'], ['Protein', '4 kcal'], ['Alcohol', '7 kcal']],
    ],
    [
      'a cathedral, singular and plural units',
      '## The nave\n\n### Tower\n\n- 80 metres tall\n\n### Spire\n\n- 1 metre (at the tip)\n\n### Crypt\n\n- 12 metres below the floor\n',
      'Metres',
      [['Tower', '80 metres'], ['Spire', '1 metre (at the tip)'], ['Crypt', '12 metres']],
    ],
  ])('tabulates %s', (_, note, header, rows) => {
    const table = findMeasures(sectionOf(note))
    expect(table?.block.subjects).toEqual([header])
    expect(table?.block.rows.map((row) => [row.aspect, row.cells[0].map((run) => run.text).join('')])).toEqual(rows)
  })

  it.each([
    ['only two parts', '## Coins\n\n### Penny\n\n- 3 grams\n\n### Dime\n\n- 2 grams\n'],
    ['one part not measured', '## Coins\n\n### Penny\n\n- 3 grams\n\n### Dime\n\n- 2 grams\n\n### Quarter\n\n- made of nickel\n'],
    ['different units', '## Trip\n\n### Drive\n\n- 3 hours\n\n### Ferry\n\n- 40 km\n\n### Walk\n\n- 2 hours\n'],
    ['years that open sentences with the same word', '## War\n\n### Outbreak\n\n- 1914 the war began in the west\n\n### Turn\n\n- 1917 the war widened\n\n### End\n\n- 1918 the war ended\n'],
    ['years that open sentences', '## Reigns\n\n### Anne\n\n- 1702 she was crowned and ruled for twelve years over two kingdoms\n\n### George\n\n- 1714 came\n\n### William\n\n- 1830 began\n'],
  ])('makes no table from %s', (_, note) => {
    expect(findMeasures(sectionOf(note))).toBeUndefined()
  })

  it('keeps the author\'s own "*" and "_" in a measured cell (a product stays a product)', () => {
    const note = '## Crate sizes\n\n### Small\n\n- 6 litres (2 * 3 litres)\n\n### Medium\n\n- 12 litres (snake_case label)\n\n### Large\n\n- 24 litres (4 * 6 litres)\n'
    const table = findMeasures(sectionOf(note))
    expect(table?.block.rows.map((row) => row.cells[0].map((run) => run.text).join(''))).toEqual(['6 litres (2 * 3 litres)', '12 litres (snake_case label)', '24 litres (4 * 6 litres)'])
  })

  it('places the table before the parts, which keep their own slides', () => {
    const note = '# Format\n\n## Record layout\n\nA record has three parts.\n\n### Magic number\n\n- 4 bytes\n- marks the file type\n\n### Length\n\n- 2 bytes\n- counts the records\n\n### Checksum\n\n- 8 bytes\n- guards the data\n'
    const deck = deckOf(note)
    const titles = deck.slides.filter((slide) => slide.kind !== 'agenda' && slide.kind !== 'cover' && slide.kind !== 'end').map((slide) => `${slide.kind}:${slide.title}`)
    expect(titles.indexOf('comparison:Record layout')).toBeGreaterThan(-1)
    expect(titles.indexOf('comparison:Record layout')).toBeLessThan(titles.findIndex((title) => title.includes('Magic number')))
    expect(deck.markdown).toContain('counts the records')
  })
})
