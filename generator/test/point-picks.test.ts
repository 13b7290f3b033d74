import { describe, expect, it } from 'vitest'
import { condenseItems, gist, itemPoint } from '../src/plan/condense.js'
import { isCaveat, pointsBackInside } from '../src/plan/point.js'
import { runsText } from '../src/text.js'
import type { BulletItem } from '../src/types.js'

const outline = (items: BulletItem[]): string[] => items.flatMap((item) => [`- ${runsText(item.runs)}`, ...item.children.map((child) => `  - ${runsText(child.runs)}`)])
const shown = (text: string): string[] => outline(condenseItems([{ text }], 16, { alone: true }))
const item = (text: string): string => runsText(itemPoint([{ text }]))

describe('a shown sentence that points back brings what it points at', () => {
  it.each([
    ['Gardeners pick from these varieties to plant beds that flower from spring to autumn.', true],
    ['Traders feared that such tariffs would close their ports to grain from abroad.', true],
    ['Rivers carry silt such as clay and fine sand down to the delta.', false],
    ['At this point the court may dismiss the claim without a hearing.', false],
    ['Most of these were built before the war.', false],
  ])('%s → %s', (text, expected) => {
    expect(pointsBackInside(text)).toBe(expected)
  })

  it('never shows "these varieties" without the sentence that names them (botany)', () => {
    const paragraph =
      'A seed bank stores frozen seeds of hundreds of wheat, barley and rye varieties. ' +
      'Breeders can request samples from these varieties to cross new crops that resist drought in their own fields, because the old ones are lost. ' +
      'The vault sits inside a mountain far to the north, where the rock stays cold all year round. ' +
      'Visitors are rarely allowed inside the vault.'
    const bullets = shown(paragraph).join('\n')
    expect(bullets).toContain('these varieties')
    expect(bullets).toContain('A seed bank stores frozen seeds')
  })
})

describe('a line of a list keeps its caveat', () => {
  it.each([
    ['If the tenant leaves early, the deposit is kept.', true],
    ['The law applies to every sale unless the buyer is a business.', true],
    ['However, the rule was rarely enforced in the colonies.', true],
    ['When you open the valve, water flows into the tank.', false],
    ['The museum opened in 1902.', false],
  ])('%s → %s', (text, expected) => {
    expect(isCaveat(text)).toBe(expected)
  })

  it.each([
    [
      'a condition and its consequence (law)',
      'Verbal leases are valid for short stays. If the stay runs past a year, the lease must be written down. Courts see many such disputes.',
      'If the stay runs past a year, the lease must be written down',
    ],
    [
      'a caveat after a sentence it skips (economics)',
      'Central banks usually set a short-term interest rate for the banks they supervise. Commercial banks then lend to each other overnight at about that rate. The rate cannot fall much below zero unless cash itself is taxed.',
      'unless cash itself is taxed',
    ],
    [
      'a "However" turn, with its "However" (history)',
      'The treaty gave the duchy its own courts. However, appeals still went to the imperial capital.',
      'However, appeals still went to the imperial capital',
    ],
  ])('shows %s after the point', (_name, text, caveat) => {
    const line = item(text)
    expect(line).toContain(caveat)
    expect(line.indexOf(caveat)).toBeGreaterThan(0)
  })

  it('leaves a line without a caveat as its point sentence (chemistry)', () => {
    expect(item('Sodium reacts with water. The reaction gives off hydrogen gas. Teachers show it with a small piece.')).toBe('Sodium reacts with water')
  })
})

describe('a definition cell says what the term is, not only where it is', () => {
  const cell = (explanation: string, term: string): string => runsText(gist([{ text: explanation }], 10, [{ text: term }]))
  it.each([
    ['a sentence that only places the term (geography)', 'Parishes', 'Within each county there are several parishes. Each parish had its own church, a vestry and a poor fund. Parishes kept the records of births.', 'Each parish had its own church'],
    ['a "This is …" sentence without its pronoun (law)', 'Escrow accounts', 'During a house sale, the deposit sits in escrow accounts. This is a neutral account that releases money only when both sides sign.', 'A neutral account that releases money'],
  ])('%s', (_name, term, explanation, expected) => {
    expect(cell(explanation, term)).toContain(expected)
  })

  it('keeps a first sentence that defines the term by naming it (biology)', () => {
    expect(cell('Ribosomes are small machines that build proteins from amino acids. They sit on the rough reticulum.', 'Ribosomes')).toContain('Ribosomes are small machines')
  })
})

describe('a cell whose first sentence names the term after describing it', () => {
  it('keeps that sentence (biology)', () => {
    const cell = runsText(gist([{ text: 'The small machines that build proteins in a cell are called ribosomes. Each ribosome reads one strand.' }], 10, [{ text: 'Ribosomes' }]))
    expect(cell).toContain('called ribosomes')
  })
})

describe('a step keeps the sentence after it that gives its code', () => {
  it('shows the other path a step names (chemistry lab software)', () => {
    const line = runsText(itemPoint([{ text: 'Clear the cache folder ' }, { text: '/var/lib/spectra/cache', code: true }, { text: ' before a run. On older installs it sits at ' }, { text: '~/.spectra/cache', code: true }, { text: ' instead.' }]))
    expect(line).toContain('~/.spectra/cache')
    expect(line.indexOf('Clear the cache folder')).toBe(0)
  })

  it('does not add a sentence that only repeats the same code (history archive tools)', () => {
    const line = runsText(itemPoint([{ text: 'Run ' }, { text: 'scan --all', code: true }, { text: ' on each box of letters. The tool ' }, { text: 'scan --all', code: true }, { text: ' prints one line per letter.' }]))
    expect(line).not.toContain('prints one line')
  })
})
