import { describe, expect, it } from 'vitest'
import { findComparison, sameAspect } from '../src/plan/compare.js'
import { outlineOf } from './structure-helpers.js'
import { deckOf } from './helpers.js'

const text = (runs: Array<{ text: string }>): string => runs.map((run) => run.text).join('')

/** The comparison found in the first section of a note, as plain text. */
function tableIn(note: string) {
  const found = findComparison(outlineOf(note).sections[0])
  if (!found) return undefined
  return {
    subjects: found.block.subjects,
    rows: found.block.rows.map((row) => [row.aspect, ...row.cells.map(text)]),
  }
}

describe('sameAspect (aspects aligned by their words)', () => {
  it.each([
    ['Use cases', 'Use case', [], true],
    ['Typical use cases', 'Use case', [], true],
    ['Main arterial vessels', 'Main venous vessels', ['Arterial blood', 'Venous blood'], true],
    ['Why arterial blood looks bright', 'Why venous blood looks dark', ['Arterial blood', 'Venous blood'], true],
    ['Memory usage', 'Start time', [], false],
    ['Memory usage', 'Disk usage', [], false],
    ['Cost', 'Speed', [], false],
    ['Origin', 'Original text', [], false],
  ])('%j and %j → %j', (a, b, subjects, expected) => {
    expect(sameAspect(a, b, subjects as string[])).toBe(expected)
  })
})

describe('findComparison (from the shape of the text)', () => {
  it.each([
    [
      'Label: lines, soft-wrapped in one paragraph (law)',
      '# Courts\n\n## Two kinds of trial\n\n### Criminal trials\n\nBrought by: the state, through a prosecutor\nStandard of proof: beyond reasonable doubt\nOutcome: a verdict and perhaps a sentence\n\n### Civil trials\n\nBrought by: a private party\nStandard of proof: the balance of probabilities\nOutcome: damages or an order\n',
      ['Criminal trials', 'Civil trials'],
      [
        ['Brought by', 'the state, through a prosecutor', 'a private party'],
        ['Standard of proof', 'beyond reasonable doubt', 'the balance of probabilities'],
        ['Outcome', 'a verdict and perhaps a sentence', 'damages or an order'],
      ],
    ],
    [
      'bold-labelled list items with one aspect missing (biology)',
      '# Cells\n\n## Cell types\n\n### Prokaryotes\n\n- **Nucleus**: none, the DNA floats in the cytoplasm\n- **Size**: small\n\n### Eukaryotes\n\n- **Nucleus**: a membrane wraps the DNA\n- **Size**: larger\n- **Organelles**: many, each with a membrane\n',
      ['Prokaryotes', 'Eukaryotes'],
      [
        ["Nucleus", "none, the DNA floats in the cytoplasm", "a membrane wraps the DNA"],
        ['Size', 'small', 'larger'],
        ["Organelles", "—", "many, each with a membrane"],
      ],
    ],
    [
      'parallel lead-ins in one section (economics)',
      '# Markets\n\n## Market forms\n\nPerfect competition:\n\n- Sellers: very many\n- Price: taken from the market\n\nMonopoly:\n\n- Sellers: exactly one\n- Price: set by the firm\n',
      ['Perfect competition', 'Monopoly'],
      [
        ['Sellers', 'very many', 'exactly one'],
        ['Price', 'taken from the market', 'set by the firm'],
      ],
    ],
    [
      'parallel subsection titles that differ in the subject word (medicine)',
      '# Blood\n\n## Circulation\n\n### Arterial blood\n\n#### Why arterial blood looks bright\n\nIt carries a lot of oxygen.\n\n#### Main arterial vessels\n\nThe aorta and its branches.\n\n### Venous blood\n\n#### Why venous blood looks dark\n\nIt has given up most of its oxygen.\n\n#### Main venous vessels\n\nThe two venae cavae.\n',
      ['Arterial blood', 'Venous blood'],
      [
        ['Why blood looks bright', 'It carries a lot of oxygen', 'It has given up most of its oxygen'],
        ['Main vessels', 'The aorta and its branches', 'The two venae cavae'],
      ],
    ],
    [
      'bold item openings with sub-items that open alike (physiology)',
      '# Sleep\n\n## Two drives\n\n- **Drive A** is the slow pressure to sleep\n  - Builds up while we are awake\n  - Regulated by a chemical that piles up in the day\n- **Drive B** is the daily clock\n  - Builds up in the late evening\n  - Regulated by a hormone made at night\n',
      ['Drive A', 'Drive B'],
      [
        ['Is', 'the slow pressure to sleep', 'the daily clock'],
        ['Builds up', 'while we are awake', 'in the late evening'],
        ['Regulated by', 'a chemical that piles up in the day', 'a hormone made at night'],
      ],
    ],
  ])('makes a table from %s', (_, note, subjects, rows) => {
    expect(tableIn(note)).toEqual({ subjects, rows })
  })

  it.each([
    ['one shared label only', '# T\n\n## S\n\n### A\n\n- **Origin**: north\n- **Colour**: red\n\n### B\n\n- **Origin**: south\n- **Weight**: heavy\n'],
    ['parallel lists with different labels', '# T\n\n## Strengths\n\n### Strengths of oak\n\n- **Hardness**: very hard\n- **Grain**: tight\n\n### Strengths of pine\n\n- **Price**: cheap\n- **Weight**: light\n'],
    ['a list of headings with no labels', '# T\n\n## Rivers\n\n### The Nile\n\nLong.\n\n### The Amazon\n\nWide.\n'],
  ])('makes no table from %s', (_, note) => {
    expect(tableIn(note)).toBeUndefined()
  })

  it('never cuts a cell with "…"', () => {
    const note =
      '# T\n\n## Regimes\n\n### Athens\n\nPower: the assembly of all citizen men, who met on a hill several times every month to vote on laws and wars\nOffices: chosen by lot among volunteers\n\n### Sparta\n\nPower: two kings and a council of elders\nOffices: elected by shouting\n'
    const table = tableIn(note)
    expect(table?.rows.flat().some((cell) => cell.includes('…'))).toBe(false)
  })

  it('shows the table once and keeps the labelled lines in its notes', () => {
    const deck = deckOf('# T\n\n## Regimes\n\n### Athens\n\nPower: the assembly\nOffices: chosen by lot\n\n### Sparta\n\nPower: two kings\nOffices: elected by shouting\n')
    const tables = deck.slides.filter((slide) => slide.kind === 'comparison')
    expect(tables).toHaveLength(1)
    expect(tables[0].notes).toContain('Offices: chosen by lot')
    expect(deck.slides.filter((slide) => slide.kind !== 'comparison' && slide.kind !== 'takeaways').some((slide) => JSON.stringify(slide.body).includes('chosen by lot'))).toBe(false)
  })
})

