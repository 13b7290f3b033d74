import { describe, expect, it } from 'vitest'
import { parseSync } from '@slidev/parser'
import { findContrast, pairedStatements } from '../src/plan/contrast.js'
import { outlineOf } from './structure-helpers.js'
import { deckOf } from './helpers.js'

const text = (runs: Array<{ text: string }>): string => runs.map((run) => run.text).join('')

const MAPS = '# Travel\n\n## Planning a trip\n\n- Pack light and book early.\n\n- Paper maps cannot be updated. If a road moves, you must buy a new one. Online maps can be updated. You never need to buy one again.\n\n- Carry some cash for small shops.\n'

describe('two subjects told of in turn in one paragraph (pairedStatements)', () => {
  it.each([
    ['a bullet of four sentences, two per subject, paired by verb (travel)', MAPS, 2],
    ['one sentence per subject is no comparison (history)', '# Wars\n\n## Sieges\n\nThe castle held out for a year. The town fell in a week.\n', 0],
    ['three subjects in a row are a list, not a pair (chemistry)', '# Metals\n\n## Uses\n\nCopper conducts heat. It bends easily. Iron conducts heat. It rusts. Gold conducts heat. It shines.\n', 0],
    ['sentences that share no verb do not pair (biology)', '# Cells\n\n## Parts\n\nThe nucleus stores genes. It sits in the middle. The membrane wraps the cell. Water passes through.\n', 0],
    // The sentences read before a side can no longer open (see the early stops in pairedStatements).
    ['two lead-in sentences, then two per subject: the last four sentences still pair (soil science)', '# Soils\n\n## Texture\n\nIt is a question every gardener asks. If you dig a hole, you can see it. Clay soil holds water. It drains slowly. Sandy soil holds little water. It drains fast.\n', 2],
    ['the second subject opens the last sentence but one (soil science)', '# Soils\n\n## Texture\n\nClay soil holds water. It drains slowly. It feels sticky. Sandy soil holds little water. It drains fast.\n', 2],
    ['the second subject opens the last sentence: one side of one sentence (law)', '# Courts\n\n## Appeals\n\nA trial court hears witnesses. It weighs the evidence. It decides the facts. An appeal court weighs the law.\n', 0],
    ['the second subject follows the first at once: one side of one sentence (economics)', '# Markets\n\n## Prices\n\nA monopoly sets its price. A small firm takes the price. It sells at that price. It sets nothing.\n', 0],
  ])('%s', (_, note, rows) => {
    const section = outlineOf(note).sections[0]
    expect(pairedStatements(section).length).toBe(rows)
  })

  it('makes a table whose rows are the paired sentences, with the words they share as labels', () => {
    const section = outlineOf(MAPS).sections[0]
    const found = findContrast(section)!
    expect(found.block.subjects).toEqual(['Paper maps', 'Online maps'])
    expect(found.block.rows.map((row) => [row.aspect, ...row.cells.map(text)])).toEqual([
      ['Updated', 'cannot be updated', 'can be updated'],
      ['Buy one', 'If a road moves, you must buy a new one', 'You never need to buy one again'],
    ])
  })

  it('shows the table in the section and drops the bullet that only said one of its cells', () => {
    const { markdown } = deckOf(MAPS)
    const slides = parseSync(markdown, 'slides.md').slides.map((slide) => slide.content)
    const table = slides.findIndex((content) => content.includes('| Paper maps | Online maps |'))
    expect(table).toBeGreaterThan(0)
    expect(slides[table]).toMatch(/^# Paper maps vs Online maps/m)
    // The other bullets of the section stay on their slide.
    expect(slides.some((content) => content.includes('Pack light and book early'))).toBe(true)
    expect(slides.filter((content) => /^- Paper maps cannot be updated$/m.test(content)).length).toBe(0)
    // Nothing is lost: the sentences are in the notes.
    expect(markdown).toContain('You never need to buy one again.')
  })
})
