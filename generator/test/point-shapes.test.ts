import { describe, expect, it } from 'vitest'
import { condenseItems, condenseParts, gist, isCircularDefinition, shortenSentence } from '../src/plan/condense.js'
import { hasOwnSubject, isBareMeasure, isFactList, isResult, leaning, standsAlone } from '../src/plan/point.js'
import { runsText } from '../src/text.js'
import type { BulletItem, Run, SlidePlan } from '../src/types.js'
import { deckOf } from './helpers.js'

// The shapes a blind reading found where the key point was dropped, or a deletion changed what a
// sentence says (issue #11, items 1–2). Every text here is written for the test, in several subjects.

/** Items as an outline: "- text" lines, children indented. */
function outline(items: BulletItem[]): string[] {
  return items.flatMap((item) => [`- ${runsText(item.runs)}`, ...item.children.map((child) => `  - ${runsText(child.runs)}`)])
}

const shown = (text: string | Run[], heading = '', fits?: (items: BulletItem[]) => boolean): string[] =>
  outline(condenseItems(typeof text === 'string' ? [{ text }] : text, 16, { heading, alone: true, fits }))

const short = (text: string, words = 8): string => runsText(shortenSentence([{ text }], words))

/** The text a deck's content and takeaway slides show: bullets (children indented) and table cells. */
function slideText(slides: SlidePlan[], kinds = ['content', 'takeaways']): string[] {
  const out: string[] = []
  for (const slide of slides.filter((s) => kinds.includes(s.kind))) {
    for (const block of slide.body) {
      if (block.type === 'bullets') out.push(...outline(block.items))
      if (block.type === 'definitions') for (const item of block.items) out.push(`${runsText(item.term)} | ${runsText(item.gist)}`)
    }
  }
  return out
}

describe('a figure on a slide says what it measures', () => {
  it.each([
    ['40 tonnes 🔥', true],
    ['12 metres without the cab', true],
    ['2-core CPU', true],
    ['3', false],
    ['5.1', false],
    ['64 kg - 4 kg = 60 kg of cargo', false],
    ['The hull weighs 40 tonnes', false],
  ])('%s → bare figure: %s', (text, bare) => {
    expect(isBareMeasure(text)).toBe(bare)
  })

  it.each([
    ['The trailer holds a checksum', true],
    ['Detects damaged cargo at the port', false],
    ['`Cab`', false],
  ])('%s → own subject: %s', (text, own) => {
    expect(hasOwnSubject(text)).toBe(own)
  })

  it('puts the heading before a figure that sits among the parts of a whole (shipping)', () => {
    const note = [
      '# Freight',
      '',
      '## Road Train',
      '',
      '- 53 metres 🔥',
      '',
      '- `Cab`',
      '    - 6 metres',
      '    - Holds the driver and the engine',
      '',
      '- `Trailers`',
      '    - 3 units',
      '    - Each trailer carries its own brakes',
      '',
      '- 47 metres without the cab 🔥',
      '- The cab is not counted as cargo space by most hauliers',
      '',
    ].join('\n')
    const lines = slideText(deckOf(note).slides, ['content'])
    expect(lines).toContain('- Road Train: 53 metres 🔥')
    expect(lines).toContain('- Road Train: 47 metres without the cab 🔥')
    // A figure under its part already has its subject.
    expect(lines).toContain('  - 6 metres')
  })

  it('leaves a list of the heading’s own figures and traits as it is (computing)', () => {
    const note = ['# Trucks', '', '## Tail Lift', '', '- 2 metres (80 inches) in width', '- Lifts pallets up to the deck', ''].join('\n')
    const lines = slideText(deckOf(note).slides, ['content'])
    expect(lines).toContain('- 2 metres (80 inches) in width')
  })
})

