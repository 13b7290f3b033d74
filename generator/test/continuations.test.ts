/**
 * Slides that stand alone: a sentence that continues the one before it stays on its slide, a
 * callout fits whole before it splits, a split is even, and a closing line after short code
 * joins the code's slide. Notes are written for these tests, in several subjects.
 */
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { runsText } from '../src/text.js'
import { continuesRuns } from '../src/plan/follow.js'
import { partsWithin } from '../src/plan/budget.js'
import { lintDeck } from '../src/lint.js'
import { visibleWords } from '../src/text.js'
import type { SlideBlock, SlidePlan } from '../src/types.js'

type Callout = Extract<SlideBlock, { type: 'callout' }>

const callouts = (slides: SlidePlan[]): Callout[] => slides.flatMap((slide) => slide.body.filter((block): block is Callout => block.type === 'callout'))
const boxText = (box: Callout): string => box.items.map((item) => runsText(item.runs)).join(' ')
const slideText = (slide: SlidePlan): string =>
  slide.body
    .map((block) => (block.type === 'bullets' ? block.items.map((item) => [runsText(item.runs), ...item.children.map((c) => runsText(c.runs))].join(' ')).join(' ') : block.type === 'callout' ? boxText(block) : 'runs' in block ? runsText(block.runs) : ''))
    .join(' ')

describe('a sentence that continues the one before', () => {
  it.each([
    ['That way, the guard never slept at his post.', true],
    ['These rows hold the yearly totals.', true],
    ['Such a treaty needed the consent of both houses.', true],
    ['which means the two prices move together', true],
    ['and the enzyme falls apart above sixty degrees', true],
    ['But the appeal court saw it differently.', true],
    ['To pay for this war the crown sold its forests.', true],
    ['So the firm leaves the market.', true],
    ['This introduces the third law:', true],
    ['However, the court agreed with the tenant.', false],
    ['The enzyme works best at body temperature.', false],
    ['Prices rose sharply after the harvest failed.', false],
    ['This is why the treaty failed.', true],
    ['Those who vote decide the outcome.', false],
  ])('%j continues: %s', (text, expected) => {
    expect(continuesRuns([{ text }])).toBe(expected)
  })

  it('does not read a sentence that opens with code or math for case', () => {
    expect(continuesRuns([{ text: 'git stash', code: true }, { text: ' keeps the changes aside.' }])).toBe(false)
    expect(continuesRuns([{ text: 'x^2', math: true }, { text: ' grows faster than x.' }])).toBe(false)
  })

  it('opens in lower case only in prose, not in a list item', () => {
    expect(continuesRuns([{ text: 'mitochondria make most of the energy' }], false)).toBe(false)
  })
})

describe('partsWithin with sentences glued to the one before', () => {
  const fitsTwo = (from: number, to: number): boolean => to - from <= 2

  it('starts no part with an item that continues the one before, while the two fit together', () => {
    // Three items, two per part: plain is [0, 2) [2, 3); with item 2 glued to item 1, [0, 1) [1, 3).
    expect(partsWithin(3, fitsTwo)).toEqual([
      [0, 2],
      [2, 3],
    ])
    expect(partsWithin(3, fitsTwo, false, (at) => at === 2)).toEqual([
      [0, 1],
      [1, 3],
    ])
  })

  it('cuts a glued run that does not fit one part, and never leaves more lone items for it', () => {
    expect(partsWithin(3, (from, to) => to - from <= 1, false, () => true)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ])
    // Four items, two per part: keeping 1 with 2 would leave two lone items; the plain split has none.
    expect(partsWithin(4, fitsTwo, false, (at) => at === 2)).toEqual([
      [0, 2],
      [2, 4],
    ])
  })
})

