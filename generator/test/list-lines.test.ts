import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { runsText } from '../src/text.js'
import type { SlidePlan } from '../src/types.js'

const items = (slides: SlidePlan[]): string[] => slides.flatMap((s) => s.body.flatMap((b) => (b.type === 'bullets' ? b.items.map((i) => runsText(i.runs)) : [])))

describe('a sentence run onto a list item without a blank line is not part of the item', () => {
  it.each([
    ['biology', '- Liver - stores glycogen\n- Kidney - filters blood\nNotably, the spleen recycles old red cells.\n', 'Kidney - filters blood'],
    ['law', '1. The claimant files a complaint\n2. The defendant answers it\nThe court then sets a date for the hearing.\n', 'The defendant answers it'],
  ])('%s', (_subject, list, item) => {
    const slides = deckOf(`# T\n\n## Part\n\n${list}`).slides
    expect(items(slides)).toContain(item)
    expect(slides.some((s) => s.notes.includes('recycles') || s.notes.includes('sets a date'))).toBe(true)
    // The ran-on sentence shows as a bullet of its own, after the list.
    expect(items(slides).some((text) => /^(?:Notably|The court then)/.test(text))).toBe(true)
  })

  it.each([
    ['a soft-wrapped item goes on in lower case (economics)', '- Inflation erodes the value\n  of savings held in cash\n- Deflation raises it\n', 'Inflation erodes the value of savings held in cash'],
    ['a line that ends with a comma goes on (history)', '- The war ended in 1918,\n  Germany signed the armistice\n- Peace talks began\n', 'The war ended in 1918, Germany signed the armistice'],
  ])('keeps the whole item when %s', (_label, list, item) => {
    expect(items(deckOf(`# T\n\n## Part\n\n${list}`).slides)).toContain(item)
  })
})

describe('a short run of definitions stays on one slide with its lead-in', () => {
  it('psychology', () => {
    const note = '# T\n\n## Memory\n\nMemory is the store of what we have learned over the years of our lives and work.\n\nPsychologists name three kinds of memory store:\n\n- **Sensory**: holds what the senses take in for under a second.\n- **Short-term**: holds a few items for about half a minute.\n- **Long-term**: holds facts and skills for years.\n'
    const slides = deckOf(note).slides.filter((s) => s.body.some((b) => b.type === 'definitions' || b.type === 'table'))
    expect(slides).toHaveLength(1)
  })
})
