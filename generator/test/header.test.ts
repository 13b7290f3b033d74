import { describe, expect, it } from 'vitest'
import { countedNoun, ledHeader } from '../src/plan/header.js'
import { deckOf } from './helpers.js'

const base: Parameters<typeof ledHeader>[0] = [[{ text: 'Term' }], [{ text: 'In short' }]]
const header = (lead: string | undefined, cells: string[]): string =>
  ledHeader(base, lead, cells.map((text) => [{ text }]))
    .map((runs) => runs.map((run) => run.text).join(''))
    .join(' | ')

describe('ledHeader (a header that tells what its columns hold)', () => {
  it.each([
    // Lists of names are not short definitions.
    ['There were two rival blocs in the region.', ['Norway; Iceland; Liechtenstein', 'Brazil; Argentina; Uruguay'], 'Bloc | Includes'],
    [undefined, ['Oak, Elm, Beech', 'Pine, Larch, Cedar', 'a leafy tree'], 'Term | Includes'],
    // Whole statements with their own subject are details, not definitions.
    [undefined, ['From about the age of five, children lose their milk teeth.', 'Most adults keep thirty-two teeth.'], 'Term | Details'],
    ['Courts use several tests:', ['Judges ask whether the harm was foreseeable', 'the claimant must show a duty of care'], 'Test | Details'],
    // Short definitions keep "In short", with the counted noun when the lead-in counts them.
    ['There are a few kinds of rock:', ['cooled from magma', 'laid down in layers', 'changed by heat and pressure'], 'Kind | In short'],
    ['The cell has three parts.', ['the outer boundary', 'the jelly inside', 'the control centre'], 'Part | In short'],
    [undefined, ['a tax on imported goods', 'Mercantilism is a policy of hoarding gold'], 'Term | In short'],
    [undefined, ['electro-cardio-gram, records the heart', 'electro-myo-gram, records muscles'], 'Term | In short'],
    [undefined, ['difficulty falling asleep', 'waking too early'], 'Term | In short'],
  ])('after %j, cells %j get %j', (lead, cells, expected) => {
    expect(header(lead, cells)).toBe(expected)
  })

  it('names nothing from a number that counts something else', () => {
    expect(countedNoun('The treaty had two signatories.', 3)).toBeUndefined()
    expect(countedNoun('Some banks failed in 1931', 2)).toBeUndefined()
  })

  it('heads a bold-label list of members under its lead-in in a deck', () => {
    const deck = deckOf('# Leagues\n\n## Early leagues\n\nThere were two leagues in the valley:\n\n- **The Northern League**: Alder; Birchwood; Cray\n- **The Southern League**: Dunmore; Elsby; Fenwick\n')
    const table = deck.markdown.split('\n').find((line) => line.startsWith('| League'))
    expect(table).toBe('| League | Includes |')
  })
})
