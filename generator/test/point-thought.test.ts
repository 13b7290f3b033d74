import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { condenseParts, itemPoint } from '../src/plan/condense.js'
import { isConsequence, isParallelPair, leansBack, opensFirstMember } from '../src/plan/thought.js'
import { generateDeck } from '../src/pipeline.js'
import { countWords, runsText } from '../src/text.js'
import type { BulletItem } from '../src/types.js'

const item = (text: string): string => runsText(itemPoint([{ text }]))
const outline = (items: BulletItem[]): string[] => items.flatMap((bullet) => [`- ${runsText(bullet.runs)}`, ...bullet.children.map((child) => `  - ${runsText(child.runs)}`)])
/** A paragraph's parts on slides that hold `words` words of bullets. */
const parts = (text: string, words: number, heading = ''): string[][] =>
  condenseParts([{ text }], (items) => outline(items).reduce((sum, line) => sum + countWords(line), 0) <= words, { heading }).map(outline)

describe('what completes a thought, read by grammar', () => {
  it.each([
    ['This leaves the lender exposed when prices fall.', true],
    ['That makes the verdict final.', true],
    ['So the enzyme stops working above forty degrees.', true],
    ['Therefore, the tenant owes the rent for the full term.', true],
    ['This means that any unsaved draft is lost.', true],
    ['So that the seed can sprout, the soil must stay moist.', false],
    ['This rule applies to every county court.', false],
    ['The harvest failed in the north.', false],
  ])('consequence: %s → %s', (text, expected) => {
    expect(isConsequence(text)).toBe(expected)
  })

  it.each([
    ['One such habit is to rinse every cup after use.', true],
    ['The first step is to soak the seeds overnight.', true],
    ['One can argue that the treaty was never binding.', false],
    ['One should always read the lease twice.', false],
  ])('first member: %s → %s', (text, expected) => {
    expect(opensFirstMember(text)).toBe(expected)
  })

  it.each([
    ['Mitosis is a division that gives two identical cells.', 'Meiosis is a division that gives four sex cells.', true],
    ['A tariff is a tax on goods that cross a border.', 'A quota is a limit on how many goods may cross it.', true],
    ['While tariffs and quotas are often confused, they are different tools.', 'A tariff is a tax on goods that cross a border.', false],
    ['A tariff is a tax on goods that cross a border.', 'It is paid by the importer.', false],
    ['A tariff is a tax on goods that cross a border.', 'A tariff is older than any quota.', false],
  ])('pair: %s / %s → %s', (first, second, expected) => {
    expect(isParallelPair(first, second)).toBe(expected)
  })

  it.each([
    ['For students who come from a science background, this can feel overwhelming.', true],
    ['They rarely read the small print.', true],
    ['The court sits twice a year.', false],
  ])('goes on about the sentence before: %s → %s', (text, expected) => {
    expect(leansBack(text)).toBe(expected)
  })
})

describe('a list line shows its whole thought, not only its set-up', () => {
  it.each([
    [
      'the consequence after the set-up (economics)',
      'A pegged currency is held at a fixed price against another one by the central bank. This leaves the bank exposed to attacks that can drain its reserves. Several countries learned this the hard way.',
      ['A pegged currency is held', 'This leaves the bank exposed to attacks that can drain its reserves'],
      ['Several countries'],
    ],
    [
      'a "So" conclusion keeps its "So" (genetics)',
      'Note that the two copies must match to give a viable embryo, since each parent gives one. So we may count only the matched combinations.',
      ['must match', 'So we may count only the matched combinations'],
      [],
    ],
    [
      'the members a general sentence promises (medicine)',
      'Following a few simple habits can sharply cut infections on a ward. One such habit is to wash hands before and after every patient. This ensures that germs from one bed do not reach the next. Additionally, cleaning shared equipment between patients can stop an outbreak early.',
      ['simple habits', 'One such habit is to wash hands', 'cleaning shared equipment between patients'],
      ['This ensures'],
    ],
    [
      'the turn after a sentence that only goes on about the point (law)',
      'The law of contract can seem daunting at first, because it rests on centuries of decided cases. For students from a science background, this can feel overwhelming. However, learning a handful of leading cases pays off quickly.',
      ['daunting', 'However, learning a handful of leading cases pays off quickly'],
      ['science background'],
    ],
    [
      'the warning a risky step carries (finance)',
      'Closing the account will transfer the balance to your current account and cancel every standing order. This means that no payment set up on it will be made again.',
      ['Closing the account', 'This means that no payment set up on it will be made again'],
      [],
    ],
  ])('%s', (_name, text, present, absent) => {
    const line = item(text)
    for (const part of present) expect(line).toContain(part)
    for (const part of absent) expect(line).not.toContain(part)
    // One thought, not a paragraph: the line stays within a slide's worth of words.
    expect(countWords(line)).toBeLessThanOrEqual(45)
  })

  it('keeps the colon of a consequence that leads into what is nested below (law)', () => {
    const line = item('A lease of land must be made in writing and signed by both parties when it runs past three years. This means that:')
    expect(line).toBe('A lease of land must be made in writing and signed by both parties when it runs past three years. This means that:')
  })

  it('adds nothing when the next sentence starts another thought (history)', () => {
    expect(item('The abbey was founded by monks from the south. The town market grew up around its gate a century later.')).toBe('The abbey was founded by monks from the south')
  })

  it('joins a sentence after a formula with one full stop (physics)', () => {
    const line = runsText(itemPoint([{ text: 'The mean of the field vanishes, since ' }, { text: '\\langle x \\rangle = 0', math: true }, { text: '. So only even powers survive the average.' }]))
    expect(line).toContain('= 0. So only even powers survive the average')
    expect(line).not.toContain('..')
  })
})

