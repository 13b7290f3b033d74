/**
 * Tables over slides: every part repeats the header, and no part is a one-row remainder (the
 * cells are shown shorter, or the rows re-balanced, instead). Fixtures are written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { runsText } from '../src/text.js'
import type { SlideBlock } from '../src/types.js'

type Rows = Array<{ title: string; rows: number; header: string[] }>

const tableParts = (note: string): Rows =>
  deckOf(note).slides.flatMap((slide) =>
    slide.body.flatMap((block: SlideBlock) => {
      if (block.type === 'table') return [{ title: slide.title, rows: block.rows.length, header: block.header.map(runsText) }]
      if (block.type === 'definitions') return [{ title: slide.title, rows: block.items.length, header: [] }]
      return []
    }),
  )

describe('table split', () => {
  it('shows a three-row table of long cells whole, with shorter cells, rather than as 2 + 1', () => {
    const note = `# Trade

## Tariffs and quotas

| Measure | Prices | Imports |
| --- | --- | --- |
| **Tariff** | Raises import prices, which shifts demand to home producers | Fall, which also brings the state some revenue |
| **Quota** | Raises domestic prices, which rewards the holders of licences | Capped, which holds them at a fixed amount |
| **Subsidy** | Lowers producer costs, which lets them undercut foreign sellers | Fall, which may lead partners to answer in kind |
`
    const parts = tableParts(note)
    expect(parts.every((part) => part.rows > 1)).toBe(true)
    expect(parts.reduce((sum, part) => sum + part.rows, 0)).toBe(3)
    expect(parts.every((part) => part.header.length === 3)).toBe(true)
    // Every cell is still said in full.
    const notes = deckOf(note).slides.map((slide) => slide.notes).join('\n')
    expect(notes).toContain('which lets them undercut foreign sellers')
  })

  it('splits a list of terms under a long lead-in 2 + 2, its first sentence said before it', () => {
    const note = `# Courts\n\n## Appeals\n\nAn appeal asks a higher court to review the decision of a lower one. It can rest on:\n\n- **Errors of law**: The trial judge applied the wrong rule or read a statute in a way that the higher courts have rejected before.\n- **Procedural errors**: The hearing was unfair, for example because a party was not allowed to present key evidence to the court.\n- **New evidence**: Facts have come to light that could not have been found at the time of the trial with reasonable care.\n- **Excessive sentence**: The penalty is far outside the range that courts normally give for the same kind of offence and offender.\n`
    const parts = tableParts(note).filter((part) => part.title.startsWith('Appeals'))
    expect(parts.map((part) => part.rows)).toEqual([2, 2])
  })
})