describe('comparisons between top-level sections', () => {
  it('makes one table after the last compared section when parallel headings differ in the subject word', () => {
    const note =
      '# Markets\n\n## The demand side\n\n### Why demand falls with price\n\nBuyers switch to cheaper goods.\n\n### Main demand drivers\n\nIncome and tastes.\n\n## The supply side\n\n### Why supply rises with price\n\nSellers earn more per unit.\n\n### Main supply drivers\n\nCosts and technology.\n'
    const deck = deckOf(note)
    const kinds = deck.slides.map((slide) => slide.kind)
    const table = deck.slides.find((slide) => slide.kind === 'comparison')
    const block = table?.body[0]
    expect(block?.type === 'comparison' && block.subjects).toEqual(['Demand side', 'Supply side'])
    expect(block?.type === 'comparison' && block.rows.map((row) => row.aspect)).toEqual(['Why falls with price', 'Main drivers'])
    expect(kinds.lastIndexOf('section')).toBeLessThan(kinds.indexOf('comparison'))
    expect(table?.notes).toContain('Sellers earn more per unit.')
  })
})

describe('comparisons of statements without labels (aligned by their shape)', () => {
  it.each([
    [
      'sibling lists opening with the same verb, a negation on one side (law)',
      '# Remedies\n\n## Damages vs injunctions\n\n### Damages\n\n- Awarded by the court at the end of the trial\n- Paid as a sum of money\n- Available as of right\n\n### Injunctions\n\n- Awarded by the court at its discretion\n- Paid in no money at all\n- Not available as of right\n',
      ['Damages', 'Injunctions'],
      [
        ['Awarded by', 'the court at the end of the trial', 'the court at its discretion'],
        ['Paid', 'as a sum of money', 'in no money at all'],
        ['Available', 'Available as of right', 'Not available as of right'],
      ],
    ],
    [
      'sibling lists whose items differ in one word, and a heading item with its sub-items (cooking)',
      '# Heat\n\n## Two ways to cook meat\n\n### Braising\n\n- Cooked in liquid\n- Slow gentle heat\n- Signs of doneness\n  - Meat falls apart\n  - Sauce thickens\n\n### Grilling\n\n- Cooked over open flame\n- Fast gentle heat\n- Signs of doneness\n  - Crust darkens\n',
      ['Braising', 'Grilling'],
      [
        ['Cooked', 'in liquid', 'over open flame'],
        ['Gentle heat', 'Slow gentle heat', 'Fast gentle heat'],
        ['Signs', 'Meat falls apart; Sauce thickens', 'Crust darkens'],
      ],
    ],
    [
      'Name: lines whose sentences have the same subjects (economics)',
      '# Taxes\n\n## Three taxes\n\nIncome tax: the base is earned income. The rate rises with what you earn.\nSales tax: the base is spending. The rate is flat. It is collected by shops.\nWealth tax: the rate is low. The base is what you own.\n',
      ['Income tax', 'Sales tax', 'Wealth tax'],
      [
        ['Base', 'earned income', 'spending', 'what you own'],
        ['Rate', 'rises with what you earn', 'flat', 'low'],
      ],
    ],
  ])('%s', (_, note, subjects, rows) => {
    const table = tableIn(note)
    expect(table?.subjects).toEqual(subjects)
    expect(table?.rows).toEqual(rows)
  })

  it.each([
    [
      'sibling lists about unrelated things (history)',
      '# Empires\n\n## Two empires\n\n### Rome\n\n- Founded on seven hills\n- Roads across Europe\n- Latin as the language of law\n\n### Mali\n\n- Gold from the west\n- Timbuktu as a seat of learning\n- A pilgrimage to Mecca\n',
    ],
    [
      'Name: lines whose sentences share one subject only (biology)',
      '# Cells\n\n## Organelles\n\nMitochondria: the membrane is folded. They make ATP.\nRibosomes: the membrane is absent. Proteins are built there.\n',
    ],
    [
      'sibling lists where only one statement of each aligns (cooking)',
      '# Doughs\n\n## Doughs\n\n### Bread\n\n- Made with yeast\n- Kneaded for ten minutes\n- Rises twice\n\n### Pastry\n\n- Made with cold butter\n- Handled as little as possible\n- Rested in the fridge\n',
    ],
  ])('no table: %s', (_, note) => {
    expect(tableIn(note)).toBeUndefined()
  })

  it('keeps the lists on their slides when a statement does not align, and puts the table after them (biology)', () => {
    const deck = deckOf('# Blood\n\n## Two vessels\n\n### Arteries\n\n- Carry blood away from the heart\n- Thick muscular walls\n- Pulse can be felt at the wrist\n\n### Veins\n\n- Carry blood back to the heart\n- Thin muscular walls\n')
    const kinds = deck.slides.map((slide) => slide.kind)
    const table = deck.slides.find((slide) => slide.kind === 'comparison')
    const block = table?.body[0]
    expect(block?.type === 'comparison' && block.rows.map((row) => row.aspect)).toEqual(['Carry', 'Muscular walls'])
    const before = deck.slides.slice(0, kinds.indexOf('comparison'))
    expect(before.some((slide) => JSON.stringify(slide.body).includes('Pulse can be felt at the wrist'))).toBe(true)
  })

  it('keeps every aligned statement in the notes and consumes the compared lists', () => {
    const deck = deckOf('# Remedies\n\n## Damages vs injunctions\n\n### Damages\n\n- Awarded by the court at the end of the trial\n- Available as of right\n\n### Injunctions\n\n- Awarded by the court at its discretion\n- Not available as of right\n')
    const table = deck.slides.find((slide) => slide.kind === 'comparison')
    expect(table?.notes).toContain('Awarded by the court at its discretion')
    expect(deck.slides.filter((slide) => slide.kind === 'content').some((slide) => JSON.stringify(slide.body).includes('at its discretion'))).toBe(false)
  })
})

