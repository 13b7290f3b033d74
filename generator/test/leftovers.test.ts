/**
 * No slide is a leftover: a closing line, a back-reference, a lead-in or one bullet is packed
 * with what it concludes or introduces, and a split leaves no lone last piece. Notes written for
 * these tests, in several subjects; each case reproduces a shape seen on real notes.
 */
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { runsText } from '../src/text.js'
import { lintDeck } from '../src/lint.js'
import { checkDeck } from '../src/deck-report.js'
import type { SlideBlock, SlidePlan } from '../src/types.js'

/** Every line of text a slide body shows, in order. */
const texts = (body: SlideBlock[]): string[] =>
  body.flatMap((block) => {
    if (block.type === 'bullets') return block.items.flatMap((item) => [runsText(item.runs), ...item.children.map((c) => runsText(c.runs))])
    if (block.type === 'callout') return [runsText(block.title), ...block.items.map((item) => runsText(item.runs))]
    if (block.type === 'definitions') return block.items.map((item) => `${runsText(item.term)}: ${runsText(item.gist)}`)
    return 'runs' in block ? [runsText(block.runs)] : []
  })
const content = (slides: SlidePlan[]): SlidePlan[] => slides.filter((s) => !['cover', 'agenda', 'section', 'end', 'takeaways'].includes(s.kind))
/** The content slide that shows a line starting with `start`. */
const showing = (slides: SlidePlan[], start: string): SlidePlan[] => content(slides).filter((s) => texts(s.body).some((t) => t.startsWith(start)))

