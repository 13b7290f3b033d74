import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'

/** The text the audience sees: every slide's content, notes left out. */
const visible = (text: string): string => deckOf(text).parsed.slides.map((slide) => slide.content).join('\n')
/** The speaker notes of every slide. */
const notes = (text: string): string => deckOf(text).parsed.slides.map((slide) => slide.note ?? '').join('\n')

describe('emphasis markers that remark left as text never reach a slide', () => {
  it.each([
    ['an unclosed bold opener before a capital (chemistry)', '## Titration\n\nAdd the base drop by drop, **Stop when the pink colour stays for thirty seconds.\n', 'Stop when the pink colour stays'],
    ['a closing pair after a space (law)', '## Contracts\n\n__Offer and acceptance __\n\nA contract needs an offer that the other party accepts without changing its terms.\n', 'Offer and acceptance'],
    ['a pair standing as a marker before a sentence (botany)', '## Roots\n\nRoots take up water from the soil.\n\n** You may need to water seedlings twice a day in summer.\n', 'You may need to water seedlings'],
    ['an opening pair before a space (history)', '## Trade\n\n** Hanseatic League**\n\nMerchant towns along the northern coasts formed a league to protect their ships and their markets.\n', 'Hanseatic League'],
  ])('%s', (_name, note, words) => {
    const shown = visible(note)
    expect(shown).toContain(words)
    expect(shown).not.toMatch(/\\?\*\\?\*|\\?_\\?_/)
    // Every word stays in the speaker notes.
    expect(notes(note)).toContain(words)
  })

  it('shows a spaced pair standing alone as the bold label (a heading) the author meant', () => {
    const deck = deckOf('## Contracts\n\n__Offer and acceptance __\n\nA contract needs an offer that the other party accepts without changing its terms.\n')
    expect(deck.parsed.slides.some((slide) => /^#+ Offer and acceptance$/m.test(slide.content))).toBe(true)
  })

  it.each([
    ['snake_case double underscores inside a word', 'The column is named total__net in the ledger export file today.', 'total\\_\\_net'],
    ['a power written with two stars between digits', 'Memory sizes grow as 2**10 bytes per kilobyte in this old convention.', '2\\*\\*10'],
  ])('keeps %s as the author wrote it', (_name, sentence, shown) => {
    expect(visible(`## Data\n\n${sentence}\n`)).toContain(shown)
  })
})

describe('a bold phrase whose closing pair sits after a space', () => {
  it('shows the words after it apart from the bold words (physics)', () => {
    const shown = visible('# Physics\n\n## Waves\n\nA standing wave has nodes that never move, which is **surprising. **Yet the energy still flows between the loops of the wave.\n')
    expect(shown).toContain('surprising')
    expect(shown).toContain('Yet the energy')
    expect(shown).not.toMatch(/surprising\.\S|\\\*/)
  })
})
