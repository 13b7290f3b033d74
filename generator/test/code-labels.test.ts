import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'

const shown = (note: string): string => deckOf(note).parsed.slides.map((slide) => slide.content).join('\n')
const notes = (note: string): string => deckOf(note).parsed.slides.map((slide) => slide.note ?? '').join('\n')

describe('a line that only repeats the language of the code block after it', () => {
  it('is not shown as a paragraph of its own (statistics)', () => {
    const note = '# Stats\n\n## Means\n\nTo average a column you would write:\n\nR\n```r\nmean(heights)\n```\n'
    expect(shown(note)).not.toMatch(/^R$/m)
    expect(shown(note)).toContain('mean(heights)')
    expect(shown(note)).toContain('To average a column you would write:')
    expect(notes(note)).toContain('```r')
  })

  it('is not glued onto the sentence it was soft-wrapped to (databases)', () => {
    const note = '# Data\n\n## Queries\n\nAn example of a query that counts the orders of each shop\nSQL\n```sql\nSELECT shop, count(*) FROM orders GROUP BY shop;\n```\n'
    expect(shown(note)).toContain('counts the orders of each shop')
    expect(shown(note)).not.toContain('each shop SQL')
  })

  it('keeps a line that names something else before code (biology)', () => {
    const note = '# Bio\n\n## Sequences\n\nThe primer we ordered\n```text\nATGCGTACCTGA\n```\n'
    expect(shown(note)).toContain('The primer we ordered')
  })
})