describe('a worked example and its result belong together', () => {
  it.each([
    ['The mean speed is $30/2=15$ km/h.', true],
    ['Therefore the treaty was void.', true],
    ['The river floods in spring.', false],
  ])('%s → result: %s', (text, result) => {
    expect(isResult(text)).toBe(result)
  })

  it('shows the answer of an example that is the whole paragraph (physics)', () => {
    const paragraph: Run[] = [
      { text: 'An example of average speed is a cyclist who rides 30 km in 2 hours. The average speed is ' },
      { text: '\\frac{30}{2}=15', math: true },
      { text: ' km/h.' },
    ]
    expect(shown(paragraph)).toEqual(['- An example of average speed is a cyclist who rides 30 km in 2 hours', '  - The average speed is \\frac{30}{2}=15 km/h'])
  })

  it('never shows the result without the example it answers (economics)', () => {
    const paragraph =
      'A firm chooses the output where marginal cost equals marginal revenue. Below that point each extra unit adds profit. ' +
      'For example, a bakery sells loaves for 3 dollars and the next loaf costs 2 dollars to bake. The extra profit is 3 - 2 = 1 dollar.'
    const lines = shown(paragraph, 'Profit')
    const example = lines.some((line) => line.includes('bakery'))
    const result = lines.some((line) => line.includes('3 - 2 = 1'))
    expect(result).toBe(example)
  })
})

describe('the mechanism a paragraph explains is on the slide when it fits', () => {
  const fitsSixty = (items: BulletItem[]): boolean => items.reduce((sum, item) => sum + [item, ...item.children].reduce((n, i) => n + runsText(i.runs).split(/\s+/).length, 0), 0) <= 55

  it('keeps the clause a pronoun stands for when the mechanism shows (computing)', () => {
    const paragraph: Run[] = [
      { text: 'The garbage collector of the managed runtime aims to keep its pauses as short as it possibly can on every machine. It does this by splitting the heap into ' },
      { text: 'young and old regions', strong: true },
      { text: '. As an object survives a collection, it moves to the old region, and that region is scanned far less often.' },
    ]
    const lines = shown(paragraph, 'Generational Collector', fitsSixty).join('\n')
    expect(lines).toContain('splitting the heap into young and old regions')
    expect(lines).toContain('As an object survives a collection, it moves to the old region')
  })

  it('shows every point of a paragraph that fits one slide, and fewer when nothing says it fits (biology)', () => {
    const paragraph: Run[] = [
      { text: 'The fourth stage is the ' },
      { text: 'proton pump', strong: true },
      { text: '. In this stage, energy from the carriers is used to push protons across the inner membrane. Oxygen takes the spent electrons at the end of the chain, which turns it into water. The emptied carriers go back to the earlier stage.' },
    ]
    const every = shown(paragraph, 'Respiration', fitsSixty).join('\n')
    expect(every).toContain('energy from the carriers is used to push protons across the inner membrane')
    expect(every).toContain('which turns it into water')
    expect(every).toContain('The emptied carriers go back to the earlier stage')
    expect(shown(paragraph, 'Respiration').length).toBeLessThan(4)
    // condenseParts passes its own fit test: the same paragraph, split where it must.
    expect(condenseParts(paragraph, fitsSixty).flat()).toHaveLength(4)
  })
})

describe('the substance a general opening announces is on the slide', () => {
  it.each([
    ['Before the canal opened, most boats went round the cape, the voyage took months, cargo often spoiled and few traders made a profit.', true],
    ['Prices rose, wages fell, and workers went on strike across the north.', true],
    ['The cell divides, and the two daughters separate.', false],
    ['Britain and Spain held huge territories, these were known as empires.', false],
  ])('%s → list of facts: %s', (text, facts) => {
    expect(isFactList(text)).toBe(facts)
  })

  it('keeps a long list of facts even when it must take a slide of its own (ecology)', () => {
    const paragraph =
      'Reef life fifty years ago was very different from the reefs that divers see now. Over those decades heat waves and then more acidic water changed the way that most corals along the coast grew and spread. ' +
      'Bleaching, algae blooms and storms were all common by the end of that period. ' +
      'At the start of the period most reefs were crowded with fish, turtles nested on every beach, the water stayed clear and most corals grew in dense colonies with plenty of room for sponges, crabs or sea grass.'
    const fitsSixty = (items: BulletItem[]): boolean => items.reduce((sum, item) => sum + runsText(item.runs).split(/\s+/).length, 0) <= 50
    const parts = condenseParts([{ text: paragraph }], fitsSixty, { heading: 'Reef Life' })
    expect(parts.flat().map((item) => runsText(item.runs)).join('\n')).toContain('turtles nested on every beach')
  })

  it('shows what the author’s bold term does, not only that it is used (economics)', () => {
    const paragraph: Run[] = [
      { text: 'The newest tool of the central bank is the corridor system, which aims to keep the overnight rate as close to its target as it can. It does this by paying ' },
      { text: 'interest on reserves', strong: true },
      { text: ' held by commercial banks. When banks hold spare cash overnight, they earn interest on reserves, and no bank will lend below that rate to another bank.' },
    ]
    expect(shown(paragraph, 'Monetary Policy Corridor').join('\n')).toContain('no bank will lend below that rate to another bank')
  })
})

