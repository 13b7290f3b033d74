/**
 * A bullet that only labels what is under it ("Overview", "Worked case") never stands on a slide
 * with nothing under it: when its children show nothing, or when they are drilled into on slides
 * of their own (where the label is the subtitle), the label is said, not shown as a bullet.
 * Notes are written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { runsText } from '../src/text.js'
import type { BulletItem, SlidePlan } from '../src/types.js'

const bullets = (slide: SlidePlan): BulletItem[] => slide.body.flatMap((block) => (block.type === 'bullets' ? block.items : []))
const every = (items: BulletItem[]): BulletItem[] => items.flatMap((item) => [item, ...every(item.children)])
const content = (slides: SlidePlan[]): SlidePlan[] => slides.filter((slide) => slide.kind === 'content')
const bare = (slides: SlidePlan[], label: string): BulletItem[] => content(slides).flatMap((slide) => every(bullets(slide))).filter((item) => runsText(item.runs) === label && !item.children.length)

describe('dangling headings', () => {
  const tides = [
    '# Coasts',
    '',
    '## Tides',
    '',
    '- Tides rise and fall twice a day on most shores',
    '    - Spring tides',
    '        - They come when the sun and the moon pull along one line',
    '    - Worked case',
    '        - ![a sketch of the shore](shore.png)',
    '    - Neap tides',
    '        - They come when the two pulls meet at a right angle',
    '',
  ].join('\n')

  it('shows no label bullet whose children show nothing, and keeps its word in the notes', () => {
    const deck = deckOf(tides)
    expect(bare(deck.slides, 'Worked case')).toEqual([])
    expect(bare(deck.slides, 'Spring tides')).toEqual([])
    expect(deck.slides.map((slide) => slide.notes).join('\n')).toContain('Worked case')
  })

  const harbours = [
    '# Ports',
    '',
    '## Harbours',
    '',
    '- A harbour shelters ships from the open sea',
    '    - Breakwaters',
    '        - Walls of rock or concrete built out into the water',
    '            - They take the force of the waves before it reaches the quay',
    '            - Their height is set by the largest storm waves on record',
    '        - Gaps in them let ships in and out',
    '            - A narrow gap keeps the swell outside',
    '            - A wide gap lets large vessels turn',
    '    - Overview',
    '        - Depth',
    '            - The channel is dredged to the draught of the largest ship expected',
    '            - Silt is cleared every few years as the river brings it down',
    '            - Charts mark the depth at the lowest tide of the year',
    '        - Berths',
    '            - Each berth is a length of quay where one ship ties up to load',
    '            - Cranes run on rails along the quay from berth to berth',
    '            - Warehouses stand behind the berths for goods waiting to ship',
    '',
  ].join('\n')

  it('shows a label drilled into as the subtitle of its slides, not as a bare bullet before them', () => {
    const deck = deckOf(harbours)
    const subtitles = content(deck.slides).flatMap((slide) => slide.body.filter((block) => block.type === 'heading').map((block) => ('runs' in block ? runsText(block.runs) : '')))
    expect(subtitles).toContain('Overview')
    expect(bare(deck.slides, 'Overview')).toEqual([])
  })
})