describe('a closing line stays with what it concludes', () => {
  it('puts a short "So …" line on the slide of the table it concludes (astronomy)', () => {
    const note = '# Planets\n\n## Orbits\n\nThe inner planets circle the sun quickly:\n\n| Planet | Year in days |\n|---|---|\n| Mercury | 88 |\n| Venus | 225 |\n| Earth | 365 |\n\nSo a year is longer the farther out a planet is.\n'
    const slides = deckOf(note).slides
    const table = content(slides).find((s) => s.body.some((b) => b.type === 'table'))!
    expect(texts(table.body)).toContain('So a year is longer the farther out a planet is')
    expect(showing(slides, 'So a year')).toHaveLength(1)
  })

  it('puts a sentence that points back at the table above on the table slide (chemistry)', () => {
    const note = '# Acids\n\n## Strength\n\n| Acid | pKa |\n|---|---|\n| Hydrochloric | -6 |\n| Acetic | 4.8 |\n\nThe table above shows that a lower pKa means a stronger acid.\n'
    const slides = deckOf(note).slides
    const [slide] = showing(slides, 'The table above')
    expect(slide.body.map((b) => b.type)).toEqual(['table', 'bullets'])
  })

  it('says a "Thus, …" line that cannot fit below the list it concludes in its notes, not on a slide of its own (botany)', () => {
    const steps = [
      'The enzyme binds carbon dioxide to a sugar with five carbons',
      'The product splits into two molecules with three carbons each',
      'Energy from the light reactions turns these into a simple sugar',
      'Most of that sugar is rebuilt back to the five carbon sugar',
    ]
    // The closing line runs on from the last item without a blank line, as notes often do.
    const note = `# Leaves\n\n## The cycle\n\nMajor steps:\n\n${steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}\nThus, the cycle must turn six full times before the plant has made one glucose molecule.\n`
    const slides = deckOf(note).slides
    expect(showing(slides, 'Thus, the cycle')).toEqual([])
    // The steps may be shown as a list or drawn as a diagram: find their slide by its notes.
    const list = content(slides).filter((s) => s.kind !== 'takeaways' && s.notes.includes('1. The enzyme binds'))
    expect(list).toHaveLength(1)
    expect(list[0].notes).toContain('Thus, the cycle must turn six full times before the plant has made one glucose molecule.')
  })

  it('cuts a long lead-in to its last sentence so that the lines about the table above fit below it (economics)', () => {
    const note = [
      '# Trade',
      '',
      '## Tariffs',
      '',
      'A tariff is a tax that a government charges on goods when they cross its border from abroad. For example, see the following price table:',
      '',
      '| Good | Before | After |',
      '|---|---|---|',
      '| Steel | 100 | 125 |',
      '| Cars | 200 | 230 |',
      '',
      'The price table above shows that home buyers pay more for both goods. According to this view, the tariff works as a tax on buyers.',
      '',
    ].join('\n')
    const slides = deckOf(note).slides
    const [table] = showing(slides, 'The price table above')
    expect(table.body.map((b) => b.type)).toEqual(['paragraph', 'table', 'bullets'])
    expect(texts(table.body)[0]).toBe('For example, see the following price table:')
    expect(slides.some((s) => texts(s.body).some((t) => t.startsWith('A tariff is a tax')))).toBe(true)
  })

  it("says a line that points back at the part before in its notes, not as the next part's subtitle (history)", () => {
    const note = [
      '# Rome',
      '',
      '## The republic',
      '',
      'The senate chose two consuls each year, and each could block the other. The worked case of the year 216 shows how badly this could go.',
      '',
      '## The empire',
      '',
      'Notice that the consuls in the previous example could not agree at all.',
      '',
      'Augustus held three powers that no consul had ever held together:',
      '',
      '- He commanded every army on every frontier of the empire at once',
      '- He chose the governors of the richest and most dangerous provinces',
      '- He could propose laws and veto the decisions of any other magistrate',
      '',
    ].join('\n')
    const slides = deckOf(note).slides
    expect(slides.filter((s) => texts(s.body).some((t) => t.startsWith('Notice that')))).toEqual([])
    expect(slides.some((s) => s.notes.includes('Notice that the consuls in the previous example could not agree at all.'))).toBe(true)
  })

  it('moves the last bullet of a full slide onto the slide of its closing "Thus, …" line (law)', () => {
    const paragraph = [
      'A claimant who sues for negligence must first show that the defendant owed a duty of care to people like the claimant.',
      'The court then asks whether the defendant fell below the standard that a reasonable person would have met in the same position.',
      'If the defendant acted as any careful driver would have, the claim fails at this stage, however serious the harm.',
      'Thus, the claim succeeds only when all three parts are proved.',
    ].join(' ')
    const slides = deckOf(`# Torts\n\n## Negligence\n\n${paragraph}\n`).slides
    const [slide] = showing(slides, 'Thus, the claim')
    expect(texts(slide.body).length).toBeGreaterThan(1)
  })
})

describe('a lead-in and a one-item list do not stand alone', () => {
  it('packs a one-item list with the sentences before its lead-in when the lead-in alone is too much (computing)', () => {
    const note = [
      '# Scheduling',
      '',
      '## Queues',
      '',
      'The first weakness of the plain queue is **starvation**, where a stream of short interactive jobs keeps every long job waiting. The second is that a program can game the queue by yielding just before its share of time runs out. This adds one more rule:',
      '',
      '6. Every so often, move every job back to the top queue',
      '',
    ].join('\n')
    const slides = deckOf(note).slides
    const [slide] = showing(slides, 'Every so often')
    expect(texts(slide.body).some((t) => t.startsWith('The first weakness'))).toBe(true)
    expect(slide.notes).toContain('This adds one more rule:')
  })

  it('never ends a slide on a lead-in into a list whose items carry their own subtitles (medicine)', () => {
    const note = [
      '# Sleep',
      '',
      '## Treatment',
      '',
      'Poor sleepers often lie awake for hours, and the worry about lying awake keeps them up longer still.',
      '',
      'Patients show a raised heart rate at night as well.',
      '',
      'Treatment comes in two forms:',
      '',
      '- Drugs',
      '  - Older sleeping pills calm the whole brain and leave patients drowsy the next morning',
      '    - They also lose their effect when taken for many weeks in a row',
      '  - Newer drugs block the signal that keeps the brain awake, with fewer side effects the next day',
      '- Talking therapy',
      '  - A course of sessions teaches habits that make falling asleep easier',
      '',
    ].join('\n')
    const slides = content(deckOf(note).slides)
    for (const slide of slides) expect(texts(slide.body).at(-1) ?? '').not.toMatch(/:$/)
    expect(slides.some((s) => s.notes.includes('Treatment comes in two forms:'))).toBe(true)
  })
})