describe('a deletion never changes what a sentence says or leaves it ungrammatical', () => {
  it.each([
    // A leading phrase that sets the frame of the claim stays (economics, law).
    ['In the feudal model, we assumed that a tenant could never sell the land he farmed.', 'In the feudal model, we assumed'],
    ['Under the old statute, a tenant could be evicted with only one week of written notice.', 'Under the old statute, a tenant'],
    // "Now" joining two clauses is "now that": without it the sentence is a comma splice (economics).
    ['Now we have written demand as a function of price, we can predict the effect of every tax on sales.', 'Now we have written demand'],
    // The pronoun after a leading clause stands for the clause's noun (biology).
    ['As a seedling grows, it bends towards the light, and the stem thickens on the shaded side over the weeks.', 'As a seedling grows, it bends'],
  ])('%s', (text, start) => {
    expect(short(text)).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
  })

  it.each([
    // A phrase that points back stays: "In that case, …" may be the condition the claim holds in
    // (grammar cannot tell it from "At this point, …"). An "example" opener may go (history, computing).
    ['At this point, the council sent the two envoys back to the capital with the new terms.', 'At this point, the council sent the two envoys back to the capital with the new terms'],
    ['For example, to list hidden files, pass the -a flag to the command every time.', 'To list hidden files, pass the -a flag to the command every time'],
    ['Now, the river floods the lower fields every spring and the farmers move their herds uphill.', 'The river floods the lower fields every spring and the farmers move their herds uphill'],
  ])('%s', (text, expected) => {
    expect(short(text, 14)).toBe(expected)
  })

  it('keeps the clause that says something after a main clause that only names (computing)', () => {
    expect(short('The usual approach today is the round-robin queue, which gives every job the same short slice of time in turn.', 8)).toBe(
      'The usual approach today is the round-robin queue, which gives every job the same short slice of time in turn',
    )
    // A relative clause after a main clause with a verb of its own still goes.
    expect(short('The pancreas makes insulin for the whole body, which many other organs use to take up sugar from the blood.', 8)).toBe('The pancreas makes insulin for the whole body')
  })

  it('keeps a "like" phrase whose nouns go on into a clause of their own (biology)', () => {
    expect(short('Mostly for safety, like the sluices built by farmers to hold back the river, these old dams have wooden gates that swing open.', 8)).toMatch(/^Mostly for safety, like the sluices built by farmers/)
  })

  it('keeps the subject of a clause after an example aside (networking)', () => {
    expect(short('If the link between the two routers fails for example, the sender won’t get the reply and the packet might be lost.', 12)).toMatch(/the sender won’t get the reply/)
  })
})

describe('counted members are siblings', () => {
  it('shows "The second is …" beside "The first … is …", not under it (law)', () => {
    const paragraph = 'The first weakness of the old code is delay, where a trial can wait years for a judge. The second is that a rich party could stall the case by filing endless motions before the hearing.'
    expect(shown(paragraph)).toEqual([
      '- The first weakness of the old code is delay, where a trial can wait years for a judge',
      '- The second is that a rich party could stall the case by filing endless motions before the hearing',
    ])
  })

  it('still nests members under the sentence that names their set (economics)', () => {
    const paragraph = 'Every tax needs a base to fall on. One of those is income earned in a year. Another is the value of goods that are sold in shops.'
    const lines = shown(paragraph)
    expect(lines[0]).toBe('- Every tax needs a base to fall on')
    expect(lines.slice(1).every((line) => line.startsWith('  - '))).toBe(true)
  })
})

