/**
 * A procedure written as bullets (a heading that is a command, and an item that is a command on
 * each line) shows numbered, its numbers going on across a split; advice under a topic heading
 * stays bullets, and the notes keep the note's own markers. Notes are written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import type { SlideBlock } from '../src/types.js'

const lists = (markdown: string): Array<Extract<SlideBlock, { type: 'bullets' }>> =>
  deckOf(markdown).slides.filter((slide) => slide.kind === 'content').flatMap((slide) => slide.body.flatMap((block) => (block.type === 'bullets' ? [block] : [])))

const steps = (heading: string, items: string[]): string => ['# Workshop', '', `## ${heading}`, '', ...items.map((item) => `- ${item}`), ''].join('\n')

describe('bulleted procedures', () => {
  it('numbers the steps of a command heading', () => {
    const found = lists(steps('Repot a fern', ['Water the fern an hour before', 'Lift the fern out of its old pot', 'Loosen the roots with your fingers', 'Set it in the new pot and fill in fresh soil']))
    expect(found.length).toBeGreaterThan(0)
    expect(found.every((block) => block.ordered)).toBe(true)
    expect(found[0].start).toBe(1)
  })

  it('keeps the numbering going when the steps split over slides', () => {
    const long = Array.from({ length: 10 }, (_, k) => `Mark the board at line ${k + 1} with a soft pencil and check the mark against the plan before you cut it`)
    const found = lists(steps('Cut the shelf boards', long))
    expect(found.length).toBeGreaterThan(1)
    expect(found.every((block) => block.ordered)).toBe(true)
    expect(found[1].start).toBe(1 + found[0].items.length)
  })

  it('leaves advice under a topic heading as bullets', () => {
    const found = lists(steps('Good habits', ['Water the fern once a week', 'Keep it out of direct sun', 'Mist the leaves in dry weather']))
    expect(found.some((block) => block.ordered)).toBe(false)
  })

  it('keeps the note\'s own markers in the speaker notes', () => {
    const deck = deckOf(steps('Repot a fern', ['Water the fern an hour before', 'Lift the fern out of its old pot', 'Loosen the roots with your fingers']))
    const notes = deck.slides.map((slide) => slide.notes).join('\n')
    expect(notes).toContain('- Water the fern an hour before')
    expect(notes).not.toContain('1. Water the fern')
  })
})
