import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'

/** The text the audience sees: every slide's content, notes left out. */
const visible = (text: string): string => deckOf(text).parsed.slides.map((slide) => slide.content).join('\n')
/** The speaker notes of every slide. */
const notes = (text: string): string => deckOf(text).parsed.slides.map((slide) => slide.note ?? '').join('\n')

describe("a note-taker's line markers and tags stay off the slides", () => {
  const sorted = [
    '## The French Revolution',
    '',
    '- & The estates met for the first time in over a century',
    '    - % My grandfather visited Versailles once',
    '- & The third estate declared itself a national assembly',
    '- & Prices of bread rose sharply through the spring',
    '- % Check the date of the tennis court oath',
    '- % Ask about the flight to Varennes',
    '',
  ].join('\n')

  it('removes a symbol that opens three or more items, and keeps it in the notes', () => {
    const shown = visible(sorted)
    expect(shown).toContain('The third estate declared itself a national assembly')
    expect(shown).not.toMatch(/(?:^|\n)\s*- \\?[&%] /)
    expect(notes(sorted)).toContain('& The third estate declared itself')
  })

  it('leaves a symbol that opens only one or two items as written', () => {
    const note = '## Budgets\n\n- $ 40 is the weekly limit for groceries in this plan\n- Rent is paid on the first day of each month\n- Savings go to a separate account\n'
    expect(visible(note)).toMatch(/\\?\$ 40 is the weekly limit/)
  })

  it('moves a tag that closes a line (Logseq #card) to the notes', () => {
    const note = '## Cells\n\n- Osmosis #card\n    - Water crosses a membrane towards the side with more dissolved salt\n- Diffusion #card #biology\n    - Particles spread from where they are crowded to where they are sparse\n'
    const shown = visible(note)
    expect(shown).toContain('Osmosis')
    expect(shown).not.toContain('#card')
    expect(notes(note)).toContain('#card')
    // A hashtag inside a sentence is the author's text.
    expect(visible('## Media\n\nThe campaign used #vote2024 on posters across the country before noon.\n')).toContain('#vote2024 on posters')
  })
})

describe('a table of contents linking to repeated headings', () => {
  it('goes to the notes even when a link names the second heading of that name (`#setup-1`)', () => {
    const note = [
      '- [Pottery](#pottery)',
      '    - [Setup](#setup)',
      '- [Weaving](#weaving)',
      '    - [Setup](#setup-1)',
      '',
      '# Pottery',
      '',
      '## Setup',
      '',
      'Wedge the clay until no air bubbles are left inside it.',
      '',
      '# Weaving',
      '',
      '## Setup',
      '',
      'Thread the warp through the heddles before you start the weft.',
      '',
    ].join('\n')
    const shown = visible(note)
    expect(shown).not.toContain('[Setup]')
    expect(shown).not.toMatch(/\(#setup-1\)/)
    expect(notes(note)).toContain('Contents:')
  })
})
