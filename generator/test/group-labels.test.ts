import { describe, expect, it } from 'vitest'
import { findGroups } from '../src/plan/diagrams/structure.js'
import { outlineOf } from './structure-helpers.js'

describe('group diagram labels keep what a step produces', () => {
  it('keeps the phrase after a clause that stops on its verb, and leaves other labels short', () => {
    const note = '# Warehouse\n\n## Shifts\n\n### Day shift tasks\n\n- Orders are packed, producing parcels for couriers\n- Stock is counted\n\n### Night shift tasks\n\n- Trucks are unloaded, which frees the loading bay\n- Shelves are refilled\n- Forklifts, pallets and ladders\n'
    const groups = findGroups(outlineOf(note).sections[0])
    expect(groups).toEqual([
      { name: 'Day shift', nodes: ['Orders are packed, producing parcels for couriers', 'Stock is counted'] },
      { name: 'Night shift', nodes: ['Trucks are unloaded, which frees the loading bay', 'Shelves are refilled', 'Forklifts'] },
    ])
  })

  it('still draws no groups when the short labels are too long (the shape test is unchanged)', () => {
    const note = '# Court\n\n## Roles\n\n### Trial judge duties\n\n- The judge decides which pieces of evidence the jury may hear at trial\n- Sentences\n\n### Appeal judge duties\n\n- Reviews\n- Rulings\n'
    expect(findGroups(outlineOf(note).sections[0])).toBeUndefined()
  })
})
