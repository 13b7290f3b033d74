import { describe, expect, it } from 'vitest'
import { condenseItems, condenseParts, gist } from '../src/plan/condense.js'
import { leaning, sentencePoints, standsAlone } from '../src/plan/point.js'
import { runsText } from '../src/text.js'
import type { BulletItem, Run } from '../src/types.js'
import { deckOf } from './helpers.js'

/** Markdown-ish text to runs: `**bold**` and `==marked==` become strong and highlighted runs. */
function runs(text: string): Run[] {
  return text
    .split(/(\*\*[^*]+\*\*|==[^=]+==)/)
    .filter(Boolean)
    .map((part): Run => (part.startsWith('**') ? { text: part.slice(2, -2), strong: true } : part.startsWith('==') ? { text: part.slice(2, -2), tags: ['mark'] } : { text: part }))
}

/** Items as an outline: "- text" lines, children indented. */
function outline(items: BulletItem[]): string[] {
  return items.flatMap((item) => [`- ${runsText(item.runs)}`, ...item.children.map((child) => `  - ${runsText(child.runs)}`)])
}

const shown = (text: string, heading = ''): string[] => outline(condenseItems(runs(text), 16, { heading, alone: true }))

describe('the sentences a speaker needs stay on the slide', () => {
  it('keeps the sentence that defines a bold term, not a minor one after it (biology)', () => {
    const paragraph =
      'Plant cells have a rigid wall around their membrane. The wall lets them keep their shape without a skeleton. ' +
      'Inside, a large vacuole filled with sap pushes outwards on the wall, which is called **turgor pressure**. ' +
      'Gardeners sometimes notice this in the morning. For example, a wilted lettuce leaf stiffens again in cold water. ' +
      'Some textbooks draw the vacuole in blue.'
    const bullets = shown(paragraph).join('\n')
    expect(bullets).toContain('which is called turgor pressure')
    expect(bullets).not.toContain('lettuce')
    expect(bullets).not.toContain('textbooks')
  })

  it('keeps the sentence that explains why over a descriptive one (economics)', () => {
    const paragraph =
      'A price ceiling sets the highest legal price for a good. Rent control in large cities is the usual case. ' +
      'Landlords list fewer flats because the capped rent no longer covers their costs. ' +
      'The rules differ from one district to the next. Tenants in controlled flats move less often.'
    expect(shown(paragraph)).toContain('- Landlords list fewer flats because the capped rent no longer covers their costs')
  })

  it('shows a turning "However" together with the sentence it turns (law)', () => {
    const paragraph =
      'A contract needs an offer, an acceptance and something of value given in return. A promise of a gift is therefore not binding. ' +
      'However, a court may still enforce it when the other side relied on it to their cost. Clerks file the papers by date.'
    const bullets = shown(paragraph)
    const at = bullets.findIndex((line) => line.includes('court may still enforce'))
    expect(at).toBeGreaterThan(0)
    // The contrast nests under what it contrasts, which is on the slide.
    expect(bullets[at]).toMatch(/^ {2}- However, a court/)
    expect(bullets[at - 1]).toBe('- A promise of a gift is therefore not binding')
  })

  it('keeps a highlighted sentence and a boxed formula (history, physics)', () => {
    const history =
      'The treaty was signed in a railway carriage in the forest. ==It forced the defeated side to accept the whole blame for the war.== ' +
      'The delegates arrived by train over two days. Newspapers printed the full text within the week.'
    expect(shown(history).join('\n')).toContain('It forced the defeated side to accept the whole blame for the war')
    const physics: Run[] = [
      { text: 'A falling stone speeds up at a constant rate near the ground. Over time its speed grows as ' },
      { text: '\\boxed{v = g t}', math: true },
      { text: ', with no dependence on its mass. The stone in the lab was grey. Air resistance is ignored here. The experiment took an afternoon to set up.' },
    ]
    const bullets = outline(condenseItems(physics, 16, { alone: true })).join('\n')
    expect(bullets).toContain('\\boxed{v = g t}')
  })

  it('shows more of a long paragraph than of a short one, and splits it across slides when it must', () => {
    const long = Array.from({ length: 8 }, (_, i) => `The **stage ${i + 1}** of the river delta builds a new bank of silt and sand over many years.`).join(' ')
    const fitsThree = (items: BulletItem[]): boolean => items.length <= 3
    const parts = condenseParts(runs(long), fitsThree)
    const total = parts.flat().length
    expect(total).toBeGreaterThan(3)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(3)
  })
})

