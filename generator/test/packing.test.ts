/**
 * How units become slides: a lead-in shares its slide with what it introduces, no slide only
 * leads into the next, and splits leave no leftovers. Notes are written for these tests, in
 * several subjects; a property test runs the same invariants over generated section shapes.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { runsText } from '../src/text.js'
import { isThinBody } from '../src/plan/budget.js'
import { withoutRows, type Planned } from '../src/plan/sections.js'
import type { SlideBlock, SlidePlan } from '../src/types.js'

type Bullets = Extract<SlideBlock, { type: 'bullets' }>

/** Every line of text a slide body shows, in order. */
const texts = (body: SlideBlock[]): string[] =>
  body.flatMap((block) => {
    if (block.type === 'bullets') return block.items.flatMap((item) => [runsText(item.runs), ...item.children.map((c) => runsText(c.runs))])
    if (block.type === 'definitions') return block.items.map((item) => `${runsText(item.term)}: ${runsText(item.gist)}`)
    if (block.type === 'table') return block.rows.map((row) => row.map(runsText).join(' | '))
    return 'runs' in block ? [runsText(block.runs)] : []
  })

/**
 * The planner's invariant: the content slides that only lead into the next slide of the same
 * section, i.e. whose whole body is one short line (at most 12 words), or a lead-in alone.
 */
export function leadOnlySlides(slides: SlidePlan[]): SlidePlan[] {
  return slides.filter((slide, i) => {
    const next = slides[i + 1]
    if (slide.kind !== 'content' || !next || ['section', 'takeaways', 'end'].includes(next.kind)) return false
    const body = texts(slide.body)
    const leadInAlone = body.length === 1 && /[:：]$/.test(body[0].trim())
    return leadInAlone || (isThinBody(slide.body) && next.title === slide.title)
  })
}

const sentence = (words: string, n: number): string => `${words.split(' ').slice(0, n).join(' ')}.`

const notes: Array<[string, string]> = [
  [
    'biology: an opening sentence, a lead-in and a three-step list',
    '# Cells\n\n## Division\n\nEvery cell that divides copies its genome first. The cycle then runs in three phases:\n\n1. Chromosomes condense and line up\n2. Sister chromatids move to opposite poles\n3. The cell pinches into two daughters\n\nThe checkpoints between phases stop a damaged cell from dividing at all.\n',
  ],
  [
    'law: a long opener before a lead-in and its list',
    '# Contracts\n\n## Formation\n\nA court asks whether the parties meant to be bound, and it reads their words as any reasonable person would have read them. A valid contract needs three elements:\n\n1. An offer that states its terms clearly enough to accept\n2. An acceptance that mirrors the offer exactly and in time\n3. Consideration, something of value given by each party\n\nWithout all three elements, no court will enforce the agreement, however fair its terms may seem to the parties who signed it.\n',
  ],
  [
    'economics: a section opening with one question before its subsections',
    '# Markets\n\n## Prices\n\nWhy do prices settle where they do?\n\n### Demand\n\nBuyers want more of a good when its price falls, other things being equal. Income and tastes shift the whole curve.\n\n### Supply\n\nSellers offer more of a good when its price rises. Costs and technology shift the whole curve.\n',
  ],
  [
    'history: a subsection with one line before its own subsections',
    '# Revolutions\n\n## France\n\nThe monarchy faced a debt crisis that it could not solve alone.\n\n### Phases\n\nThe revolution passed through three stages.\n\n#### The assembly\n\nDeputies of the third estate declared themselves the nation and swore not to part until they had written a constitution.\n\n#### The terror\n\nA committee ruled by decree and sent thousands of suspects to the guillotine within a year.\n\n#### The directory\n\nA weak council of five governed until a general seized power in a coup.\n',
  ],
  [
    'chemistry: a lead-in before a run of definitions',
    '# Bonds\n\n## Kinds of bond\n\nAtoms hold together in different ways, depending on how many outer electrons they have and how hard their nuclei pull. Chemists name three kinds of bond:\n\n- **Ionic**: one atom gives an electron to another\n- **Covalent**: two atoms share a pair of electrons\n- **Metallic**: free electrons move through a lattice of ions\n',
  ],
  [
    'economics: a lead-in whose three definitions fit a slide only without it',
    '# Labour\n\n## Unemployment\n\nEconomists do not treat every jobless worker alike, because the causes differ and so do the cures. A policy that helps one group can leave another untouched for years. The usual scheme sorts them into three kinds of unemployment:\n\n- **Frictional**: workers between two jobs who are still searching for a better match\n- **Structural**: workers whose skills no longer fit what the employers in their region need\n- **Cyclical**: workers laid off because total demand fell during a recession in the economy\n',
  ],
  [
    'computing: an item whose sub-bullets need two slides',
    '# Networks\n\n## Layers\n\n- The transport layer carries data between two programs on different machines\n  - It splits a long stream of bytes into segments of a size the network accepts\n  - It numbers each segment so that the receiver can put them back in order\n  - It resends a segment that the receiver did not acknowledge in time\n  - It slows the sender down when the receiver or the network is overloaded\n  - It can also skip all of this when an application prefers speed to reliability\n',
  ],
  [
    'geography: a short opener before numbered steps drawn as a diagram',
    '# Rivers\n\n## The water cycle\n\nWater moves between the sea, the air and the land. The cycle goes as follows:\n\n1. The sun warms the sea and water evaporates\n2. The vapour cools and condenses into clouds\n3. Rain falls on the hills and the land\n4. Rivers carry the water back to the sea\n',
  ],
]

