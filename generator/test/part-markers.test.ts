import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { findGroups } from '../src/plan/diagrams/structure.js'

// Own words: notes on the Roman Republic in two numbered parts, with ### sections in each.
const ROME = `1- The early Republic

Rome drove out its last king and set up two consuls who served for one year.

### The Senate

The Senate advised the consuls and controlled the treasury.

### The assemblies

Citizens voted in assemblies that elected the magistrates.

2- Crisis of the Republic

### The Gracchi

Two brothers tried to give public land to the poor and were killed for it.

### Civil wars

Generals with private armies fought each other for control of the city.
`

describe('numbered part lines', () => {
  it('titles each part by its own line, not "Introduction", and shows no part line as a bullet', () => {
    const slides = deckOf(ROME).slides
    const titles = slides.map((slide) => slide.title)
    // Content slides drop the part number; a part's divider keeps its title as written.
    // The part lines sit one level above the ### sections: two parts, each over its sections.
    expect(titles.some((title) => /^(?:1- )?The early Republic$/.test(title))).toBe(true)
    const agenda = slides.find((slide) => slide.kind === 'agenda')
    expect(agenda?.notes).toMatch(/2 parts: 1- The early Republic; 2- Crisis of the Republic\./)
    expect(titles).toContain('The Senate')
    expect(titles).not.toContain('Introduction')
    const content = slides.filter((slide) => slide.kind !== 'agenda')
    const bullets = content.flatMap((slide) => slide.body.flatMap((block) => (block.type === 'bullets' ? block.items.map((item) => item.runs.map((run) => run.text).join('')) : [])))
    expect(bullets.some((text) => /Crisis of the Republic/.test(text))).toBe(false)
  })

  it('keeps a single numbered line as written', () => {
    const note = `1- Only one\n\n### Soil\n\nSoil holds water.\n\n### Rock\n\nRock does not.\n`
    expect(deckOf(note).slides.map((slide) => slide.title)).not.toContain('1- Only one')
  })
})

describe('groups from sibling sections', () => {
  it('takes no part number for a group name ("1. Sediment" beside "2. Fine sediment")', () => {
    const section = deckOf(`# Rivers\n\n## Load\n\n### 1. Sediment\n\n- Sand\n- Gravel\n\n### 2. Fine sediment\n\n- Silt\n- Clay\n`).outline.sections[0]
    expect(findGroups(section)).toBeUndefined()
  })
})
