import { describe, expect, it } from 'vitest'
import { distinctTitles, TITLE_MAX_CHARS } from '../src/plan/titles.js'
import type { Section } from '../src/types.js'
import { deckOf } from './helpers.js'

/** The titles of a deck's content, diagram and table slides, with their "2/3" markers. */
function shownTitles(note: string): string[] {
  return deckOf(note)
    .slides.filter((slide) => slide.kind !== 'cover' && slide.kind !== 'agenda' && slide.kind !== 'end' && slide.kind !== 'takeaways')
    .map((slide) => (slide.part ? `${slide.title} ${slide.part}` : slide.title))
}

/** A section tree from heading lines ("## A", "### B"), for the title rules alone. */
function sectionsOf(headings: string[]): Section[] {
  const root: Section = { depth: 0, title: 'note', blocks: [], children: [], lines: { start: 1, end: 1 }, headingLine: 1 }
  const stack = [root]
  for (const [i, line] of headings.entries()) {
    const [, marks, title] = /^(#+)\s+(.*)$/.exec(line)!
    const section: Section = { depth: marks.length, title, blocks: [], children: [], lines: { start: i + 1, end: i + 1 }, headingLine: i + 1 }
    while (stack.length > 1 && stack[stack.length - 1].depth >= section.depth) stack.pop()
    stack[stack.length - 1].children.push(section)
    stack.push(section)
  }
  return root.children
}

const bread = `# Home baking

## Baking a sourdough loaf

Sourdough rises with a starter of wild yeast instead of bought yeast.

### What you need

- A lively starter fed the night before
- Strong white flour and salt

### Steps

1. Mix the flour, water and starter into a shaggy dough
2. Fold the dough every half hour for two hours
3. Shape the loaf and leave it in the fridge overnight
4. Bake it in a hot covered pot for forty minutes

### Common faults

A dense crumb usually means the starter was too weak. A pale crust means the oven was not hot enough.

## Cleaning a cast-iron pot

Cast iron rusts when it is left wet, so it needs a gentle routine.

### Steps

1. Scrub the pot with salt while it is still warm
2. Rinse it briefly and dry it on the hob
3. Rub a thin film of oil over the inside

### Storing the pot

Keep the lid off so that no damp is trapped inside, and hang the pot somewhere dry.

## Mending a tea towel

A torn towel lasts for years once the tear is darned.

### What you need

- A darning needle and cotton thread
`

describe('titles of sections that share a heading', () => {
  it('names the part a shared heading belongs to, so two procedures never share a title', () => {
    const titles = shownTitles(bread)
    expect(titles).toContain('Baking a sourdough loaf: Steps')
    expect(titles).toContain('Cleaning a cast-iron pot: Steps')
    expect(titles).toContain('Baking a sourdough loaf: What you need')
    expect(titles).toContain('Mending a tea towel: What you need')
    expect(titles).not.toContain('Steps')
    expect(titles).not.toContain('What you need')
  })

  it('keeps section dividers and headings of their own as written', () => {
    const deck = deckOf(bread)
    const dividers = deck.slides.filter((slide) => slide.kind === 'section').map((slide) => slide.title)
    expect(dividers).toEqual(['Baking a sourdough loaf', 'Cleaning a cast-iron pot', 'Mending a tea towel'])
    expect(deck.slides.map((slide) => slide.title)).toContain('Common faults')
    const agenda = deck.slides.find((slide) => slide.kind === 'agenda')!
    expect(JSON.stringify(agenda.body)).not.toContain(': Steps')
  })

  it('keeps the continuation marker on every slide of a long shared section', () => {
    const steps = Array.from({ length: 14 }, (_, i) => `${i + 1}. Sow the seeds of row ${i + 1} a finger deep and water them well before the evening frost`).join('\n')
    const note = `# Allotment\n\n## Spring beds\n\nThe spring beds take the early crops.\n\n### Method\n\n${steps}\n\n## Autumn beds\n\nThe autumn beds rest under straw.\n\n### Method\n\n1. Pull the last roots\n2. Spread the straw thickly\n`
    const titles = shownTitles(note)
    const spring = titles.filter((title) => title.startsWith('Spring beds: Method'))
    expect(spring.length).toBeGreaterThan(1)
    expect(spring).toEqual(spring.map((_, i) => `Spring beds: Method ${i + 1}/${spring.length}`))
    expect(titles).toContain('Autumn beds: Method')
  })

  it('shows the full title when shortening alone made two titles the same', () => {
    const note = `# Probability\n\n## Definition: expected value\n\nThe expected value weighs each outcome by its probability.\n\n- It is a sum for a discrete variable\n- It is an integral for a continuous one\n\n## Definition: variance\n\nThe variance measures how far outcomes spread around the mean.\n\n- It is the expected squared distance from the mean\n- Its square root is the standard deviation\n`
    const titles = shownTitles(note)
    expect(titles).toContain('Definition: expected value')
    expect(titles).toContain('Definition: variance')
    expect(titles).not.toContain('Definition')
  })

  it('leaves a heading that no other section has alone', () => {
    const note = `# Rivers\n\n## The Danube\n\nThe Danube flows through ten countries.\n\n### Sources\n\n- It rises in the Black Forest\n\n## The Rhine\n\nThe Rhine flows north to the sea.\n\n### Mouth\n\n- It ends in a wide delta\n`
    const titles = shownTitles(note)
    expect(titles).toContain('Sources')
    expect(titles).toContain('Mouth')
  })
})

describe('distinctTitles', () => {
  it.each([
    [
      'the nearest part above whose title is its own, not a shared one between',
      ['## Treaty of Versailles', '### Terms', '#### Summary', '## Congress of Vienna', '### Terms', '#### Summary'],
      ['Treaty of Versailles: Terms', 'Treaty of Versailles: Summary', 'Congress of Vienna: Terms', 'Congress of Vienna: Summary'],
    ],
    [
      'the section it is in when no part above has a title of its own (the top-level section keeps its own)',
      ['## Worked problems', '### Example', '#### Solution', '## Example', '### Solution'],
      ['Worked problems: Example', 'Worked problems: Solution', 'Example: Solution'],
    ],
    [
      'the nearest part that tells them apart, even when that part shares its own title elsewhere',
      ['## Tools', '### Saw', '#### Care', '### Plane', '#### Care', '## Saw'],
      ['Tools: Saw', 'Saw: Care', 'Plane: Care'],
    ],
    [
      'numbers for siblings of one title under one parent',
      ['## Sonnets', '### Reading', '### Reading', '## Ballads', '### Reading'],
      ['Sonnets: Reading (1)', 'Sonnets: Reading (2)', 'Ballads: Reading'],
    ],
    [
      'a dash after a parent that asks a question',
      ['## Why do leaves fall?', '### Evidence', '## Why do birds migrate?', '### Evidence'],
      ['Why do leaves fall? – Evidence', 'Why do birds migrate? – Evidence'],
    ],
  ])('gives %s', (_, headings, expected) => {
    const titles = distinctTitles(sectionsOf(headings))
    expect([...titles.values()]).toEqual(expected)
  })

  it('leaves a section under one of its own title with that one', () => {
    const sections = sectionsOf(['## Glazes', '### Glazes', '## Kilns', '### Firing'])
    expect(distinctTitles(sections).size).toBe(0)
  })

  it('leaves the top-level section of a shared title as it is and compares without case or punctuation', () => {
    const sections = sectionsOf(['## Proof', '## Lemma', '### proof:'])
    const titles = distinctTitles(sections)
    expect(titles.get(sections[0])).toBeUndefined()
    expect(titles.get(sections[1].children[0])).toBe('Lemma: proof')
  })

  it('numbers a pair too long for a title instead of passing the title limit', () => {
    const north = 'The rise and the slow decline of the wool guilds in the northern market towns'
    const south = north.replace('northern', 'southern')
    const sections = sectionsOf([`## ${north}`, '### Sources', `## ${south}`, '### Sources'])
    expect([...distinctTitles(sections).values()]).toEqual(['Sources (1)', 'Sources (2)'])
  })
})
