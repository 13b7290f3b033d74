import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { runsText } from '../src/text.js'
import type { SlidePlan } from '../src/types.js'

const bulletsOf = (slide: SlidePlan): string[] => slide.body.flatMap((b) => (b.type === 'bullets' ? b.items.map((i) => runsText(i.runs)) : []))

describe('a contrast shows once, as its table', () => {
  it.each([
    ['economics', '## Stocks and bonds\n\nStocks give a share of ownership, whereas bonds give a loan to the issuer.\n\nStocks pay dividends, whereas bonds pay fixed coupons.\n'],
    ['biology', '## Two kinds of cell\n\nProkaryotes lack a nucleus, whereas eukaryotes have a nucleus.\n\nProkaryotes are small, whereas eukaryotes are large.\n\nBoth kinds carry ribosomes in their cytoplasm.\n'],
  ])('no bullet repeats a row of the table (%s)', (_subject, body) => {
    const slides = deckOf(`# Notes\n\n${body}`).slides
    const table = slides.find((s) => s.kind === 'comparison')
    expect(table).toBeDefined()
    const repeated = slides.filter((s) => s.kind === 'content').flatMap(bulletsOf).filter((text) => /whereas/.test(text))
    expect(repeated).toEqual([])
    expect(table!.notes).toMatch(/whereas/)
  })
})

describe('the introduction does not repeat the cover or show an empty slide', () => {
  it.each([
    ['a one-sentence preamble the cover shows (history)', '# The Reformation\n\nThe Reformation split the western church in the sixteenth century.\n\n## Causes\n\nIndulgences were sold to pay for new churches.\n\n## Results\n\nNew churches formed across northern Europe.\n'],
    ['a tag line (law)', '# Torts\n\n#law101\n\n## Negligence\n\nA duty of care is owed to neighbours.\n\n## Nuisance\n\nNoise can be a private nuisance.\n'],
  ])('%s', (_label, note) => {
    const slides = deckOf(note).slides
    expect(slides.some((s) => s.title === 'Introduction')).toBe(false)
  })
})
