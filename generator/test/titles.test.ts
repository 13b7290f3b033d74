import { describe, expect, it } from 'vitest'
import { shortTitle, titleSlides } from '../src/plan/titles.js'
import type { SlidePlan } from '../src/types.js'
import { deckOf } from './helpers.js'

describe('shortTitle', () => {
  it.each([
    ['Aggregate demand (AD)', 'Aggregate demand'],
    ['The French Revolution: causes, course and consequences', 'The French Revolution'],
    ['Photosynthesis - the light reactions', 'Photosynthesis'],
    ['Contract law — offer and acceptance (with examples)', 'Contract law'],
    ['Mitosis', 'Mitosis'],
    ['Step 2:a detail', 'Step 2:a detail'],
    ['(Optional)', '(Optional)'],
    ['Well-known cases', 'Well-known cases'],
    ['Step 3: Graft the rootstock', 'Step 3: Graft the rootstock'],
    ['Case 2 - Donoghue v Stevenson', 'Case 2 - Donoghue v Stevenson'],
    [':bulb: Why prices fall', ':bulb: Why prices fall'],
    ['Using `SUM()` over a window', 'Using `SUM()` over a window'],
    ['The `len()` function (built in)', 'The `len()` function'],
    ['nrem', 'nrem'],
    ['2- Ranking functions', 'Ranking functions'],
    ['3) Trade routes (overland)', 'Trade routes'],
    ['2. Ranking functions', '2. Ranking functions'],
    ['1914 - the war begins', '1914 - the war begins'],
  ])('%j → %j', (title, expected) => {
    expect(shortTitle(title)).toBe(expected)
  })
})

const slide = (kind: SlidePlan['kind'], title: string, notes = ''): SlidePlan => ({ kind, layout: 'default', title, body: [], notes, lines: { start: 1, end: 1 } })

describe('titleSlides', () => {
  it('marks a run of continued slides 1/3, 2/3, 3/3 under one short title', () => {
    const out = titleSlides([slide('content', 'Trade routes (1450–1600)'), slide('content', 'Trade routes (1450–1600) (cont.)'), slide('content', 'Trade routes (1450–1600) (cont.)')])
    expect(out.map((s) => [s.title, s.part])).toEqual([
      ['Trade routes', '1/3'],
      ['Trade routes', '2/3'],
      ['Trade routes', '3/3'],
    ])
  })

  it('keeps the full title on section slides and in the notes of a shortened slide', () => {
    const out = titleSlides([slide('section', 'Cells: structure and function'), slide('content', 'Cells: structure and function', 'Cells have parts.')])
    expect(out[0].title).toBe('Cells: structure and function')
    expect(out[1].title).toBe('Cells')
    expect(out[1].notes).toContain('Cells: structure and function')
    expect(out[1].part).toBeUndefined()
  })

  it('shows the marker small beside the title and never "(cont.)" in the deck', () => {
    const items = Array.from({ length: 20 }, (_, i) => `- Item number ${i + 1} of the long list`).join('\n')
    const deck = deckOf(`# T\n\n## Harbour towns of the Baltic: a survey\n\n${items}\n`)
    expect(deck.markdown).not.toContain('(cont.)')
    expect(deck.markdown).toContain('# Harbour towns of the Baltic <sup class="lectern-part">2/')
  })
})