describe('splits leave no lone last piece', () => {
  it('splits a callout of five points 3 + 2, not 4 + 1 (biology)', () => {
    const points = [
      'Bees find flowers by colour and see patterns we cannot see',
      'A forager that finds food dances to tell the others',
      'The angle of the dance gives the direction from the sun',
      'The length of the waggle run gives the distance to travel',
      'Older bees guard the entrance while the young ones clean cells',
    ]
    const note = `# Bees\n\n## Foraging\n\n> [!note] How a hive finds food\n${points.map((p) => `> - ${p}`).join('\n')}\n`
    const boxes = content(deckOf(note).slides).flatMap((s) => s.body.filter((b): b is Extract<SlideBlock, { type: 'callout' }> => b.type === 'callout'))
    expect(boxes.map((b) => b.items.length)).toEqual([3, 2])
  })

  it('splits a child too long for one slide under its subtitle between its own sub-bullets, within the budget (astronomy)', () => {
    const moons = ['Io has hundreds of active volcanoes on its surface', 'Europa hides a salt water ocean under its ice', 'Ganymede is larger than the planet Mercury', 'Callisto is the most heavily cratered body known', 'Amalthea is red and shaped like a potato', 'Himalia was found by a telescope in the year 1904', 'Thebe orbits inside the path of the moon Io', 'Metis circles the planet faster than it turns', 'Adrastea is one of the smallest moons we know', 'Leda is a small moon on a tilted distant orbit']
    const note = `# Planets\n\n## Moons\n\n- The giant planets have many moons\n  - Jupiter has the most studied moons\n${moons.map((m) => `    - ${m}`).join('\n')}\n  - Saturn has the moon Titan\n`
    const deck = deckOf(note)
    expect(checkDeck(deck.markdown, note, 'moons').problems.filter((p) => p.includes('over the budget'))).toEqual([])
    const shown = content(deck.slides).flatMap((s) => texts(s.body))
    for (const moon of moons) expect(shown).toContain(moon)
  })

  it('splits the children under a subtitle evenly, never leaving one alone (geology)', () => {
    const children = [
      'Granite cools slowly underground and grows large crystals\n    - as in many old mountain ranges',
      'Basalt cools fast at the surface and stays fine grained',
      'Pumice traps gas bubbles and can float on water',
      'Obsidian cools so fast that it forms a glass',
      'Tuff forms when volcanic ash is pressed into rock',
    ]
    const note = `# Rocks\n\n## Kinds\n\n- Igneous rocks form from molten rock\n${children.map((c) => `  - ${c}`).join('\n')}\n- Sedimentary rocks form in layers\n  - They hold most fossils\n`
    const parts = content(deckOf(note).slides).filter((s) => s.body.some((b) => b.type === 'heading' && texts([b])[0].startsWith('Igneous')))
    const sizes = parts.map((s) => (s.body.find((b) => b.type === 'bullets' && texts([b]).some((t) => /cools|traps|forms/.test(t))) as Extract<SlideBlock, { type: 'bullets' }>).items.length)
    expect(sizes.length).toBeGreaterThan(1)
    expect(Math.min(...sizes)).toBeGreaterThan(1)
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(children.length)
  })
})

