import { describe, expect, it } from 'vitest'
import { agendaTitles } from '../src/plan/frame.js'
import { deckOf } from './helpers.js'

describe('agenda items', () => {
  it.each([
    [['1. Soil types', '2. Drainage', '3) Crop rotation'], ['Soil types', 'Drainage', 'Crop rotation']],
    [['1- The treaty', '2- The war'], ['The treaty', 'The war']],
    // Numbers that are not the list's own order stay: the agenda would renumber them.
    [['3. Tariffs', '4. Quotas'], ['3. Tariffs', '4. Quotas']],
    [['1. Rome', 'Carthage'], ['1. Rome', 'Carthage']],
    [['1. Rome', '2. Carthage', 'Further reading'], ['Rome', 'Carthage', 'Further reading']],
    [['1. Rome', 'Carthage', '2. Athens'], ['1. Rome', 'Carthage', '2. Athens']],
    [['Judicial review:', 'Separation of powers:'], ['Judicial review', 'Separation of powers']],
    // A year is no section number.
    [['1914 and after', '1918 onwards'], ['1914 and after', '1918 onwards']],
  ])('shows %j as %j', (titles, shown) => {
    expect(agendaTitles(titles)).toEqual(shown)
  })

  it('does not number a self-numbered section twice, and keeps the full title in the notes', () => {
    const note = `# Contract law\n\n## 1. Offer\n\nAn offer states terms that the other side can accept.\n\n## 2. Acceptance\n\nAcceptance must mirror the offer exactly.\n`
    const agenda = deckOf(note).slides.find((slide) => slide.kind === 'agenda')!
    const block = agenda.body[0]
    expect(block.type === 'bullets' && block.items.map((item) => item.runs.map((run) => run.text).join(''))).toEqual(['Offer', 'Acceptance'])
    expect(agenda.notes).toContain('1. Offer')
  })
})
