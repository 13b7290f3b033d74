/**
 * A line that opens with a term and a dash ("Term - what it is. …") speaks of that term: the
 * sentences after it are its sub-bullets on the slide (its purpose, its use), not siblings and
 * not only in the notes; a procedure's next step ("Then …") shows under the line that tells the
 * steps before it. Notes are written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { runsText } from '../src/text.js'
import { opensWithHead } from '../src/plan/condense.js'
import type { BulletItem, SlidePlan } from '../src/types.js'

const bullets = (slides: SlidePlan[]): BulletItem[] => slides.filter((slide) => slide.kind === 'content').flatMap((slide) => slide.body.flatMap((block) => (block.type === 'bullets' ? block.items : [])))
const find = (slides: SlidePlan[], start: string): BulletItem | undefined => bullets(slides).find((item) => runsText(item.runs).startsWith(start))
const childTexts = (item: BulletItem | undefined): string[] => (item?.children ?? []).map((child) => runsText(child.runs))

describe('head terms', () => {
  it.each([
    ['Night trains - sleeper cars that run overnight', true],
    ['Poolish – a wet pre-ferment made the night before', true],
    ['The result - to everyone\'s surprise - was a draw', false],
    ['It rained all day, so the match - a final - was moved', false],
    ['a lower-case start - not a term', false],
    ['No dash at all in this sentence', false],
  ])('reads "%s" as opening with a term: %s', (text, expected) => {
    expect(opensWithHead(text)).toBe(expected)
  })

  it('nests the sentences of a paragraph after its head term under it', () => {
    const note = [
      '# Rail',
      '',
      '## Sleepers',
      '',
      'Night trains - sleeper cars that run between capitals overnight. Tickets include a bed in a shared cabin.',
      '',
    ].join('\n')
    const head = find(deckOf(note).slides, 'Night trains')
    expect(head).toBeDefined()
    expect(childTexts(head)).toEqual([expect.stringMatching(/^Tickets include a bed/)])
    expect(bullets(deckOf(note).slides).some((item) => runsText(item.runs).startsWith('Tickets'))).toBe(false)
  })

  it('shows what a list item says of its head term under it, not only in the notes', () => {
    const note = [
      '# Baking',
      '',
      '## Pre-ferments',
      '',
      '- Sourdough starter - a mix of flour and water kept alive by wild yeast. Feeding it twice a day keeps the yeast active.',
      '- Poolish - a wet pre-ferment of flour, water and a pinch of yeast mixed the night before. It gives the crumb an open texture.',
      '- Levain - a part of the starter built up for a single bake.',
      '',
    ].join('\n')
    const slides = deckOf(note).slides
    expect(childTexts(find(slides, 'Sourdough starter'))).toEqual([expect.stringMatching(/^Feeding it twice a day/)])
    expect(childTexts(find(slides, 'Poolish'))).toEqual([expect.stringMatching(/^It gives the crumb/)])
  })

  it('shows the last step of a procedure under the line that tells the steps before it', () => {
    const note = [
      '# Post',
      '',
      '## Parcels',
      '',
      '- To send a parcel abroad, weigh it at the counter and then print its label. Then hand the parcel to the driver with the customs form.',
      '- To send a letter abroad, buy an international stamp and drop it in any red box.',
      '',
    ].join('\n')
    const slides = deckOf(note).slides
    expect(childTexts(find(slides, 'To send a parcel abroad'))).toEqual([expect.stringMatching(/^Then hand the parcel to the driver/)])
    expect(slides.map((slide) => slide.notes).join('\n')).toContain('Then hand the parcel to the driver with the customs form.')
  })

  it('draws a series of three commands and its next step as one procedure, the last step included', () => {
    const note = [
      '# Post',
      '',
      '## Parcels',
      '',
      '- To send a parcel abroad, weigh it, print the label at the counter and then book a pickup from the depot. Then hand the parcel to the driver with the customs form.',
      '- To send a letter abroad, buy an international stamp and drop it in any red box.',
      '',
    ].join('\n')
    const slides = deckOf(note).slides
    const diagram = slides.flatMap((slide) => slide.body).find((block) => block.type === 'diagram')
    expect(diagram).toBeDefined()
    const steps = diagram && diagram.type === 'diagram' && 'steps' in diagram.diagram ? diagram.diagram.steps : []
    expect(steps.length).toBe(4)
    expect(steps.at(-1)).toMatch(/^Hand the parcel to the driver/)
  })
})
