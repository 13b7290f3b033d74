/**
 * A top-level heading with nothing under it (a bare "#", a credit line at the end of a note) is
 * no part of the talk: no agenda entry, no divider; its words stay in the speaker notes, in the
 * note's order. Notes are written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'

const note = [
  '# Sources',
  '',
  '- Most rivers start as small streams fed by rain and melting snow',
  '- Springs feed some rivers from water stored underground',
  '',
  '# Mouths',
  '',
  '- A river ends where it meets the sea, a lake or a larger river',
  '- Deltas form where a river drops its load of mud',
  '',
  '# Further reading',
  '## [A field guide](https://example.org/rivers)',
  '',
  '#',
  '# Written by A. Walker',
  '',
].join('\n')

describe('empty parts', () => {
  const deck = deckOf(note)
  const agenda = deck.slides.find((slide) => slide.kind === 'agenda')
  const dividers = deck.slides.filter((slide) => slide.kind === 'section').map((slide) => slide.title)

  it('gives a heading with nothing under it no agenda entry and no divider', () => {
    expect(dividers.some((title) => /Written by|untitled/.test(title))).toBe(false)
    expect(JSON.stringify(agenda?.body ?? [])).not.toMatch(/Written by|untitled/)
  })

  it('keeps the words of those headings in the notes, in the note order, and makes no title-only slide', () => {
    const notes = deck.slides.map((slide) => slide.notes).join('\n\n')
    expect(notes.indexOf('A field guide')).toBeGreaterThan(-1)
    expect(notes.indexOf('Written by A. Walker')).toBeGreaterThan(notes.indexOf('A field guide'))
    const titleOnly = deck.slides.filter((slide) => slide.kind === 'content' && !slide.body.length)
    expect(titleOnly.map((slide) => slide.title)).toEqual([])
  })

  it('still shows the parts that have content', () => {
    expect(agenda).toBeDefined()
    expect(JSON.stringify(agenda!.body)).toContain('Sources')
    expect(JSON.stringify(agenda!.body)).toContain('Mouths')
  })
})
