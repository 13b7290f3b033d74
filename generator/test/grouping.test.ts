import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { runsText } from '../src/text.js'
import type { SlideBlock, SlidePlan } from '../src/types.js'

const content = (slides: SlidePlan[]): SlidePlan[] => slides.filter((s) => !['cover', 'agenda', 'section', 'end'].includes(s.kind))
const texts = (block: SlideBlock): string[] =>
  block.type === 'bullets' ? block.items.flatMap((item) => [runsText(item.runs), ...item.children.map((c) => runsText(c.runs))]) : 'runs' in block ? [runsText(block.runs)] : []

describe('a lead-in shares the slide of what it introduces', () => {
  it.each([
    ['a table (economics)', 'The three markets compare as follows:\n\n| Market | Sellers |\n|---|---|\n| Monopoly | one |\n| Oligopoly | few |\n| Competition | many |\n', 'table'],
    ['code (computing)', 'Start the server with this command:\n\n```sh\nnpm start\n```\n', 'code'],
    ['a list (history)', 'First a short paragraph about the period that sets the scene for the list.\n\nThe treaty had three terms:\n\n- territory was returned\n- reparations were paid\n- the army was limited\n', 'bullets'],
    ['code after a one-item numbered step (computing)', '1. **Initialise a repository**:\n\n```sh\ngit init\n```\n', 'code'],
  ])('before %s', (_label, body, kind) => {
    const deck = deckOf(`# T\n\n## Part\n\n${body}`)
    const slide = content(deck.slides).find((s) => s.body.some((b) => texts(b).some((t) => /:$/.test(t))))!
    const lead = slide.body.findIndex((b) => texts(b).some((t) => /:$/.test(t)))
    expect(slide.body[lead + 1]?.type).toBe(kind)
  })
})

describe('hierarchy', () => {
  it('keeps children under their parent and shows a third level under the second-level item as subtitle', () => {
    const note = '# T\n\n## Cells\n\n- Organelles do the work of the cell\n  - The nucleus holds the genome\n    - Chromatin packs the DNA\n    - The nucleolus makes ribosomes\n  - Mitochondria make ATP\n- Membranes bound every cell\n  - They are made of lipids\n'
    const slides = content(deckOf(note).slides)
    const withSubtitle = slides.find((s) => s.body[0]?.type === 'heading')!
    expect(texts(withSubtitle.body[0])).toEqual(['Organelles do the work of the cell'])
    const list = withSubtitle.body[1] as Extract<SlideBlock, { type: 'bullets' }>
    expect(list.items.map((i) => runsText(i.runs))).toEqual(['The nucleus holds the genome', 'Mitochondria make ATP'])
    expect(list.items[0].children.map((c) => runsText(c.runs))).toEqual(['Chromatin packs the DNA', 'The nucleolus makes ribosomes'])
    const other = slides.find((s) => s.body.some((b) => texts(b).includes('Membranes bound every cell')))!
    const bullets = other.body.find((b) => b.type === 'bullets') as Extract<SlideBlock, { type: 'bullets' }>
    const parent = bullets.items.find((i) => runsText(i.runs) === 'Membranes bound every cell')!
    expect(parent.children.map((c) => runsText(c.runs))).toEqual(['They are made of lipids'])
  })
})

describe('splitting', () => {
  it.each([9, 17, 25])('never leaves a one-row table slide (%i rows)', (rows) => {
    const table = ['| Year | Event |', '|---|---|', ...Array.from({ length: rows }, (_, i) => `| ${1800 + i} | Treaty number ${i + 1} was signed by the powers |`)].join('\n')
    const parts = content(deckOf(`# T\n\n## Treaties\n\n${table}\n`).slides).filter((s) => s.kind === 'table')
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) {
      const block = part.body.find((b) => b.type === 'table') as Extract<SlideBlock, { type: 'table' }>
      expect(block.rows.length).toBeGreaterThan(1)
      expect(block.header.map(runsText)).toEqual(['Year', 'Event'])
    }
  })

  it('splits code at blank lines, never inside a function call', () => {
    const fn = (n: number): string => `function step${n}(input) {\n  const value = transform(\n    input,\n    ${n},\n  )\n  return value\n}\n`
    const code = Array.from({ length: 5 }, (_, i) => fn(i)).join('\n')
    const parts = content(deckOf(`# T\n\n## Code\n\n\`\`\`js\n${code}\`\`\`\n`).slides).filter((s) => s.kind === 'code')
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) {
      const value = (part.body.find((b) => b.type === 'code') as Extract<SlideBlock, { type: 'code' }>).value
      expect(value.startsWith('function step')).toBe(true)
      expect(value.trimEnd().endsWith('}')).toBe(true)
    }
  })
})

describe('key takeaways', () => {
  it.each([
    ['a recap section (biology)', '## Cells\n\nCells are the unit of life and every organism has them.\n\n## Recap\n\n- Cells divide by mitosis to grow tissue.\n- Meiosis halves the chromosomes for sex cells.\n', ['Cells divide by mitosis to grow tissue.', 'Meiosis halves the chromosomes for sex cells.']],
    ['marked sentences (economics)', '## Prices\n\nPrices move every day. In short, prices ration scarce goods among buyers.\n\n## Money\n\nMoney is a medium of exchange. Rule of thumb: more money chasing the same goods raises prices.\n', ['In short, prices ration scarce goods among buyers', 'Rule of thumb: more money chasing the same goods raises prices']],
  ])('come from %s', (_label, body, expected) => {
    const slides = deckOf(`# T\n\n${body}`).slides.filter((s) => s.kind === 'takeaways')
    const shown = slides.flatMap((s) => s.body.flatMap(texts))
    expect(shown.map((t) => t.replace(/\.$/, ''))).toEqual(expected.map((t) => t.replace(/\.$/, '')))
  })

  it('never takes a bare label as a takeaway', () => {
    const slides = deckOf('# T\n\n## Parts\n\n- Nucleus\n- Membrane\n\n## Roles\n\nThe nucleus stores the genetic code of the cell.\n').slides.filter((s) => s.kind === 'takeaways')
    const shown = slides.flatMap((s) => s.body.flatMap(texts))
    expect(shown).toEqual(['The nucleus stores the genetic code of the cell'])
  })
})

