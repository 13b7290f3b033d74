/**
 * A sentence that gives its steps in order may name a step's command in code ("then `make` the
 * target"): the command counts as the step's verb, and the node shows the code's text as written
 * (never capitalised). Notes are written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import type { SlidePlan } from '../src/types.js'

const steps = (slides: SlidePlan[]): string[][] =>
  slides.flatMap((slide) => slide.body.flatMap((block) => (block.type === 'diagram' && block.diagram.kind === 'steps' ? [block.diagram.steps] : [])))

describe('series with commands in code', () => {
  it('draws the steps when the last one is a command in code', () => {
    const deck = deckOf(['# Printing', '', '## Build', '', 'To print a part: slice the model (or load a sliced file), heat the bed, then `lp submit` the job and wait.', ''].join('\n'))
    const found = steps(deck.slides)
    expect(found).toHaveLength(1)
    expect(found[0]).toHaveLength(3)
    expect(found[0][2]).toMatch(/^`?lp submit`? the job and wait$/)
  })

  it('draws steps that are all the paragraph says in its place, once, with what they are for as the lead-in', () => {
    const deck = deckOf(['# Printing', '', '## Build', '', 'To print a part: slice the model, heat the bed, then `lp submit` the job.', ''].join('\n'))
    const slide = deck.slides.find((s) => s.body.some((block) => block.type === 'diagram'))!
    const shown = JSON.stringify(slide.body.filter((block) => block.type !== 'diagram'))
    expect(shown).toContain('To print a part:')
    expect(shown).not.toContain('heat the bed')
    expect(slide.notes).toContain('heat the bed')
  })

  it('draws nothing when the code is a thing, not a command ("`config.yaml`, the logs and then the cache")', () => {
    const deck = deckOf(['# Files', '', '## Cleanup', '', 'We keep `config.yaml`, the logs and then the cache in one folder.', ''].join('\n'))
    expect(steps(deck.slides)).toEqual([])
  })
})
