import { describe, expect, it } from 'vitest'
import { findChain } from '../src/plan/diagrams/chain.js'
import { findGroups, findKinds, findSequence, isCycle } from '../src/plan/diagrams/structure.js'
import { mermaidFor } from '../src/emit/mermaid.js'
import { outlineOf } from './structure-helpers.js'
import { deckOf } from './helpers.js'

describe('chains from grammar (any subject)', () => {
  it.each([
    ['physiology', 'The kidney filters the blood, which passes to the bladder, which empties into the urethra.', ['kidney', 'blood', 'bladder', 'urethra'], ['filters', 'passes to', 'empties into']],
    ['economics', 'The central bank sets the policy rate, which moves the interbank rate, which shifts mortgage rates.', ['central bank', 'policy rate', 'interbank rate', 'mortgage rates'], ['sets', 'moves', 'shifts']],
    ['endocrinology', 'The hypothalamus releases a hormone, which stimulates the pituitary gland, which signals the adrenal glands.', ['hypothalamus', 'hormone', 'pituitary gland', 'adrenal glands'], ['releases', 'stimulates', 'signals']],
    ['history', 'The king summoned the barons, who elected a council.', ['king', 'barons', 'council'], ['summoned', 'elected']],
    ['logistics, over two sentences', 'The farmer sells the grain to the mill. The mill ships flour to the bakery.', ['farmer', 'mill', 'bakery'], ['sells grain to', 'ships flour to']],
    ['arrows', 'Food passes mouth → stomach → small intestine.', ['mouth', 'stomach', 'small intestine'], ['', '']],
    ['places listed in order (neurology)', 'The signal is seen first in the retina (eye), followed by the optic nerve, and finally the visual cortex.', ['retina (eye)', 'optic nerve', 'visual cortex'], ['', '']],
  ])('finds the chain (%s)', (_, text, nodes, labels) => {
    expect(findChain(text)).toEqual({ nodes, labels })
  })

  it.each([
    ['one relation only', 'The court heard the appeal.'],
    ['a relation of inclusion', 'The treaty had many clauses, which include trade rules and border lines.'],
    ['relations that do not link', 'The river floods the plain. Farmers plant rice.'],
    ['a property, not a link', 'Photosynthesis is a process, which is slow.'],
    ['clauses in order, not places', 'We ate, then we slept, and finally we left.'],
  ])('draws no chain from %s', (_, text) => {
    expect(findChain(text)).toBeUndefined()
  })
})