describe('empty items', () => {
  it('shows no empty bullet for a bare "-" between groups of items, at either level (music)', () => {
    const note = '# Music\n\n## Scales\n\n- Major scales sound bright\n-\n- Minor scales sound dark\n  - The natural minor lowers three notes\n  -\n  - The harmonic minor raises the seventh\n    - It gives a strong pull to the tonic\n'
    const bullets = content(deckOf(note).slides).flatMap((s) => s.body.flatMap((b) => (b.type === 'bullets' ? b.items.flatMap((item) => [item, ...item.children]) : [])))
    expect(bullets.length).toBeGreaterThan(0)
    expect(bullets.filter((item) => !runsText(item.runs).trim() && !item.children.length)).toEqual([])
  })
})

describe('a chain of short steps stays one chain', () => {
  it('draws five short steps told over five paragraphs as one flowchart, not 3 + 2 (brewing)', () => {
    const steps = ['malting', 'mashing', 'boiling', 'fermenting', 'conditioning']
    const ordinals = ['first', 'second', 'third', 'fourth', 'fifth']
    const note = `# Beer\n\n## Brewing\n\n${steps.map((step, i) => `The ${ordinals[i]} step is **${step}**. The brewer checks the temperature at this stage.`).join('\n\n')}\n`
    const charts = deckOf(note).slides.flatMap((s) => s.body.flatMap((b) => (b.type === 'diagram' && b.diagram.kind === 'steps' ? [b.diagram.steps] : [])))
    expect(charts).toHaveLength(1)
    expect(charts[0]).toHaveLength(5)
  })
})

describe('the thin-slide lint names leftovers', () => {
  const slide = (kind: string, title: string, source: string, body: string): string => `---\nkind: ${kind}\nsource: "note.md:${source}"\n---\n\n# ${title}\n\n${body}\n`
  const part = (title: string, n: number, of: number): string => `${title} <sup class="lectern-part">${n}/${of}</sup>`
  const note = '# Trade\n\n## Tariffs\n\nA tariff raises the price of imports. It protects home producers from foreign rivals.\n\nSo consumers pay more.\n\nThe main kinds are these:\n\n- quotas\n- subsidies\n- embargoes\n'

  it.each([
    ['a one-line continuation after a slide of its title', [slide('content', part('Tariffs', 1, 2), '5-5', '- A tariff raises the price of imports\n- It protects home producers from foreign rivals'), slide('content', part('Tariffs', 2, 2), '7-7', '- So consumers pay more')], 2],
    ['a slide that ends on its lead-in', [slide('content', part('Tariffs', 1, 2), '5-9', '- A tariff raises the price of imports\n\nThe main kinds are these:'), slide('content', part('Tariffs', 2, 2), '11-13', '- quotas\n- subsidies\n- embargoes')], 1],
    ['a longer line that follows on from the slide before', [slide('content', part('Tariffs', 1, 2), '5-5', '- A tariff raises the price of imports\n- It protects home producers from foreign rivals'), slide('content', part('Tariffs', 2, 2), '7-7', '- So consumers pay more for every imported good, and for the home goods that compete with them')], 2],
    ['one bullet left over from a split callout', [slide('content', part('Tariffs', 1, 2), '11-13', '<div class="lectern-callout">\n\nKinds\n\n- quotas\n- subsidies\n\n</div>'), slide('content', part('Tariffs', 2, 2), '11-13', '<div class="lectern-callout">\n\nKinds (cont.)\n\n- embargoes\n\n</div>')], 2],
  ])('names %s', (_label, slides, thin) => {
    const report = lintDeck(slides.join(''), note, 'note.md')
    expect(report.findings.filter((f) => f.rule === 'thin-slide').map((f) => f.slide)).toEqual([thin])
  })

  it('leaves a one-line section and a full slide alone', () => {
    const deck = [slide('content', 'Tariffs', '5-5', '- A tariff raises the price of imports'), slide('content', 'Quotas', '7-7', '- So consumers pay more')].join('')
    expect(lintDeck(deck, note, 'note.md').thinSlides).toBe(0)
  })
})
