/**
 * How deep lists and short leftovers are split over slides: a child with levels of its own is
 * drilled into under its own subtitle (its children keep theirs), short children of one parent
 * share a slide, and a section's last short line that fits nowhere is said with the slide
 * before instead of standing alone. Fixtures are written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { runsText } from '../src/text.js'
import { isThinBody } from '../src/plan/budget.js'
import type { BulletItem, SlidePlan } from '../src/types.js'

const bullets = (slide: SlidePlan): BulletItem[] => slide.body.flatMap((block) => (block.type === 'bullets' ? block.items : []))
const contentOf = (slides: SlidePlan[], title: string): SlidePlan[] => slides.filter((slide) => slide.title.startsWith(title) && slide.kind !== 'section')

describe('list split', () => {
  const glycolysis = [
    '# Metabolism',
    '',
    '## Glycolysis',
    '',
    '- Glycolysis takes place in the cytoplasm of every cell and splits one glucose into two molecules of pyruvate',
    '    - It needs no oxygen at all',
    '    - Its energy balance is worked out over the ten reactions of the pathway',
    '        - The investment phase spends two molecules of ATP on the sugar',
    '            - Hexokinase attaches the first phosphate group to glucose',
    '            - Phosphofructokinase attaches the second phosphate group later on',
    '        - The payoff phase makes four molecules of ATP from the two halves',
    '            - Each half of the split sugar gives two of them by substrate-level phosphorylation',
    '        - The net gain is two molecules of ATP and two of NADH per glucose',
    '            - The NADH carries electrons on to the respiratory chain when oxygen is there',
    '',
  ].join('\n')

  it('drills into a child that has levels of its own, keeping each grandchild under its parent', () => {
    const slides = contentOf(deckOf(glycolysis).slides, 'Glycolysis')
    const parent = slides.flatMap(bullets).find((item) => runsText(item.runs).startsWith('The investment phase'))
    expect(parent).toBeDefined()
    expect(parent!.children.map((child) => runsText(child.runs))).toEqual(expect.arrayContaining([expect.stringMatching(/^Hexokinase/)]))
    // The drilled child is the subtitle of its own slides.
    const subtitles = slides.flatMap((slide) => slide.body.filter((block) => block.type === 'heading').map((block) => ('runs' in block ? runsText(block.runs) : '')))
    expect(subtitles.some((text) => text.startsWith('Its energy balance'))).toBe(true)
  })

  it('says a last short line that fits on no slide with the slide before it', () => {
    const note = [
      '# Diplomacy',
      '',
      '## The congress',
      '',
      '- The first envoys arrived in the city late in September',
      '- The great powers met in private before every open session',
      '- The smaller states were heard only on their own borders',
      '- The final act redrew the map of the whole continent',
      '- Its guarantees held for most of the following forty years',
      '',
      'Few of the delegates lived to see it fail.',
      '',
    ].join('\n')
    const slides = contentOf(deckOf(note).slides, 'The congress')
    const last = slides[slides.length - 1]
    expect(isThinBody(last.body)).toBe(false)
    expect(slides.map((slide) => slide.notes).join('\n')).toContain('Few of the delegates lived to see it fail.')
  })
})