describe('sibling sections in prose that say the same kind of thing', () => {
  it.each([
    [
      'economics',
      '# Trade\n\n## Two policies\n\n### Free trade\n\nFree trade means lower prices for buyers. Thus, exporters gain foreign markets.\n\n### Protectionism\n\nProtectionism means higher prices for buyers. In turn, domestic makers gain the home market.\n',
      ['Free trade', 'Protectionism'],
      [
        ['', 'Means lower prices for buyers', 'Means higher prices for buyers'],
        ['', 'Exporters gain foreign markets', 'Domestic makers gain the home market'],
      ],
    ],
    [
      'history, with another name in brackets',
      '# Rule\n\n## Two regimes\n\n### Absolute monarchy (autocracy)\n\nAbsolute monarchy places all power in one ruler. Nobles hold a weak voice at court.\n\n### Constitutional monarchy\n\nConstitutional monarchy places power in a parliament. Nobles hold a voice in the upper house.\n',
      ['Absolute monarchy', 'Constitutional monarchy'],
      [
        ['', 'Places all power in one ruler', 'Places power in a parliament'],
        ['', 'Nobles hold a weak voice at court', 'Nobles hold a voice in the upper house'],
      ],
    ],
  ])('pairs sentences by verb and noun (%s)', (_, note, subjects, rows) => {
    const table = tableIn(note)
    expect(table?.subjects).toEqual(subjects)
    expect(table?.rows).toEqual(rows)
  })

  it('makes no table when only one sentence pair shares its frame (biology)', () => {
    const note = '# Plants\n\n## Two groups\n\n### Mosses\n\nMosses lack true roots. They grow in damp shade.\n\n### Ferns\n\nFerns lack seeds. Their fronds unroll in spring.\n'
    expect(tableIn(note)).toBeUndefined()
  })

  it('puts the table after the compared sections, which keep their own slides', () => {
    const deck = deckOf('# Trade\n\n## Two policies\n\n### Free trade\n\nFree trade means lower prices for buyers. Thus, exporters gain foreign markets.\n\n### Protectionism\n\nProtectionism means higher prices for buyers. In turn, domestic makers gain the home market.\n')
    const kinds = deck.slides.map((slide) => slide.kind)
    const table = kinds.indexOf('comparison')
    expect(table).toBeGreaterThan(0)
    expect(deck.slides.slice(0, table).some((slide) => JSON.stringify(slide.body).includes('home market'))).toBe(true)
  })
})