describe('processes and cycles', () => {
  it.each([
    [
      'First, the dough rises. Then the baker shapes the loaves. Finally, the loaves bake for forty minutes.',
      { steps: ['The dough rises', 'The baker shapes the loaves', 'The loaves bake for forty minutes'], cycle: false },
    ],
    [
      'First, water evaporates from the sea. Next, the vapour condenses into clouds. Then rain falls on the land. Finally, rivers carry the water back to the sea.',
      { steps: ['Water evaporates from the sea', 'The vapour condenses into clouds', 'Rain falls on the land', 'Rivers carry the water back to the sea'], cycle: true },
    ],
  ])('reads the steps of %j', (text, expected) => {
    expect(findSequence(text)).toEqual(expected)
  })

  it.each([
    ['First, note the date.'],
    ['The war began in spring. Then it spread. Soon it ended.'],
  ])('finds no sequence in %j', (text) => {
    expect(findSequence(text)).toBeUndefined()
  })

  it.each([
    [['Larva hatches', 'Larva feeds', 'Pupa forms', 'Adult lays eggs'], 'The cycle then repeats.', true],
    [['Bill drafted', 'Bill debated', 'Bill signed'], '', false],
  ])('tells whether %j returns to its start', (steps, context, expected) => {
    expect(isCycle(steps, context)).toBe(expected)
  })

  it('draws a numbered list under a lead-in about stages as a cycle when the note says it repeats', () => {
    const deck = deckOf('# T\n\n## Moon phases\n\nThe stages of the lunar month:\n\n1. New moon\n2. First quarter\n3. Full moon\n4. Last quarter\n\nThen the cycle begins again.\n')
    const diagram = deck.slides.flatMap((slide) => slide.body).find((block) => block.type === 'diagram')
    expect(diagram?.type === 'diagram' && diagram.diagram).toEqual({ kind: 'cycle', steps: ['New moon', 'First quarter', 'Full moon', 'Last quarter'] })
  })

  it.each([
    ['criteria', '## Tests of a valid will\n\nA court checks a set of criteria in order to accept a will:\n\n1. The maker was an adult\n2. The maker was of sound mind\n3. Two witnesses signed it\n'],
    ['rules', '## Playing the game\n\nThe process has three rules:\n\n1. Only one piece moves each turn\n2. A piece never jumps\n3. The king may not be left in check\n'],
  ])('keeps an ordered list of %s a list', (_, section) => {
    const deck = deckOf(`# T\n\n${section}`)
    expect(deck.slides.some((slide) => slide.kind === 'diagram')).toBe(false)
  })

  it('draws the steps of a process in order under a "How …" heading', () => {
    const deck = deckOf('# T\n\n## How a bill becomes law\n\n1. A member introduces the bill\n2. A committee reviews it\n3. Both houses vote\n4. The head of state signs it\n')
    const diagram = deck.slides.flatMap((slide) => slide.body).find((block) => block.type === 'diagram')
    expect(diagram?.type === 'diagram' && diagram.diagram.kind).toBe('steps')
  })

  it('reads a numbered list whose last stage goes back to the first as a cycle, without the lazy line after it', () => {
    const deck = deckOf('# T\n\n## Water\n\nMain stages:\n1. Sea water evaporates\n2. Vapour forms clouds\n3. Rain falls on hills\n4. Rivers carry the water back to the sea\nSo the same water is used again and again.\n')
    const diagram = deck.slides.flatMap((slide) => slide.body).find((block) => block.type === 'diagram')
    expect(diagram?.type === 'diagram' && diagram.diagram).toEqual({ kind: 'cycle', steps: ['Sea water evaporates', 'Vapour forms clouds', 'Rain falls on hills', 'Rivers carry the water back to the sea'] })
  })

  it('prints a cycle as a ring in Mermaid', () => {
    expect(mermaidFor({ kind: 'cycle', steps: ['a', 'b', 'c'] })).toBe('flowchart LR\n  c0["a"]\n  c1["b"]\n  c2["c"]\n  c0 --> c1\n  c1 --> c2\n  c2 --> c0')
  })

  it('draws a process told in prose and keeps the paragraph in the notes', () => {
    const text = 'First, the dough rises. Then the baker shapes the loaves. Finally, the loaves bake for forty minutes.'
    const deck = deckOf(`# T\n\n## Bread\n\n${text}\n`)
    const slide = deck.slides.find((s) => s.kind === 'diagram')
    const diagram = slide?.body.find((block) => block.type === 'diagram')
    expect(diagram?.type === 'diagram' && diagram.diagram.kind).toBe('steps')
    expect(slide?.notes).toContain(text)
    // The paragraph's text is said once in the notes, not once for the lead-in and once for the diagram.
    expect(slide?.notes.split(text).length).toBe(2)
  })
})

describe('parts of a whole, only when relations are stated', () => {
  it('draws subsections that state what they are part of as a tree', () => {
    const note =
      '# T\n\n## Kinds of rock\n\n### Basalt\n\nBasalt is a volcanic rock.\n\n### Granite\n\nGranite is a rock that cools slowly.\n\n### Marble\n\nMarble is a rock changed by heat.\n'
    expect(findKinds(outlineOf(note).sections[0])).toEqual(['Basalt', 'Granite', 'Marble'])
  })

  it('draws no tree from a list of headings', () => {
    const note = '# T\n\n## Kinds of rock\n\n### Basalt\n\nDark.\n\n### Granite\n\nSpeckled.\n\n### Extra\n\nMore links.\n'
    expect(findKinds(outlineOf(note).sections[0])).toBeUndefined()
  })

  it('groups sibling lists whose titles share a frame', () => {
    const note = '# T\n\n## Parliament\n\n### Upper house members\n\n- Lords\n- Bishops\n\n### Lower house members\n\n- Elected MPs\n- The Speaker\n'
    expect(findGroups(outlineOf(note).sections[0])).toEqual([
      { name: 'Upper house', nodes: ['Lords', 'Bishops'] },
      { name: 'Lower house', nodes: ['Elected MPs', 'The Speaker'] },
    ])
  })

  it('does not group sibling lists with unrelated titles', () => {
    const note = '# T\n\n## Trip\n\n### Packing\n\n- Boots\n- Map\n\n### Food\n\n- Bread\n- Cheese\n'
    expect(findGroups(outlineOf(note).sections[0])).toBeUndefined()
  })
})