describe('a paragraph that tells of two things shows both', () => {
  const paragraph =
    'While mitosis and meiosis are often taught together, they serve different roles in the life of a cell. ' +
    'Mitosis is a division that gives two identical daughter cells for growth and repair. ' +
    'Meiosis is a division that halves the chromosome number and gives four sex cells. ' +
    'It runs through several stages such as prophase and anaphase.'

  it('keeps both halves of the pair on one slide when the set-up does not fit beside them (biology)', () => {
    const shown = parts(paragraph, 34, 'Difference Between Mitosis and Meiosis')
    const slide = shown.find((part) => part.some((line) => line.includes('Mitosis is a division')))
    expect(slide?.some((line) => line.includes('Meiosis is a division'))).toBe(true)
  })

  it('shows the set-up with the pair when all three fit (biology)', () => {
    const shown = parts(paragraph, 60, 'Difference Between Mitosis and Meiosis')
    expect(shown).toHaveLength(1)
    expect(shown[0].join('\n')).toMatch(/While mitosis[\s\S]*Mitosis is[\s\S]*Meiosis is/)
  })

  it('shows what a shown sentence leads to, when the slide has room (economics)', () => {
    const text =
      'A single clearing house settles every trade between the member banks at the end of the day. ' +
      'This creates one point of failure that can freeze all payments at once. ' +
      'The first clearing houses opened in the eighteenth century in London coffee shops where clerks met. ' +
      'Clerks swapped cheques by hand in a crowded room and settled the balances in coin.'
    const shown = parts(text, 60).flat().join('\n')
    expect(shown).toContain('This creates one point of failure')
  })
})

describe('a list keeps its slides when completing its lines', () => {
  const deckOf = (note: string): string => generateDeck(new VFile({ path: 'note.md', value: note }), { theme: 'lectern', notePath: 'note.md' }).markdown
  /** The content slides of a deck, as their shown text (the speaker notes left out). */
  const contentSlides = (markdown: string): string[] =>
    markdown
      .split('\n---\n')
      .map((part, i, all) => (all[i - 1]?.includes('kind: content') ? part.replace(/<!--[\s\S]*?-->/g, '') : ''))
      .filter(Boolean)

  it('leaves a completion to the notes when it would split a two-sided list (economics)', () => {
    const note = [
      '# Exchange rates',
      '',
      '## Pegged versus Floating Exchange Rates',
      '',
      '- A **pegged rate** ties the currency to another one, with the central bank buying and selling every day to hold the peg. This leaves the bank exposed to speculative attacks which can drain its reserves in weeks.',
      '- A **floating rate** lets the market set the price, so each shock moves the currency instead of draining the reserves of the central bank.',
      '',
    ].join('\n')
    const markdown = deckOf(note)
    const slides = contentSlides(markdown)
    expect(slides).toHaveLength(1)
    expect(slides[0]).toContain('A **floating rate**')
    // What the slide leaves off is still said.
    expect(markdown).toContain('speculative attacks')
  })

  it('names the members a general line promises as its sub-bullets (medicine)', () => {
    const note = [
      '# Wards',
      '',
      '## Hygiene',
      '',
      '- Following a few **simple habits** can sharply cut infections on a ward. One such habit is to wash hands before and after every patient. This ensures that germs from one bed do not reach the next. Additionally, cleaning shared equipment between patients can stop an outbreak early.',
      '',
    ].join('\n')
    const slides = contentSlides(deckOf(note))
    expect(slides).toHaveLength(1)
    expect(slides[0]).toMatch(/^- Following a few \*\*simple habits\*\* can sharply cut infections on a ward\n {2}- One such habit is to wash hands before and after every patient\n {2}- Additionally, cleaning shared equipment between patients can stop an outbreak early$/mu)
  })

  it('shows the completion when the list has room (economics)', () => {
    const note = ['# Exchange rates', '', '## Pegs', '', '- A **pegged rate** ties the currency to another one. This leaves the bank exposed to speculative attacks.', '- A **floating rate** lets the market set the price.', ''].join('\n')
    const slides = contentSlides(deckOf(note))
    expect(slides).toHaveLength(1)
    expect(slides[0]).toContain('This leaves the bank exposed to speculative attacks')
  })
})
