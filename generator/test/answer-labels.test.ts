import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'

const slides = (note: string) => deckOf(note).parsed.slides
const shown = (note: string): string => slides(note).map((slide) => slide.content).join('\n')
const notes = (note: string): string => slides(note).map((slide) => slide.note ?? '').join('\n')

// Why: under a heading that asks the question, "Solution:" only announces that the answer
// follows; the title already says so, and the label takes the place of the answer's first words.
describe('a label that only announces the answer to the question in the heading', () => {
  it.each([
    ['plain', 'Solution: Osmosis moves water across a membrane towards the saltier side.'],
    ['bold, colon after', '**Answer**: Osmosis moves water across a membrane towards the saltier side.'],
    ['bold, colon inside', '**Solution:** Osmosis moves water across a membrane towards the saltier side.'],
  ])('leaves the slide (%s) and stays in the notes', (_name, line) => {
    const note = `# Cells\n\n## Quiz\n\nA few questions from the lab.\n\n## What is osmosis?\n\n${line}\n\n## Why do cells burst?\n\nWater keeps flowing into a cell that has no wall.\n`
    expect(shown(note)).toContain('Osmosis moves water across a membrane')
    expect(shown(note)).not.toMatch(/Solution|Answer/)
    expect(notes(note)).toMatch(/(?:Solution|Answer):? ?Osmosis moves water/)
  })

  it('stays when the heading asks no question (law)', () => {
    const note = '# Law\n\n## The tenant problem\n\nThe landlord kept the deposit.\n\n## Remedy\n\nSolution: the tenant may sue in the small claims court.\n\n## Costs\n\nEach side pays its own costs in that court.\n'
    expect(shown(note)).toContain('Solution')
  })
})
