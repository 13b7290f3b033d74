import { describe, expect, it } from 'vitest'
import { findSides, finiteClause } from '../src/plan/sides.js'
import { termsOf } from '../src/plan/phrase.js'
import { headingPair } from '../src/plan/contrast.js'
import { runsText } from '../src/text.js'
import type { Section } from '../src/types.js'
import { outlineOf } from './structure-helpers.js'
import { deckOf } from './helpers.js'

/** The section titled `title` in a note's outline. */
function sectionOf(text: string, title: string): Section {
  const find = (sections: Section[]): Section | undefined => {
    for (const section of sections) {
      if (section.title === title) return section
      const inner = find(section.children)
      if (inner) return inner
    }
    return undefined
  }
  const found = find(outlineOf(text).sections)
  if (!found) throw new Error(`no section ${title}`)
  return found
}

const cells = (text: string, title: string): string[][] | undefined =>
  findSides(sectionOf(text, title))?.rows.map((row) => row.cells.map((cell) => (cell ? runsText(cell) : '—')))

describe('headingPair gives both subjects the head the heading writes once', () => {
  it.each([
    ['Static vs dynamic typing', ['Static typing', 'Dynamic typing']],
    ['Hard vs soft skills', ['Hard skills', 'Soft skills']],
    ['Centralised vs federated governments', ['Centralised governments', 'Federated governments']],
    ['Cats vs wild dogs', ['Cats', 'Wild dogs']],
    ['Rome vs Carthage', ['Rome', 'Carthage']],
  ])('reads %j', (title, pair) => {
    expect(headingPair(title)).toEqual(pair)
  })
})

describe('two subjects told of side by side, a bullet or paragraph each', () => {
  it.each([
    [
      'history (bullets under "X vs Y", a pronoun sentence and a participle clause)',
      '## Notes\n\n### Centralised vs federated governments\n\n- A **centralised government** keeps all power in the capital, with regions waiting for orders. This makes one crisis in the capital a risk to the whole country.\n- A **federated government** gives each region its own parliament, letting laws differ from place to place, as well as lowering the risk to the whole country.\n',
      'Centralised vs federated governments',
      [
        ['keeps all power in the capital', 'gives each region its own parliament'],
        ['makes one crisis in the capital a risk to the whole country', 'lowers the risk to the whole country'],
      ],
    ],
    [
      'biology (paragraphs that open with the two subjects, under "Differences between X and Y")',
      '## Cells\n\n### Differences between mitosis and meiosis\n\nMitosis and meiosis both divide a cell, but they end in different places.\n\nMitosis is a division that copies a body cell. It yields two identical daughter cells.\n\nMeiosis is a division that makes sex cells. It yields four daughter cells with half the chromosomes.\n',
      'Differences between mitosis and meiosis',
      [
        ['is a division that copies a body cell', 'is a division that makes sex cells'],
        ['yields two identical daughter cells', 'yields four daughter cells with half the chromosomes'],
      ],
    ],
    [
      'economics (two bold-led bullets, no pair heading)',
      '## Market shapes\n\n### Sellers\n\n- **Monopoly** means one firm sets the market price. It earns a profit above cost in the long run.\n- **Perfect competition** means every firm takes the market price. It earns no profit above cost in the long run.\n',
      'Sellers',
      [
        ['means one firm sets the market price', 'means every firm takes the market price'],
        ['earns a profit above cost in the long run', 'earns no profit above cost in the long run'],
      ],
    ],
    [
      'law (two `Name:` paragraphs, each with an `Example:` line after a <br> tag)',
      '## Courts\n\n### Civil vs criminal\n\nCivil: One person sues another to repair a private harm. The state only referees.<br>Example: A tenant sues a landlord over a lost deposit.\n\nCriminal: The state prosecutes a person for a public wrong.<br>Example: A prosecutor charges a driver with reckless driving.\n',
      'Civil vs criminal',
      [
        ['One person sues another to repair a private harm. The state only referees', 'The state prosecutes a person for a public wrong'],
        ['A tenant sues a landlord over a lost deposit', 'A prosecutor charges a driver with reckless driving'],
      ],
    ],
  ])('makes a table in %s', (_, note, title, expected) => {
    expect(cells(note, title)).toEqual(expected)
  })

  it.each([
    [
      'a third subject in the text',
      '## Law\n\n### Civil vs common law\n\n- **Civil law** rests on written codes that judges apply.\n- **Common law** rests on earlier rulings that judges follow.\n- **Religious law** rests on sacred texts that scholars read.\n',
      'Civil vs common law',
    ],
    [
      'sides that share no words',
      '## Trips\n\n### Trains vs planes\n\n- **Trains** leave from the middle of town.\n- **Planes** need a security check first.\n',
      'Trains vs planes',
    ],
    [
      'a heading that names no pair and plain bullets',
      '## Farming\n\n### Soil care\n\n- Farmers rotate crops every year to rest the soil.\n- Farmers plant clover to feed the soil.\n',
      'Soil care',
    ],
    [
      'two bold labels that are not subjects (pros and cons)',
      '## Renting\n\n### Weighing it up\n\n- **Pros**: Rent is paid monthly. Repairs are the owner\'s job.\n- **Cons**: Rent rises each year. Repairs wait for the owner.\n',
      'Weighing it up',
    ],
    [
      'two bold-led steps whose second sentences tell of something else',
      '## Baking\n\n### Bread\n\n- **Step one** mixes the flour and water. Let the dough rest for an hour.\n- **Step two** shapes the dough into loaves. Let the loaves rest for an hour.\n',
      'Bread',
    ],
  ])('makes no table for %s', (_, note, title) => {
    expect(findSides(sectionOf(note, title))).toBeUndefined()
  })

  it('shows the table instead of the bullets, with every sentence in the notes', () => {
    const note = '# Statecraft\n\n## Centralised vs federated governments\n\n- A **centralised government** keeps all power in the capital, with regions waiting for orders. This makes one crisis in the capital a risk to the whole country.\n- A **federated government** gives each region its own parliament, letting laws differ from place to place, as well as lowering the risk to the whole country.\n\n## Later\n\nSomething else happens later on.\n'
    const { parsed } = deckOf(note)
    const shown = parsed.slides.filter((slide) => slide.content.includes('# Centralised vs federated governments'))
    expect(shown).toHaveLength(1)
    const [slide] = shown
    expect(slide.content).toContain('| Centralised governments | Federated governments |')
    expect(slide.content).toContain('| keeps all power in the capital | gives each region its own parliament |')
    expect(slide.content).not.toContain('- A **centralised government**')
    expect(slide.note).toContain('with regions waiting for orders')
    expect(slide.note).toContain('letting laws differ from place to place')
  })
})

describe('a participle clause in a cell says what its subject does', () => {
  const main = (text: string) => termsOf(text)[0]
  it.each([
    ['carrying the load', 'holds', 'carries the load'],
    ['fixing most faults', 'keeps', 'fixes most faults'],
    ['lowering the cost', 'keep', 'lower the cost'],
    ['lowering the cost', 'kept', 'lowering the cost'],
    ['with clerks waiting', 'holds', 'with clerks waiting'],
  ])('%j after %j reads %j', (clause, verb, expected) => {
    expect(finiteClause(clause, main(verb))).toBe(expected)
  })
})