describe('a paragraph split across slides leaves no minor bullet alone', () => {
  const fitsTwo = (items: BulletItem[]): boolean => items.length <= 2
  it('sends a lone plain sentence to the notes (geography)', () => {
    const paragraph = 'Deltas form where a river meets calm water. The river drops its silt as it slows down. Farmers have worked delta soils for thousands of years.'
    expect(condenseParts(runs(paragraph), fitsTwo).map((part) => outline(part))).toEqual([['- Deltas form where a river meets calm water', '- The river drops its silt as it slows down']])
  })

  it('keeps a marked sentence even when it must stand on a slide of its own (geography)', () => {
    const paragraph = 'Deltas form where a river meets calm water. The river drops its silt as it slows down. Geographers call the new land an **alluvial plain**.'
    const parts = condenseParts(runs(paragraph), fitsTwo)
    expect(parts).toHaveLength(2)
    expect(runsText(parts[1][0].runs)).toMatch(/^Geographers call the new land an alluvial plain/)
  })
})

describe('a sentence that leans on another never shows without it', () => {
  it.each([
    ['This metadata lives in memory.', 'reference'],
    ['It runs every few seconds.', 'reference'],
    ['These tribes moved with the herds.', 'reference'],
    ['Another is the right to a lawyer.', 'reference'],
    ['One of those is the opportunity cost.', 'reference'],
    ['However, the court disagreed.', 'contrast'],
    ['But prices rose anyway.', 'contrast'],
    ['It is hard to measure inflation in a war.', 'none'],
    ['It is used to date the layers of a rock.', 'reference'],
    ['Still, the court disagreed.', 'contrast'],
    ['Still consider the same two firms.', 'none'],
    ['Thermal energy flows from hot to cold.', 'none'],
    ['Another court reached the same verdict.', 'none'],
  ])('%s → %s', (text, leans) => {
    expect(leaning(text)).toBe(leans)
  })

  it('nests a "This" sentence under the sentence it points back to (medicine)', () => {
    const paragraph =
      'The liver stores sugar as glycogen between meals. When blood sugar falls, it releases the sugar again. ' +
      'This keeps the brain supplied overnight. The organ weighs about a kilogram and a half in an adult.'
    const bullets = shown(paragraph)
    const at = bullets.indexOf('  - This keeps the brain supplied overnight')
    expect(at).toBeGreaterThan(0)
    expect(bullets[at - 1]).toBe('- When blood sugar falls, it releases the sugar again')
  })

  it('does not open a paragraph with a sentence that continues the one before, when it has others to show', () => {
    const paragraph = 'This is much like the way a river cuts its valley. Glaciers carve wide valleys shaped like a U. Rivers cut narrow ones shaped like a V.'
    expect(shown(paragraph)).toEqual(['- Glaciers carve wide valleys shaped like a U', '- Rivers cut narrow ones shaped like a V'])
    // Alone, or in a list item, it is all there is to show (it leans on the heading): it stays.
    expect(outline(condenseItems(runs('This is much like the way a river cuts its valley.'), 16, { alone: true }))).toEqual(['- This is much like the way a river cuts its valley'])
  })

  it('never shows the "This" sentence of a paragraph whose antecedent is its own dropped first sentence', () => {
    const paragraph = 'This keeps the law simple for the courts. The judges met twice a year in the capital. Their robes were red.'
    expect(shown(paragraph).some((line) => line.includes('This keeps'))).toBe(false)
  })

  it('a takeaway stands alone: no pronoun subject, no "Another …", no "However …"', () => {
    expect(standsAlone('Another treaty ended the second war.')).toBe(false)
    expect(standsAlone('This made the tax unpopular.')).toBe(false)
    expect(standsAlone('However, the tax stayed.')).toBe(false)
    expect(standsAlone('The guild solved this problem with a levy.')).toBe(false)
    expect(standsAlone('The salt tax funded the army for a century.')).toBe(true)
  })

  it('reads examples, asides and cross-references as minor', () => {
    const points = sentencePoints([
      'Demand falls when the price rises.',
      'For example, fewer people buy coffee at four dollars a cup.',
      'This was also covered in the chapter on markets.',
      'Would you pay more?',
    ])
    expect(points.map((p) => p.minor)).toEqual([false, true, true, true])
  })
})

