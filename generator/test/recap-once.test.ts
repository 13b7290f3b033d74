import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'

const filler = (topic: string): string =>
  Array.from({ length: 6 }, (_, i) => `${topic} matters for reason number ${i + 1}, which the class discussed at length.`).join('\n\n')

/** A note on the water cycle with a recap near its end, then a reading list. */
const NOTE = `# The water cycle

## Evaporation

${filler('Evaporation')}

## Condensation

${filler('Condensation')}

## Quick recap

- Heat from the sun turns surface water into vapour
- Vapour cools into droplets that form clouds
- Rain returns the water in three ways:
  1. Runoff flows into rivers
  2. Infiltration refills the ground water
  3. Snow stores water until spring

## Further reading

- [A textbook chapter](https://example.org/water)
`

describe('a recap the takeaways show whole is shown once', () => {
  it('puts the recap in the takeaways only, with its lead-in item and that item’s list', () => {
    const deck = deckOf(NOTE)
    const recapSlides = deck.slides.filter((slide) => slide.title.startsWith('Quick recap'))
    expect(recapSlides.length).toBeGreaterThan(0)
    expect(recapSlides.every((slide) => slide.kind === 'takeaways')).toBe(true)
    const shown = deck.markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n').filter((line) => /^\s*- (Heat from the sun|Infiltration refills)/.test(line))
    expect(shown).toHaveLength(2)
    expect(deck.markdown).toMatch(/- Rain returns the water in three ways\n {2}- Runoff flows into rivers/)
  })

  it('keeps every sentence of the recap in the deck and leaves it off the agenda', () => {
    const deck = deckOf(NOTE)
    const notes = deck.slides.map((slide) => slide.notes).join('\n')
    for (const sentence of ['Vapour cools into droplets that form clouds', 'Snow stores water until spring', 'Rain returns the water in three ways:']) expect(notes).toContain(sentence)
    const agenda = deck.slides.find((slide) => slide.kind === 'agenda')
    expect(JSON.stringify(agenda?.body ?? '')).not.toContain('Quick recap')
  })

  it('leaves a recap early in the note in its place', () => {
    const early = NOTE.replace(/## Quick recap[\s\S]*?(?=## Further reading)/, '').replace('## Evaporation', `## Quick recap\n\n- Heat from the sun turns surface water into vapour\n- Vapour cools into droplets that form clouds\n\n## Evaporation`)
    const deck = deckOf(early)
    expect(deck.slides.some((slide) => slide.title.startsWith('Quick recap') && slide.kind !== 'takeaways')).toBe(true)
  })
})