describe('no slide only leads into the next', () => {
  it.each(notes)('%s', (_label, note) => {
    const slides = deckOf(note).slides
    expect(leadOnlySlides(slides).map((slide) => [slide.title, texts(slide.body)])).toEqual([])
  })

  it('keeps the opening sentence, the lead-in and a short list (or its diagram) on one slide (biology)', () => {
    const slides = deckOf(notes[0][1]).slides
    const slide = slides.find((s) => texts(s.body).some((t) => t.endsWith('three phases:')))!
    expect(texts(slide.body).some((t) => t.startsWith('Every cell that divides'))).toBe(true)
    const steps = slide.body.flatMap((b) => (b.type === 'bullets' && b.ordered ? b.items : b.type === 'diagram' && b.diagram.kind === 'steps' ? b.diagram.steps : []))
    expect(steps).toHaveLength(3)
  })

  it('shows a long opener on the divider when it cannot share the list slide, and keeps the list whole (law)', () => {
    const slides = deckOf(notes[1][1]).slides
    const divider = slides.find((s) => s.kind === 'section')!
    expect(texts(divider.body)[0]).toMatch(/^A court asks whether the parties meant to be bound/)
    const lists = slides.filter((s) => s.body.some((b) => b.type === 'bullets' && b.ordered))
    expect(lists).toHaveLength(1)
    expect(texts(lists[0].body)[0]).toBe('A valid contract needs three elements:')
    expect((lists[0].body.find((b) => b.type === 'bullets') as Bullets).items).toHaveLength(3)
    // Its part marker counts from the first content slide, not from the divider.
    expect(lists[0].part).toBe('1/2')
  })

  it("shows a section's opening question on its divider (economics)", () => {
    const slides = deckOf(notes[2][1]).slides
    const divider = slides.find((s) => s.kind === 'section' && s.title === 'Prices')!
    expect(texts(divider.body)).toEqual(['Why do prices settle where they do?'])
    expect(divider.notes).toContain('Why do prices settle where they do?')
  })

  it("names a subsection's own subsections under its one line (history)", () => {
    const slide = deckOf(notes[3][1]).slides.find((s) => s.title === 'Phases')!
    expect(texts(slide.body)).toEqual(['The revolution passed through three stages', 'The assembly', 'The terror', 'The directory'])
  })

  it('keeps a lead-in and its three definitions on one slide, its opening sentence on the divider (chemistry)', () => {
    const deck = deckOf(notes[4][1]).slides
    const slides = deck.filter((s) => s.body.some((b) => b.type === 'definitions'))
    expect(slides).toHaveLength(1)
    const definitions = slides[0].body.find((b) => b.type === 'definitions') as Extract<SlideBlock, { type: 'definitions' }>
    expect(definitions.items.map((item) => runsText(item.term))).toEqual(['Ionic', 'Covalent', 'Metallic'])
    expect(texts(slides[0].body)[0]).toBe('Chemists name three kinds of bond:')
    expect(texts(deck.find((s) => s.kind === 'section')!.body)[0]).toMatch(/^Atoms hold together in different ways/)
  })

  it('keeps a run of definitions whole rather than leave a one-row part, its lead-in said with it, never closing the slide before (economics)', () => {
    const slides = deckOf(notes[5][1]).slides.filter((s) => s.kind !== 'takeaways')
    const tables = slides.filter((s) => s.body.some((b) => b.type === 'definitions'))
    expect(tables).toHaveLength(1)
    const definitions = tables[0].body.find((b) => b.type === 'definitions') as Extract<SlideBlock, { type: 'definitions' }>
    expect(definitions.items).toHaveLength(3)
    expect(tables[0].notes).toContain('The usual scheme sorts them into three kinds of unemployment:')
    for (const slide of slides) expect(texts(slide.body).at(-1) ?? '').not.toMatch(/:$/)
  })

  it('splits sub-bullets evenly, never leaving one alone under a repeated parent (computing)', () => {
    const slides = deckOf(notes[6][1]).slides.filter((s) => s.kind === 'content')
    expect(slides.length).toBeGreaterThan(1)
    const sizes = slides.map((s) => (s.body[0] as Bullets).items[0].children.length)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    expect(Math.min(...sizes)).toBeGreaterThan(1)
  })

  it('keeps a short opener and the lead-in with the steps they introduce (geography)', () => {
    const slides = deckOf(notes[7][1]).slides.filter((s) => texts(s.body).some((t) => t.startsWith('Rain falls')))
    expect(slides).toHaveLength(1)
    expect(texts(slides[0].body)[0]).toBe('Water moves between the sea, the air and the land. The cycle goes as follows:')
  })
})

