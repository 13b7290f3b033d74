import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'

const note = [
  '# Supply chains',
  '',
  '## Ports',
  '',
  'Container ships call at a few large hubs, and feeder ships carry the boxes on to smaller ports.',
  '',
  'The route can be sketched like this:',
  '',
  '![route map](figures/route.png)',
  '',
  'where each arrow is one weekly sailing.',
  '',
  'Delays at one hub spread to every feeder port that waits on it.',
  '',
].join('\n')

const slides = (resolve: boolean) =>
  deckOf(note, { resolveImage: resolve ? (url) => ({ status: 'ok', deckPath: url }) : undefined }).parsed.slides
const shown = (resolve: boolean): string => slides(resolve).map((slide) => slide.content).join('\n')
const notes = (resolve: boolean): string => slides(resolve).map((slide) => slide.note ?? '').join('\n')

describe('a lead-in to an image', () => {
  it('moves to the speaker notes, with the line that goes on from the image, when the image is not shown', () => {
    expect(shown(false)).not.toContain('sketched like this')
    expect(shown(false)).not.toContain('each arrow is one weekly sailing')
    expect(notes(false)).toContain('The route can be sketched like this:')
    expect(notes(false)).toContain('where each arrow is one weekly sailing')
    // The rest of the section still shows.
    expect(shown(false)).toContain('Delays at one hub spread')
  })

  it('stays with the image when the image is shown', () => {
    const withImage = slides(true).find((slide) => slide.content.includes('figures/route.png'))
    expect(withImage?.content).toContain('The route can be sketched like this:')
  })

  it('keeps a long lead-in that says something itself on the slide (economics)', () => {
    const text = note.replace('The route can be sketched like this:', 'When a hub closes for a storm, every feeder port that depends on it waits for boxes, and rates on the other routes rise within a week, as the map shows:')
    const deck = deckOf(text).parsed.slides.map((slide) => slide.content).join('\n')
    expect(deck).toContain('When a hub closes for a storm')
  })
})
