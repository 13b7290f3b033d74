/**
 * A lead-in and what it introduces are packed as one: an aside written between them does not
 * part them, a clause that ends in a comma leads into its list, and a table's later parts do not
 * give up the room its lead-in takes on the first. Notes are written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { runsText } from '../src/text.js'
import type { SlideBlock, SlidePlan } from '../src/types.js'

const slidesTitled = (text: string, title: string): SlidePlan[] => deckOf(text).slides.filter((slide) => slide.title.startsWith(title))
const has = (slide: SlidePlan, type: SlideBlock['type']): boolean => slide.body.some((block) => block.type === type)
const paragraphs = (slide: SlidePlan): string[] => slide.body.flatMap((block) => (block.type === 'paragraph' ? [runsText(block.runs)] : []))

describe('a lead-in with an aside before what it introduces', () => {
  it.each([
    [
      'a table',
      '# Kiln firing\n\n## Cones\n\nThe potter picks a cone for each firing from these:\n\n> **Tip:** write the cone on the bottom of every pot.\n\n| Cone | Use |\n| --- | --- |\n| 06 | Bisque ware |\n| 6 | Mid-range glaze |\n| 10 | Stoneware |\n',
      'table',
    ],
    [
      'a list',
      '# Night sky\n\n## Finding north\n\nOn a clear night there are two reliable guides:\n\n> Light from towns hides the faint stars.\n\n- The two pointer stars of the Plough\n- The pole star at the end of the Little Bear\n',
      'bullets',
    ],
  ])('shares its slide with %s, the aside after it', (_, note, type) => {
    const slides = slidesTitled(note, note.split('\n## ')[1].split('\n')[0])
    const led = slides.find((slide) => paragraphs(slide).some((text) => /:$/.test(text)))
    expect(led).toBeDefined()
    expect(has(led!, type as SlideBlock['type'])).toBe(true)
    // The aside is still shown, after what the lead-in introduces.
    const all = slides.flatMap((slide) => slide.body)
    const aside = all.findIndex((block) => block.type === 'quote' || block.type === 'callout')
    const introduced = all.findIndex((block) => block.type === type)
    expect(aside).toBeGreaterThan(introduced)
  })

  it('keeps an aside in place when the paragraph before it leads into nothing', () => {
    const note = '# Tides\n\n## Spring tides\n\nThe sea rises highest when sun and moon pull together.\n\n> Neap tides come a week later.\n\n- Spring tides follow a new or full moon\n- Neap tides follow a half moon\n'
    const all = slidesTitled(note, 'Spring tides').flatMap((slide) => slide.body)
    const aside = all.findIndex((block) => block.type === 'quote' || block.type === 'callout')
    const list = all.findIndex((block) => block.type === 'bullets' && block.items.some((item) => runsText(item.runs).startsWith('Spring tides follow')))
    expect(aside).toBeGreaterThanOrEqual(0)
    expect(aside).toBeLessThan(list)
  })
})

describe('a clause that ends in a comma before a list', () => {
  it('is not left alone on a slide before its items', () => {
    const clause = 'A bridge of this kind stays standing through every storm of the season, as its designers have long promised the town, provided that,'
    const items = [
      'the deck is anchored to both banks with steel cables that are checked by inspectors every single spring',
      'the piers stand on rock rather than on the soft river mud that shifts after each flood of the wet season',
    ]
    const note = `# Bridges\n\n## Staying up\n\n${clause}\n\n${items.map((item) => `- ${item}`).join('\n')}\n\n> Old bridges were built with a wide margin of safety.\n`
    const slides = slidesTitled(note, 'Staying up')
    expect(slides.length).toBeGreaterThan(1)
    const first = slides.find((slide) => slide.body.some((block) => 'runs' in block && runsText(block.runs).startsWith('A bridge')) || slide.body.some((block) => block.type === 'bullets' && block.items.some((item) => runsText(item.runs).startsWith('A bridge'))))
    expect(first).toBeDefined()
    // The clause shares its slide with at least the first of its items.
    expect(first!.body.some((block) => block.type === 'bullets' && block.items.some((item) => runsText(item.runs).startsWith('the deck')))).toBe(true)
  })
})

describe('a table under a lead-in', () => {
  const rows = Array.from({ length: 14 }, (_, i) => `| Stage ${i + 1} | The seedling is moved to a larger pot with fresh soil |`)
  const table = `| Stage | What happens |\n| --- | --- |\n${rows.join('\n')}\n`
  const lead = 'Each week of the nursery schedule has its own step, and the gardeners follow the steps in this order without skipping any of them:'
  const partsOf = (note: string): number[] => deckOf(note).slides.filter((slide) => slide.kind === 'table').map((slide) => slide.body.find((block) => block.type === 'table')!.rows.length)

  it('gives its later parts the whole slide (the lead-in is only on the first)', () => {
    const led = partsOf(`# Nursery\n\n## Schedule\n\n${lead}\n\n${table}`)
    const plain = partsOf(`# Nursery\n\n## Schedule\n\n${table}`)
    expect(led.reduce((a, b) => a + b, 0)).toBe(14)
    // The lead-in costs the table no more than one extra part.
    expect(led.length).toBeLessThanOrEqual(plain.length + 1)
    expect(Math.max(...led.slice(1))).toBe(Math.max(...plain))
  })
})