describe('a comparison table replaces what it restates', () => {
  const definitions = (terms: string[]): SlideBlock => ({
    type: 'definitions',
    header: [[{ text: 'Term' }], [{ text: 'In short' }]],
    items: terms.map((term) => ({ term: [{ text: term }], gist: [{ text: `what ${term} does` }] })),
  })
  const slide = (body: SlideBlock[], notes: string): Planned => ({ slide: { kind: 'definitions', layout: 'default', title: 'Tariffs', body, notes, lines: { start: 1, end: 2 } } })
  const table: Extract<SlideBlock, { type: 'comparison' }> = {
    type: 'comparison',
    subjects: ['Quota', 'Levy'],
    showAspects: true,
    rows: [{ aspect: 'Effect', cells: [[{ text: 'caps imports' }], [{ text: 'raises prices' }]] }],
  }

  it('drops the definitions of the table subjects, and gives their notes to the table', () => {
    const { planned, dropped } = withoutRows([slide([definitions(['Quota', 'Levy'])], 'Quota: caps imports. Levy: raises prices.')], table)
    expect(planned).toEqual([])
    expect(dropped).toEqual(['Quota: caps imports. Levy: raises prices.'])
  })

  it('keeps definitions of other terms', () => {
    const { planned } = withoutRows([slide([definitions(['Quota', 'Levy', 'Embargo'])], 'n')], table)
    const kept = (planned[0] as { slide: SlidePlan }).slide.body[0] as Extract<SlideBlock, { type: 'definitions' }>
    expect(kept.items.map((item) => runsText(item.term))).toEqual(['Embargo'])
  })

  it('keeps a definitions run that names only one subject', () => {
    const only = [slide([definitions(['Quota', 'Embargo'])], 'n')]
    expect(withoutRows(only, table).planned).toEqual(only)
  })
})

describe('section shapes (property)', () => {
  const vocabulary = 'the river carries fine sand down from the hills to a wide delta where farmers plant rice in spring and harvest it before the floods return each year with new soil'
  const words = vocabulary.split(' ')
  const line = (n: number, offset: number): string => {
    const picked = Array.from({ length: n }, (_, i) => words[(offset + i) % words.length])
    return picked.join(' ').replace(/^./, (c) => c.toUpperCase())
  }
  const text = fc.tuple(fc.integer({ min: 3, max: 26 }), fc.nat(40)).map(([n, at]) => line(n, at))
  const list = fc.array(text, { minLength: 1, maxLength: 9 }).map((items) => items.map((item, i) => `${i + 1}. ${item}`).join('\n'))
  // Terms differ between lists: lists that share their terms make a comparison table, tested elsewhere.
  const definitions = fc
    .tuple(fc.array(text, { minLength: 2, maxLength: 6 }), fc.nat(1_000_000))
    .map(([items, tag]) => items.map((item, i) => `- **Term${tag}x${i}**: ${item.toLowerCase()}`).join('\n'))
  const openers = fc.array(text, { maxLength: 3 }).map((sentences) => sentences.map((s) => `${s}.`).join(' '))
  const leadIn = fc.tuple(openers, text, fc.oneof(list, definitions)).map(([before, lead, body]) => `${before} ${lead}:\n\n${body}`.trim())
  const block = fc.oneof(
    { weight: 2, arbitrary: text.map((s) => `${s}.`) },
    { weight: 3, arbitrary: leadIn },
    { weight: 1, arbitrary: list.map((l) => l.replace(/^\d+\./gm, '-')) },
  )
  const section: fc.Arbitrary<string> = fc
    .tuple(fc.array(block, { maxLength: 4 }), fc.array(fc.array(block, { minLength: 1, maxLength: 3 }), { maxLength: 3 }))
    .map(([own, children]) => [own.join('\n\n'), ...children.map((blocks, i) => `### Part ${i + 1}\n\n${blocks.join('\n\n')}`)].join('\n\n'))
  const note = fc.array(section, { minLength: 1, maxLength: 3 }).map((sections) => `# Delta\n\n${sections.map((s, i) => `## Topic ${i + 1}\n\n${s}`).join('\n\n')}\n`)

  it('never plans a slide that only leads into the next, and keeps every list item in the notes', () => {
    fc.assert(
      fc.property(note, (markdown) => {
        const slides = deckOf(markdown).slides
        expect(leadOnlySlides(slides).map((slide) => [slide.title, texts(slide.body)])).toEqual([])
        const allNotes = slides.map((s) => s.notes).join('\n')
        for (const item of markdown.match(/^(?:\d+\.|-) .+$/gm) ?? []) expect(allNotes).toContain(item.replace(/^(?:\d+\.|-) /, '').replace(/\*\*/g, ''))
      }),
      { numRuns: 60, seed: 12 },
    )
  })
})