describe('a table cell glosses its term instead of repeating it', () => {
  it('takes the "This means that …" gloss when the first sentence only names the term (anthropology)', () => {
    const explanation = runs('many herding peoples lead a nomadic life. This means that they move their camps with the seasons and the grass.')
    expect(runsText(gist(explanation, 10, [{ text: 'Nomadic', strong: true }]))).toBe('they move their camps with the seasons and the grass')
  })

  it('shows the whole definition when the first sentence repeats the term but gives a number', () => {
    const explanation = runs('herders over 40 years old lead a nomadic life. This means that they move their camps with the seasons.')
    expect(runsText(gist(explanation, 10, [{ text: 'Nomadic', strong: true }]))).toBe('herders over 40 years old lead a nomadic life. They move their camps with the seasons')
  })

  it('keeps the first sentence when it explains the term itself', () => {
    const explanation = runs('a camp that stays in one place all year. This means that fields can be farmed.')
    expect(runsText(gist(explanation, 10, [{ text: 'Settled', strong: true }]))).toBe('a camp that stays in one place all year')
  })
})

describe('takeaways without a summary section', () => {
  const note = [
    '# Trade',
    '',
    '## Tariffs',
    '',
    'A tariff is a tax on goods that cross a border. This raises what buyers pay for imports. Another tool is the quota.',
    '',
    '## Quotas',
    '',
    'Another measure is the quota. A quota caps how many units of a good may enter in a year. It protects local makers from cheaper rivals.',
    '',
    '## Subsidies',
    '',
    'Subsidies pay local makers so that they can sell below the world price. Such payments cost the treasury a great deal.',
    '',
  ].join('\n')

  it('takes each section’s strongest point, standing alone, never a bare label', () => {
    const deck = deckOf(note)
    const takeaways = deck.slides.filter((slide) => slide.kind === 'takeaways')
    const items = takeaways.flatMap((slide) => slide.body.flatMap((block) => (block.type === 'bullets' ? block.items.map((item) => runsText(item.runs)) : [])))
    expect(items).toEqual([
      'A tariff is a tax on goods that cross a border',
      'A quota caps how many units of a good may enter in a year',
      'Subsidies pay local makers so that they can sell below the world price',
    ])
  })

  it('uses the note’s own recap when it has one', () => {
    const deck = deckOf(`${note}\n## Quick recap\n\n- Tariffs tax imports at the border.\n- Quotas cap the amount that enters.\n`)
    const takeaways = deck.slides.find((slide) => slide.kind === 'takeaways')!
    expect(takeaways.title).toBe('Quick recap')
    const items = takeaways.body.flatMap((block) => (block.type === 'bullets' ? block.items.map((item) => runsText(item.runs)) : []))
    expect(items).toEqual(['Tariffs tax imports at the border', 'Quotas cap the amount that enters'])
  })

  it('shows a recap item that leads into its own list with that list, never alone', () => {
    const deck = deckOf(`${note}\n### tldr\n- Tariffs tax imports at the border.\n- A government has the following tools:\n\t1. Charging a tax on each imported good\n\t2. Capping how many units may enter in a year\n- Quotas cap the amount that enters.\n`)
    const takeaways = deck.slides.filter((slide) => slide.kind === 'takeaways')
    const items = takeaways.flatMap((slide) => slide.body.flatMap((block) => (block.type === 'bullets' ? block.items.map((item) => [runsText(item.runs), item.children.length]) : [])))
    expect(items).toEqual([['Tariffs tax imports at the border', 0], ['A government has the following tools', 2], ['Quotas cap the amount that enters', 0]])
    expect(takeaways.map((slide) => slide.notes).join('\n')).toContain('Capping how many units may enter in a year')
  })
})
