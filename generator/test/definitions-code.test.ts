import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'

describe('label lines whose explanation is only code', () => {
  it('stay the note\'s own bullets, not a "Term | In short" table', () => {
    const deck = deckOf('# Lab shell\n\n## Listing samples\n\nTwo terminals are open.\n\nA1: `samples --list`\n\nB2: `watch -n 5 samples --count`\n')
    expect(deck.markdown).not.toContain('| Term |')
    expect(deck.markdown).toMatch(/^- \*\*A1\*\*: `samples --list`$/m)
    expect(deck.markdown).toMatch(/^- \*\*B2\*\*: `watch -n 5 samples --count`$/m)
  })

  it('while label lines explained in words still make a definitions table', () => {
    const deck = deckOf('# Glassware\n\n## Vessels\n\nBeaker: a wide cup for mixing and heating liquids\n\nBurette: a long graduated tube that lets out exact volumes\n')
    expect(deck.markdown).toMatch(/^\| \*\*Beaker\*\* \| /m)
  })
})