describe('an answer shows with its question, and never as a takeaway', () => {
  it('leans on the question before it', () => {
    expect(leaning('No, because the court can still review the case.')).toBe('reference')
    expect(leaning('Yes, the tax applies to imports too.')).toBe('reference')
    expect(leaning('No two treaties were alike.')).toBe('none')
    // A condition whose subject is a pronoun points back too ("If they …" — who?).
    expect(leaning('If they want lower rents, they can build more flats.')).toBe('reference')
    expect(leaning('If the court agrees, the law falls.')).toBe('none')
    expect(standsAlone('No, because the court can still review the case.')).toBe(false)
  })

  it('puts the answer on the line of its question (law)', () => {
    const paragraph = 'The appeal court upheld the verdict. Does this mean the case is closed for good? No, because the highest court can still hear it on a point of law.'
    expect(shown(paragraph)).toContain('- Does this mean the case is closed for good? No, because the highest court can still hear it on a point of law')
  })

  it('keeps a list item’s answer with its question (philosophy)', () => {
    const note = ['# Causes', '', '## Final causes', '', '- Essences explain nothing', '- Why does smoke rise? Because it has a nature that makes it seek the sky', '- Circular reasoning', ''].join('\n')
    expect(slideText(deckOf(note).slides, ['content'])).toContain('- Why does smoke rise? Because it has a nature that makes it seek the sky')
  })
})

describe('takeaways are conclusions that stand alone', () => {
  const note = [
    '# Rivers',
    '',
    '## Floods',
    '',
    'A river floods when rain falls faster than the soil can take it in. Is a flood always harmful? No, because it also spreads fertile silt over the fields.',
    '',
    '## Deltas',
    '',
    'Deltas form where a river slows down on reaching the sea, based on three conditions:',
    '',
    '1. A large load of silt',
    '2. A gentle slope',
    '3. Weak tides',
    '',
    '## Levees',
    '',
    'Levees are banks that keep a river in its bed during a flood. They fail when water seeps under them for days.',
    '',
  ].join('\n')

  it('never takes a sentence that only frames the next ones, nor an example’s result (computing)', () => {
    const frames = [
      '# Queues',
      '',
      '## Metrics',
      '',
      'We need to choose a measure of waiting. One of those is the mean time in the queue. Another is the longest wait of any customer.',
      'An example of the mean wait is two customers who wait 4 and 6 minutes. The mean wait is (4+6)/2 = 5 minutes.',
      '',
      '## Servers',
      '',
      'A single server handles one customer at a time, so the queue grows whenever arrivals speed up.',
      '',
    ].join('\n')
    const items = slideText(deckOf(frames).slides, ['takeaways'])
    expect(items.length).toBeGreaterThan(0)
    expect(items.some((item) => item.includes('choose a measure of waiting'))).toBe(false)
    expect(items.some((item) => item.includes('= 5 minutes'))).toBe(false)
  })

  it('never takes an answer or a lead-in', () => {
    const items = slideText(deckOf(note).slides, ['takeaways'])
    expect(items.length).toBeGreaterThan(0)
    expect(items.some((item) => item.includes('No, because'))).toBe(false)
    expect(items.some((item) => item.includes('three conditions'))).toBe(false)
  })
})

describe('a definition cell defines its term', () => {
  it.each([
    ['**Diurnal**: from about 3 years old, most foals show a diurnal grazing pattern.', true],
    ['**Tariffs**: A tariff is a tax on goods that cross a border.', false],
    ['**Crepuscular**: deer are most active at dawn and dusk.', false],
  ])('%s → circular: %s', (text, circular) => {
    const runs: Run[] = text.startsWith('**') ? [{ text: text.slice(2, text.indexOf('**', 2)), strong: true }, { text: text.slice(text.indexOf('**', 2) + 2) }] : [{ text }]
    expect(isCircularDefinition(runs)).toBe(circular)
  })

  it('shows the whole definition when the first sentence repeats the term and gives a figure (zoology)', () => {
    const cell = runsText(gist([{ text: 'from about 3 years old, most foals show a diurnal grazing pattern. This means that they feed mainly in daylight hours.' }], 10, [{ text: 'Diurnal' }]))
    expect(cell).toBe('from about 3 years old, most foals show a diurnal grazing pattern. They feed mainly in daylight hours')
  })

  it('shows the gloss when the first sentence only repeats the term (zoology)', () => {
    const cell = runsText(gist([{ text: 'owls show a nocturnal pattern. This means that they hunt mainly after dark.' }], 10, [{ text: 'Nocturnal' }]))
    expect(cell).toBe('they hunt mainly after dark')
  })
})
