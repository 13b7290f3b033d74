import { describe, expect, it } from 'vitest'
import { arrowParts } from '../src/plan/diagrams/inner.js'
import { findSeries } from '../src/plan/diagrams/series.js'
import { findProcedure } from '../src/plan/diagrams/procedure.js'
import { outlineOf } from './structure-helpers.js'
import { deckOf } from './helpers.js'

const diagramsOf = (deck: ReturnType<typeof deckOf>) =>
  deck.slides.flatMap((slide) => slide.body.flatMap((block) => (block.type === 'diagram' ? [{ slide, diagram: block.diagram }] : [])))

describe('steps joined by arrows in a list item', () => {
  it.each([
    ['cooking', 'Soak the lentils → rinse them twice → simmer for twenty minutes', ['Soak the lentils', 'rinse them twice', 'simmer for twenty minutes']],
    ['printing', 'Ink the plate -> press the paper -> lift it slowly.', ['Ink the plate', 'press the paper', 'lift it slowly']],
  ])('reads the parts as written (%s)', (_, line, parts) => {
    expect(arrowParts(line)).toEqual(parts)
  })

  it.each([
    ['two parts only', 'Heat the wax → pour it'],
    ['names of parts, not actions', 'Preface → Chapters → Index'],
    ['rules of implication, not steps', 'x > 0 ⇒ grows x = 0 ⇒ stays x < 0 ⇒ shrinks'],
    ['a comparison in a part', 'load → load > limit → alarm'],
    ['a formula', 'read $a$ → square it → add $b$'],
    ['a part too long for a node', 'Start → then do a great many small things in a row that nobody could ever fit in one box → stop'],
    ['a question about the steps', 'Stir the paint → leave it an hour → it mixes itself, right?'],
  ])('draws nothing from %s', (_, line) => {
    expect(arrowParts(line)).toBeUndefined()
  })

  it('keeps a nested arrow line as text only: the line already reads as a chain, a picture would repeat it', () => {
    const note = '# T\n\n## Pottery\n\n- Glazing\n    - A glaze is a thin glassy coat\n    - Dip the pot → dry it overnight → fire it in the kiln\n- Kilns\n    - Most kilns burn gas\n'
    const deck = deckOf(note)
    expect(diagramsOf(deck)).toEqual([])
    const shown = deck.slides.flatMap((slide) => JSON.stringify(slide.body))
    expect(shown.join(' ')).toContain('dry it overnight')
  })

  it('draws a top-level item that is only an arrow chain in the line\'s place', () => {
    const note = '# T\n\n## Pottery\n\n- A glaze is a thin glassy coat\n- Dip the pot → dry it overnight → fire it in the kiln\n- Most kilns burn gas\n'
    const deck = deckOf(note)
    const [found] = diagramsOf(deck)
    expect(found?.diagram).toEqual({ kind: 'chain', nodes: ['Dip the pot', 'dry it overnight', 'fire it in the kiln'], labels: ['', ''] })
    const text = deck.slides.filter((slide) => slide.kind !== 'diagram').flatMap((slide) => JSON.stringify(slide.body)).join(' ')
    expect(text).not.toContain('dry it overnight')
    expect(text).toContain('thin glassy coat')
    expect(deck.slides.map((slide) => slide.notes).join('\n')).toContain('Dip the pot → dry it overnight → fire it in the kiln')
  })
})

describe('steps labelled with their number in an outline', () => {
  it('draws sibling items "Step 1.", "Step 2." … as a process under their parent', () => {
    const note = '# T\n\n## Bookbinding\n\n- Method\n    - Step 1. Fold the sheets\n        - Fold with a bone tool\n    - Step 2. Sew the signatures\n    - A note on thread\n    - Step 3. Glue the spine\n'
    const [found] = diagramsOf(deckOf(note))
    expect(found?.diagram).toEqual({ kind: 'steps', steps: ['Fold the sheets', 'Sew the signatures', 'Glue the spine'], start: 1 })
  })

  it('draws nothing when the numbers are not in order', () => {
    const note = '# T\n\n## Bookbinding\n\n- Method\n    - Step 1. Fold the sheets\n    - Step 3. Glue the spine\n    - Step 2. Sew the signatures\n'
    expect(diagramsOf(deckOf(note))).toEqual([])
  })
})