describe('a graded label ("Less durable") is the row of the aspect it grades', () => {
  it.each([
    ['Less durable', 'Durability', true],
    ['More secure', 'Security', true],
    ['Less flexible', 'Flexibility', true],
    ['Durability', 'Stability', false],
    ['Less durable', 'Cost', false],
    ['Flexible', 'Flexibility', false],
  ])('%s ≈ %s → %s', (a, b, expected) => {
    expect(sameAspect(a, b)).toBe(expected)
  })

  it('fills one row with both cells, the graded label kept as its cell’s point', () => {
    const note = '# Timber\n\n## Kinds of timber\n\n**Oak**\n- **Purpose:** Frames for houses and barns.\n- **Durability:** Lasts for centuries outdoors.\n- **Example:** Church roof beams.\n\n**Pine**\n- **Purpose:** Cheap furniture and shelving.\n- **Less durable:** Rots within decades unless it is treated.\n- **Example:** Flat-pack wardrobes.\n'
    const table = findComparison(outlineOf(note).sections[0])
    const rows = table?.block.rows.map((row) => [row.aspect, ...row.cells.map((cell) => cell.map((run) => run.text).join(''))])
    expect(rows?.find((row) => row[0] === 'Durability')).toEqual(['Durability', 'Lasts for centuries outdoors', 'Less durable: Rots within decades unless it is treated'])
    expect(rows?.some((row) => row[0] === 'Less durable')).toBe(false)
  })
})