describe('callouts that fit and split', () => {
  it('shows a quotation as written, as one passage in one box (biology)', () => {
    const note =
      '# Cells\n\n## Membranes\n\n> [!quote] Membrane traffic\n> “A membrane is not a wall but a busy border crossing, where pumps and channels decide at every moment which ions may pass and which must wait outside. Without that traffic, the gradients that power nerves and muscles would fade within minutes.”\n'
    const boxes = callouts(deckOf(note).slides)
    expect(boxes).toHaveLength(1)
    expect(boxes[0].prose).toBe(true)
    expect(boxes[0].items).toHaveLength(1)
    expect(boxText(boxes[0])).toBe(
      '“A membrane is not a wall but a busy border crossing, where pumps and channels decide at every moment which ions may pass and which must wait outside. Without that traffic, the gradients that power nerves and muscles would fade within minutes.”',
    )
  })

  it('fits an aside whose sentences fit the word budget on one slide, as a passage, rather than leave one sentence over (astronomy)', () => {
    const note =
      '# Sky\n\n## Eclipses\n\n> [!note] Aside: Saros cycles\n> A saros is the interval after which a nearly identical eclipse returns to the sky. Babylonian astronomers had already noticed it and recorded it on clay tablets.\n>\n> Each new eclipse of a series falls about a third of the way around the globe.\n'
    const slides = deckOf(note).slides.filter((slide) => slide.kind === 'content')
    const boxes = callouts(slides)
    expect(boxes).toHaveLength(1)
    expect(boxText(boxes[0])).toContain('Each new eclipse of a series')
    expect(boxText(boxes[0])).toContain('Babylonian astronomers')
    expect(boxes[0].prose).toBe(true)
  })

  it('splits a quotation too long for one slide evenly, whole sentences, the title unchanged on every box (philosophy)', () => {
    const note =
      '# Ethics\n\n## Duty\n\n> [!quote] A lecture on duty, 1921\n> “Whoever keeps a promise only because breaking it would be punished has not yet understood what a promise is, for the fear of the penalty could be removed tomorrow and the promise would then mean nothing at all. A promise binds because another person has arranged a part of their life around the word that was given. This is why the oldest codes of law treat a broken oath as worse than a broken contract.” (p. 12)\n'
    const slides = deckOf(note).slides.filter((slide) => slide.kind === 'content')
    const boxes = callouts(slides)
    expect(boxes.length).toBe(2)
    for (const box of boxes) expect(runsText(box.title)).toBe('A lecture on duty, 1921')
    // Whole sentences only, each box ending on a sentence's end; a quotation's marks stay as written.
    expect(boxText(boxes[0])).toMatch(/[.”]$/)
    expect(boxText(boxes[boxes.length - 1])).toMatch(/contract\.” \(p\. 12\)$/)
    const sizes = boxes.map((box) => visibleWords(boxText(box)))
    expect(Math.min(...sizes) * 2).toBeGreaterThanOrEqual(Math.max(...sizes) / 1.5)
    // "This is why …" points back: it shares its box with the sentence before it.
    const last = boxText(boxes[boxes.length - 1])
    expect(last).toContain('This is why the oldest codes')
    expect(last).toContain('A promise binds because')
  })

  it('keeps a sentence that opens "That way, …" in the box of the sentence it continues (history)', () => {
    const note =
      '# Rome\n\n## Roads\n\n> [!example] The relay posts\n> Imperial couriers changed horses at posts set roughly a day’s ride apart along the main roads of the empire, from the northern frontier to the southern coast. Each post kept fresh mounts, fodder and a clerk who wrote down every rider who passed through it. That way, an urgent letter from the frontier could reach the capital in about a week, far faster than any single traveller could manage alone.\n'
    const boxes = callouts(deckOf(note).slides)
    expect(boxes.length).toBeGreaterThan(1)
    const box = boxes.find((b) => boxText(b).includes('That way'))!
    expect(boxText(box)).toMatch(/fresh mounts/)
    expect(boxes.map((b) => runsText(b.title))).not.toContain('The relay posts (cont.)')
  })
})

describe('paragraphs split between slides', () => {
  it('keeps a paragraph that opens in lower case ("which means …") on the slide of the paragraph it continues (economics)', () => {
    const note =
      '# Markets\n\n## Price floors\n\nA government that sets a minimum price for grain promises farmers a steady income in good and bad years alike, whatever the weather does.\n\nFarmers then grow more grain than buyers want, and the state buys the surplus and stores it.\n\nwhich means that buyers pay twice: once at the till and once again through their taxes.\n'
    const slides = deckOf(note).slides
    const shown = slides.find((slide) => slideText(slide).includes('which means that buyers pay twice'))!
    expect(shown).toBeDefined()
    expect(slideText(shown)).toContain('Farmers then grow more grain')
  })
})

describe('a closing line after a short command', () => {
  it('joins the slide of the command it follows, rather than stand alone (computing)', () => {
    const note =
      '# Servers\n\n## Setup\n\n### Checking the scheduler\n\nRun the status command to confirm that the scheduler daemon came back after the reboot. Do this on every machine that runs scheduled jobs.\n\n```bash\nsystemctl status cron\n```\n\nThe output should report the service as active and running.\n'
    const slides = deckOf(note).slides.filter((slide) => slide.kind === 'content' || slide.kind === 'code')
    const code = slides.find((slide) => slide.body.some((block) => block.type === 'code'))!
    expect(slideText(code)).toContain('The output should report the service as active')
    expect(slides.filter((slide) => slideText(slide).trim() === 'The output should report the service as active and running')).toEqual([])
  })
})

describe('the thin-slide lint on split passages', () => {
  const slide = (title: string, source: string, body: string): string => `---\nkind: content\nsource: "note.md:${source}"\n---\n\n# ${title}\n\n${body}\n`
  const part = (n: number, of: number): string => `Rivers <sup class="lectern-part">${n}/${of}</sup>`
  const note = '# Water\n\n## Rivers\n\n> [!quote] A hydrologist\n> Rivers carve their valleys over many thousands of years, grain by grain. A single flood can move more rock in a day than a century of calm water does.\n'
  const box = (text: string): string => `<div class="lectern-callout lectern-callout-quote">\n<div class="lectern-callout-title">\n\nA hydrologist\n\n</div>\n\n${text}\n\n</div>`

  it('names a short passage left over under a repeated callout title', () => {
    const deck = [slide(part(1, 2), '5-6', box('Rivers carve their valleys over many thousands of years, grain by grain, and the sea takes what they carry.')), slide(part(2, 2), '5-6', box('Floods move rock.'))].join('')
    expect(lintDeck(deck, note, 'note.md').findings.filter((f) => f.rule === 'thin-slide').map((f) => f.slide)).toEqual([2])
  })

  it('names one short bullet left over under a repeated subtitle', () => {
    const deck = [
      slide(part(1, 2), '5-6', '## Floods\n\n- Rivers carve their valleys over many thousands of years, grain by grain\n  - The sea takes what they carry and lays it down as new land at the mouth'),
      slide(part(2, 2), '5-6', '## Floods\n\n- A flood moves more rock in a day'),
    ].join('')
    expect(lintDeck(deck, note, 'note.md').findings.filter((f) => f.rule === 'thin-slide').map((f) => f.slide)).toEqual([2])
  })

  it('leaves an even split of a passage too long for one slide alone', () => {
    const deck = [slide(part(1, 2), '5-6', box('Rivers carve their valleys over many thousands of years, grain by grain.')), slide(part(2, 2), '5-6', box('A single flood can move more rock in a day than a century of calm water does.'))].join('')
    expect(lintDeck(deck, note, 'note.md').thinSlides).toBe(0)
  })
})
