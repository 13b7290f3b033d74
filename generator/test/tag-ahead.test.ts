import { describe, expect, it, vi } from 'vitest'
import { VFile } from 'vfile'
import { parseMarkdown } from '../src/parse.js'
import { readingTree } from '../src/text.js'
import type { TaggerOutputs } from '../src/grammar/index.js'
import { textsToTag } from '../src/tag-ahead.js'

// Sentences no other test writes, so the tagger's cache holds none of them when this runs.
const NOTE = `# Field notes on rivers and ledgers

## How rivers shape a valley

A young river cuts a narrow channel into the rock. It carries sand and pebbles downstream. An old river winds across a wide plain. It drops its sand on the inside of each bend.

Floods spread silt over the plain, which feeds the crops that farmers plant there.

## Keeping a ledger

- A clerk records each sale on the day it happens. She totals the columns every evening.
- The owner reads the totals at the end of the month. He decides what to buy from them.

### Why the columns must balance

Every debit has a matching credit. When the two sides differ, a figure was copied wrongly.
`

/**
 * Build the deck in fresh modules (an empty tagger cache), taking the taggings from `texts` when
 * it lists them, as a helper thread gives them; counts what the planner found there.
 */
async function buildWith(texts: Set<string>): Promise<{ markdown: string; found: number; asked: number }> {
  vi.resetModules()
  const { generateDeck } = await import('../src/pipeline.js')
  const { taggerOutputs, withTagsAhead } = await import('../src/grammar/index.js')
  let found = 0
  let asked = 0
  const source = (text: string): TaggerOutputs | undefined => {
    asked++
    if (!texts.has(text)) return undefined
    found++
    return taggerOutputs(text)
  }
  const deck = withTagsAhead(source, () => generateDeck(new VFile({ path: 'rivers.md', value: NOTE }), { theme: '../themes/lectern', notePath: 'rivers.md', helperThread: 'never' }))
  return { markdown: deck.markdown, found, asked }
}

describe('the texts a helper thread tags ahead (textsToTag)', () => {
  const tree = parseMarkdown(NOTE)
  const texts = readingTree(() => textsToTag(tree))

  it('lists the headings first, then each sentence, and the clause splitSubject reads (no end mark)', () => {
    expect(texts.slice(0, 4)).toEqual(['Field notes on rivers and ledgers', 'How rivers shape a valley', 'Keeping a ledger', 'Why the columns must balance'])
    expect(texts).toContain('A young river cuts a narrow channel into the rock.')
    expect(texts).toContain('A young river cuts a narrow channel into the rock')
    expect(texts).toContain('She totals the columns every evening.')
    expect(new Set(texts).size).toBe(texts.length)
  })

  it('holds most of what the planner tags, more than the sentences alone do, and the deck is the same bytes', async () => {
    const ahead = await buildWith(new Set(texts))
    const sentencesOnly = await buildWith(new Set(texts.filter((text) => /[.!?]$/.test(text))))
    const none = await buildWith(new Set())
    expect(none.found).toBe(0)
    expect(ahead.asked).toBe(none.asked)
    expect(ahead.found / ahead.asked).toBeGreaterThan(0.6)
    expect(ahead.found).toBeGreaterThan(sentencesOnly.found)
    expect(ahead.markdown).toBe(none.markdown)
    expect(sentencesOnly.markdown).toBe(none.markdown)
  }, 60_000)
})
