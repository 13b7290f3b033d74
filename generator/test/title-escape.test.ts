/** Titles go into the deck escaped and come back out as the same plain text. */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { escapeTitle, plainTitle } from '../src/emit/escape.js'
import { checkDeck } from '../src/deck-report.js'
import { deckOf } from './helpers.js'

describe('title escaping', () => {
  it('lets lectern check name slides by their titles as written', () => {
    const note = '# Trade </div> and <img src=x> {{ 1 }}\n\n## Tariffs \\<b> {{ 2 }}\n\nA tariff is a tax on imports. It raises prices.\n'
    const { markdown } = deckOf(note)
    const titles = checkDeck(markdown, note, 'trade').perSlide.map((slide) => slide.title)
    expect(titles).toContain('Trade </div> and <img src=x> {{ 1 }}')
    expect(titles).toContain('Tariffs <b> {{ 2 }}')
  })

  it('reads back any title as the same plain text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab1mp <>/{}[]()*_`\\&#;!|~$^-=+.:\n"\''.split('')) }), (text) => {
        expect(plainTitle(escapeTitle(text))).toBe(text.replace(/\s+/g, ' ').trim())
      }),
      { numRuns: 2000 },
    )
  })
})
