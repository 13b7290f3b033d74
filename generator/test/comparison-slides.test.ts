import { describe, expect, it } from 'vitest'
import { comparisonSlides } from '../src/plan/sections.js'
import type { Comparison } from '../src/plan/compare.js'
import type { PlanOptions, Section, SlidePlan } from '../src/types.js'

const section: Section = { depth: 1, title: 'Trains', blocks: [], children: [], lines: { start: 1, end: 9 }, headingLine: 1 }
const options = { budget: { words: 60, lines: 7 } } as PlanOptions
const cell = (text: string) => [{ text }]

function table(rows: Array<[string, string, string]>, showAspects = true): Comparison {
  return {
    title: 'Trains',
    block: { type: 'comparison', subjects: ['Steam engines', 'Diesel engines'], showAspects, rows: rows.map(([aspect, a, b]) => ({ aspect, cells: [cell(a), cell(b)] })) },
    consumed: new Set(),
    notes: 'Steam against diesel.',
  }
}

const slides = (planned: ReturnType<typeof comparisonSlides>): SlidePlan[] => planned.flatMap((p) => ('slide' in p ? [p.slide] : []))

describe('comparison slides', () => {
  it('keeps a table whole rather than leave one row alone, while the words a reader sees stay in the budget', () => {
    // Three rows that the planner's margin splits 2 + 1, though they show fewer than 60 words.
    const rows: Array<[string, string, string]> = [
      ['Fuel', 'coal shovelled by a fireman into the firebox every few minutes', 'diesel oil pumped from a tank under the frame by a small pump'],
      ['Crew', 'a driver and a fireman on the footplate in the open air', 'one driver in a closed cab'],
      ['Start', 'an hour to raise steam', 'a few minutes'],
    ]
    const out = slides(comparisonSlides(table(rows), section, options))
    expect(out).toHaveLength(1)
    expect(out[0].body.flatMap((block) => (block.type === 'comparison' ? block.rows : []))).toHaveLength(3)
  })

  it('still splits when the whole table would show more words than the budget, and names the subjects on the continuation', () => {
    const long = 'a long description of many words that goes on and on about the engine'
    const rows: Array<[string, string, string]> = [
      ['Fuel', long, long],
      ['Crew', long, long],
      ['Start', 'an hour', 'minutes'],
    ]
    const out = slides(comparisonSlides(table(rows), section, options))
    expect(out.length).toBeGreaterThan(1)
    expect(out[1].notes).toContain('Steam engines and Diesel engines')
  })

  it.each([
    [true, 'comparison'],
    [false, 'default'],
  ])('a table with aspect labels %s takes the %s layout (that layout keeps its first column on one line)', (showAspects, layout) => {
    const out = slides(comparisonSlides(table([['', 'short', 'brief'], ['', 'small', 'tiny']], showAspects), section, options))
    expect(out[0].layout).toBe(layout)
  })
})