describe('a nested numbered list that its parent item calls a process', () => {
  it('draws the numbered steps, and not the same list when its parent does not say so', () => {
    const steps = '    1. Lay out the wool in thin layers\n    2. Wet it with soapy water\n    3. Roll it until the fibres bind\n'
    const [found] = diagramsOf(deckOf(`# T\n\n## Felt\n\n- The process of felting:\n${steps}- Felt keeps out rain\n`))
    expect(found?.diagram).toMatchObject({ kind: 'steps', start: 1 })
    expect(found?.diagram.kind === 'steps' && found.diagram.steps).toHaveLength(3)
    expect(diagramsOf(deckOf(`# T\n\n## Felt\n\n- Some facts about wool:\n${steps}- Felt keeps out rain\n`))).toEqual([])
  })
})

describe('a series of commands in one sentence', () => {
  it.each([
    ['gardening', 'To repot a plant, water it, lift it out and then loosen the roots. Then set it in the new pot.', { purpose: 'To repot a plant', steps: ['Water it', 'Lift it out', 'Loosen the roots', 'Set it in the new pot'], whole: true }],
    ['cooking', 'Soak the beans overnight, drain them, then boil them for an hour.', { steps: ['Soak the beans overnight', 'Drain them', 'Boil them for an hour'], whole: true }],
  ])('reads the steps (%s)', (_, text, expected) => {
    expect(findSeries(text)).toEqual(expected)
  })

  it.each([
    ['a list of things', 'The cat, the dog and then the bird.'],
    ['clauses with subjects', 'We ate, then we slept, and finally we left.'],
    ['a subject before the verbs', 'He came, saw, and then conquered.'],
    ['no sequence word', 'Wash the cup, dry it, put it away.'],
  ])('draws nothing from %s', (_, text) => {
    expect(findSeries(text)).toBeUndefined()
  })

  it('shows a list item that is only its commands as the diagram, its text in the notes', () => {
    const text = 'To repot a plant, water it, lift it out and then loosen the roots.'
    const deck = deckOf(`# T\n\n## Plants\n\n- ${text}\n- Most plants like light.\n`)
    const [found] = diagramsOf(deck)
    expect(found?.diagram).toEqual({ kind: 'steps', steps: ['Water it', 'Lift it out', 'Loosen the roots'], start: 1 })
    expect(found?.slide.body[0]).toMatchObject({ type: 'heading', runs: [{ text: 'To repot a plant' }] })
    expect(found?.slide.notes).toContain(text)
    // (The takeaways may quote it; the section's own slides show it once, as the diagram.)
    const bullets = deck.slides.filter((slide) => slide.kind !== 'takeaways').flatMap((slide) => slide.body.filter((block) => block.type === 'bullets')).map((block) => JSON.stringify(block)).join(' ')
    expect(bullets).not.toContain('loosen the roots')
    expect(bullets).toContain('Most plants like light')
  })
})

describe('a procedure told as subsections with their code', () => {
  const procedure = (titles: string[], code = true) =>
    `# T\n\n## Set up the printer\n\n${titles.map((title) => `### ${title}\n\n${code ? '```\nrun step\n```' : 'Some words.'}\n`).join('\n')}`

  it('gives an overview of the commands in order, and keeps each command on its own slide', () => {
    const note = procedure(['Unpack the printer', 'Load the paper', 'Install the driver using'])
    expect(findProcedure(outlineOf(note).sections[0])).toEqual(['Unpack the printer', 'Load the paper', 'Install the driver'])
    const deck = deckOf(note)
    const [found] = diagramsOf(deck)
    expect(found?.diagram).toEqual({ kind: 'steps', steps: ['Unpack the printer', 'Load the paper', 'Install the driver'], start: 1 })
    expect(deck.slides.filter((slide) => slide.body.some((block) => block.type === 'code'))).toHaveLength(3)
  })

  it.each([
    ['a heading that is no command', ['Unpack the printer', 'Problems and fixes', 'Load the paper']],
    ['only two steps', ['Unpack the printer', 'Load the paper']],
  ])('draws no overview for %s', (_, titles) => {
    expect(findProcedure(outlineOf(procedure(titles)).sections[0])).toBeUndefined()
  })

  it('draws no overview from headings without code (a list of headings)', () => {
    expect(findProcedure(outlineOf(procedure(['Unpack the printer', 'Load the paper', 'Install the driver'], false)).sections[0])).toBeUndefined()
  })
})
