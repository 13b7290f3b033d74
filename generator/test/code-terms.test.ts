import { describe, expect, it } from 'vitest'
import { runsText } from '../src/text.js'
import { codeTermOf, dashTermOf } from '../src/plan/blocks/definitions.js'
import { deckOf } from './helpers.js'

describe('a code term followed by its gloss', () => {
  it.each([
    ['`-z` Compress the archive before sending', '-z', 'Compress the archive before sending'],
    ['`-d` or `--plan` Show what would change', '-d or --plan', 'Show what would change'],
    ["`-k` Don't stop at the first failure", '-k', "Don't stop at the first failure"],
    ['`-q` quiet output for scripts', '-q', 'quiet output for scripts'],
  ])('reads %j as a term and its meaning', (line, term, gloss) => {
    const runs = [...line.matchAll(/`([^`]+)`|([^`]+)/g)].map((m) => (m[1] !== undefined ? { text: m[1], code: true } : { text: m[2] }))
    const found = codeTermOf(runs)
    expect(found).toBeDefined()
    expect(runsText(found!.term)).toBe(term)
    expect(runsText(found!.explanation)).toBe(gloss)
  })

  it.each([
    ['`rsync` copies files between hosts'],
    ['`make` is the build tool here'],
    ['`-z` alone'],
    ['`a very long command line with many words in it` Run it'],
    ['Run `-z` to compress'],
  ])('does not read %j as one', (line) => {
    const runs = [...line.matchAll(/`([^`]+)`|([^`]+)/g)].map((m) => (m[1] !== undefined ? { text: m[1], code: true } : { text: m[2] }))
    expect(codeTermOf(runs)).toBeUndefined()
  })
})

describe('paragraphs that each gloss a code term', () => {
  const note = [
    '# Archiver',
    '',
    '## Switches',
    '',
    '`-z` Compress the archive before sending',
    '',
    '`-v` List every file as it is packed',
    '',
    '`-x` or `-X` Unpack into the current folder',
    '',
    '`-p` Keep the original permissions: for example, owner ... Group bits are kept too.',
    '',
  ].join('\n')

  it('make one two-column table, a row per term, not bullets', () => {
    const deck = deckOf(note)
    expect(deck.markdown).toMatch(/^\| `-z` \| Compress the archive before sending \|$/m)
    expect(deck.markdown).toMatch(/^\| `-v` \| List every file as it is packed \|$/m)
    const slide = deck.slides.find((s) => s.kind === 'definitions')
    expect(slide?.body.some((block) => block.type === 'bullets')).toBe(false)
  })

  it('end a cell before a colon rather than on the note\'s own "..."', () => {
    const deck = deckOf(note)
    expect(deck.markdown).toMatch(/^\| `-p` \| Keep the original permissions \|$/m)
    // The whole line stays in the speaker notes.
    expect(deck.markdown).toContain('owner ... Group bits are kept too.')
  })

  it('leave sentences about a command as they are', () => {
    const deck = deckOf('# Tools\n\n## Copying\n\n`rsync` copies files between hosts.\n\n`scp` sends one file over ssh.\n')
    expect(deck.markdown).not.toContain('| `rsync` |')
  })
})

describe('a short name set off by a spaced dash', () => {
  it.each([
    ['Night train - leaves at ten and arrives by morning', 'Night train', 'Leaves at ten and arrives by morning'],
    ['Day pass - covers every bus in the zone', 'Day pass', 'Covers every bus in the zone'],
  ])('reads %j as a term and its meaning', (line, term, gloss) => {
    const found = dashTermOf([{ text: line }])
    expect(runsText(found!.term)).toBe(term)
    expect(runsText(found!.explanation)).toBe(gloss)
  })

  it.each([
    ['a well-known route - rarely late'],
    ['The fare, paid on board - is cheaper'],
    ['Tickets - two'],
    ['One of the five routes that run all night long - busy'],
  ])('does not read %j as one', (line) => {
    expect(dashTermOf([{ text: line }])).toBeUndefined()
  })

  it('does not split a link whose text holds a dash', () => {
    expect(dashTermOf([{ text: 'Transit Blog - Night routes', href: 'https://example.org/a' }])).toBeUndefined()
  })

  it('makes paragraphs of such names one terms table', () => {
    const deck = deckOf('# Fares\n\n## Tickets\n\nSingle ride - one trip on any line within an hour\n\nDay pass - covers every bus in the zone until midnight\n\nSeason card - a month of rides for the price of twenty\n')
    expect(deck.markdown).toMatch(/^\| \*\*Day pass\*\* \| Covers every bus in the zone until midnight \|$/m)
    expect(deck.markdown).not.toMatch(/^- Single ride - /m)
  })
})

describe('a long explanation that goes on after a dash', () => {
  const kilns = (cooling: string) =>
    deckOf(
      [
        '# Kilns',
        '',
        '## Firing facts',
        '',
        '1. **Bisque**: The first firing hardens the clay so it can be handled.',
        '2. **Glaze**: The second firing melts the glaze onto the pot.',
        `3. **Cooling**: ${cooling}`,
        '',
      ].join('\n'),
    )

  it('shows the clause before the dash in its cell, and keeps one table slide', () => {
    const deck = kilns('The cooling stage takes longer than both heating stages put together—a whole day passes before the door opens, even when the kiln is small and the pots are thin.')
    expect(deck.markdown).toMatch(/^\| \*\*Cooling\*\* \| The cooling stage takes longer than both heating stages put together \|$/m)
    expect(deck.slides.filter((slide) => slide.kind === 'definitions')).toHaveLength(1)
    expect(deck.markdown).toContain('a whole day passes before the door opens')
  })

  it('shows the clause after the dash when the clause before it is negated (it would say the opposite alone)', () => {
    const deck = kilns('Unlike the heating stages, the cooling stage is not sped up by opening the lid early—it runs slowly over a whole day, even when the kiln is small and the pots are thin.')
    expect(deck.markdown).toMatch(/^\| \*\*Cooling\*\* \| It runs slowly over a whole day, even when the kiln is small and the pots are thin\.? \|$/m)
    expect(deck.slides.filter((slide) => slide.kind === 'definitions')).toHaveLength(1)
    expect(deck.markdown).toContain('is not sped up by opening the lid early')
  })
})