describe('definitions in soft-wrapped lines', () => {
  it('shows each `Label: text` line as a row of one table', () => {
    const note = '# T\n\n## Courts\n\nTrial court: hears the evidence and decides the facts.\nAppeal court: reviews how the law was applied.\nSupreme court: settles questions of national importance.\n'
    const slide = content(deckOf(note).slides).find((s) => s.kind === 'definitions')!
    const table = slide.body[0] as Extract<SlideBlock, { type: 'definitions' }>
    expect(table.items.map((i) => runsText(i.term))).toEqual(['Trial court', 'Appeal court', 'Supreme court'])
  })
})

describe('phrases in definition cells', () => {
  it('drops the subject and verb every explanation shares', () => {
    const note = '# T\n\n## Tasks\n\n- **Deploy**: Schedulers can place new jobs on idle machines.\n- **Heal**: Schedulers can restart jobs that crash.\n- **Scale**: Schedulers can add copies of a job under load.\n'
    const slide = content(deckOf(note).slides).find((s) => s.kind === 'definitions')!
    const table = slide.body[0] as Extract<SlideBlock, { type: 'definitions' }>
    expect(table.items.map((i) => runsText(i.gist))).toEqual(['Place new jobs on idle machines', 'Restart jobs that crash', 'Add copies of a job under load'])
    expect(slide.notes).toContain('Schedulers can restart jobs that crash.')
  })

  it('keeps explanations whole when they only share an article', () => {
    const note = '# T\n\n## Courts\n\n- **Trial**: The court hears the evidence.\n- **Appeal**: The judges review the law.\n- **Final**: The supreme court settles it.\n'
    const slide = content(deckOf(note).slides).find((s) => s.kind === 'definitions')!
    const table = slide.body[0] as Extract<SlideBlock, { type: 'definitions' }>
    expect(runsText(table.items[0].gist)).toBe('The court hears the evidence')
  })
})

describe('a short list stays whole on one slide', () => {
  it.each([
    [
      'biology',
      'Cells divide to grow and to replace tissue that is worn out over the years of a long life.\n\nMost cells in the body copy their whole genome before they split into two daughter cells.\n\nA dividing cell shows three signs:\n\n- Its chromosomes condense and become visible under a light microscope\n- Its chromosomes line up along the middle of the spindle in the cell\n- Its sister chromatids separate and move to opposite poles of the cell\n',
      'Its ',
    ],
    [
      'law',
      'A contract binds the parties who made it and nobody else, as a rule of long standing.\n\nCourts in most countries enforce a contract only when several conditions are all met.\n\nA valid contract needs three elements:\n\n1. An offer that states clear terms the other side can accept without doubt\n2. An acceptance that mirrors the offer exactly and reaches the person who made it\n3. A consideration, something of value that each side gives to the other side\n',
      'A',
    ],
  ])('its lead-in and every item share a slide (%s)', (_subject, body, opening) => {
    const slides = content(deckOf(`# T\n\n## Part\n\n${body}`).slides)
    const items = (slide: SlidePlan): string[] => slide.body.flatMap((b) => (b.type === 'bullets' ? b.items.map((i) => runsText(i.runs)).filter((t) => t.startsWith(opening) && !t.startsWith('A contract')) : []))
    const withList = slides.filter((s) => items(s).length)
    expect(withList).toHaveLength(1)
    expect(items(withList[0])).toHaveLength(3)
    expect(withList[0].body.some((b) => b.type === 'paragraph' && /:$/.test(runsText(b.runs)))).toBe(true)
  })
})

describe('a lead-in does not push the text before it onto a slide of its own', () => {
  it.each([
    ['economics', 'A tariff is a tax on imports.\n\nIt has two effects:\n\n- prices rise at home\n- imports fall\n'],
    ['history', 'The empire split in the year 395.\n\nTwo courts ruled it:\n\n- one in Rome\n- one in Constantinople\n'],
  ])('%s', (_subject, body) => {
    const slides = content(deckOf(`# T\n\n## Part\n\n${body}`).slides).filter((s) => s.kind !== 'takeaways')
    expect(slides).toHaveLength(1)
  })
})

describe('a paragraph that stops mid-sentence leads into what follows', () => {
  it.each([
    ['physics', 'Energy was known to the ancients only in part. Newton wrote it down in full. The kinetic energy of a body of mass m moving at speed v is\n\n$$\nE = \\frac{1}{2} m v^2\n$$\n', 'math'],
    ['economics', 'Trade grew fast in the years after the war and reached every port of the continent. The three goods most traded were\n\n- grain\n- cloth\n- timber\n', 'bullets'],
  ])('%s', (_subject, body, kind) => {
    const slides = content(deckOf(`# T\n\n## Part\n\n${body}`).slides).filter((s) => s.kind !== 'takeaways')
    const lead = slides.find((s) => s.body.some((b) => texts(b).some((t) => /(?:is|were)$/.test(t))))!
    expect(lead.body.some((b) => b.type === kind && !texts(b).some((t) => /(?:is|were)$/.test(t)))).toBe(true)
  })
})
