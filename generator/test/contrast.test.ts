import { describe, expect, it } from 'vitest'
import { contrastOf, findContrast, headingPair, impliedOther, subjectName } from '../src/plan/contrast.js'
import { outlineOf } from './structure-helpers.js'
import { deckOf } from './helpers.js'

describe('contrastOf (subjects from grammar, in any subject)', () => {
  it.each([
    ['Mosses lack true roots, whereas ferns have a vascular system.', { Mosses: 'lack true roots', Ferns: 'have a vascular system' }],
    ['Civil law rests on written codes, while common law grows from court rulings.', { 'Civil law': 'rests on written codes', 'Common law': 'grows from court rulings' }],
    ['Unlike monarchies, republics elect their head of state.', { Republics: 'elect their head of state', Monarchies: '—' }],
    ['Government bonds are safer than shares.', { 'Government bonds': 'are safer', Shares: '—' }],
    ['Glaciers, by contrast, move slowly, whereas rivers move quickly.', { Glaciers: 'move slowly', Rivers: 'move quickly' }],
    ['Whereas a monopoly sets its price, a competitive firm takes the market price.', { Monopoly: 'sets its price', 'Competitive firm': 'takes the market price' }],
    ['While common law grows from court rulings, civil law starts from written codes.', { 'Common law': 'grows from court rulings', 'Civil law': 'starts from written codes' }],
    ['In contrast to stocks, bonds pay a fixed coupon.', { Bonds: 'pay a fixed coupon', Stocks: '—' }],
    ['Compared with the upper house, the lower house has more members.', { 'Lower house': 'has more members', 'Upper house': '—' }],
  ])('reads %j', (sentence, expected) => {
    expect(Object.fromEntries(contrastOf(sentence)?.cells ?? [])).toEqual(expected)
  })

  it.each([
    ['This is nice, whereas that is bad.'],
    ['Ferns are green.'],
    ['It rains while you wait.'],
    ['We waited, but nothing happened.'],
    ['While we waited, it rained.'],
  ])('finds no contrast in %j', (sentence) => {
    expect(contrastOf(sentence)).toBeUndefined()
  })
})

describe('headingPair', () => {
  it.each([
    ['Mitosis vs meiosis', ['Mitosis', 'Meiosis']],
    ['Mitosis vs. Meiosis', ['Mitosis', 'Meiosis']],
    ['Difference Between Weather and Climate', ['Weather', 'Climate']],
    ['Comparing tariffs and quotas', ['Tariffs', 'Quotas']],
    ['Civil law versus common law', ['Civil law', 'Common law']],
    ['Stocks compared with bonds', ['Stocks', 'Bonds']],
  ])('reads the pair in %j', (title, pair) => {
    expect(headingPair(title)).toEqual(pair)
  })

  it.each([['How the heart works'], ['Rise and fall of Rome'], ['Why we sleep']])('finds no pair in %j', (title) => {
    expect(headingPair(title)).toBeUndefined()
  })

  it('keeps a subject as written, without its article', () => {
    expect(subjectName('the Roman Senate')).toBe('Roman Senate')
  })
})

describe('contrast tables', () => {
  it.each([
    [
      'biology',
      '## Plant and animal cells\n\n- Plant cells have a rigid wall, whereas animal cells have only a membrane.\n- Plant cells store starch, whereas animal cells store glycogen.\n',
      ['Plant cells', 'Animal cells'],
      [['have a rigid wall', 'have only a membrane'], ['store starch', 'store glycogen']],
    ],
    [
      'history',
      '## Two empires\n\nThe eastern empire kept its cities, whereas the western empire lost them. The eastern empire spoke Greek, while the western empire spoke Latin.\n',
      ['Eastern empire', 'Western empire'],
      [['kept its cities', 'lost them'], ['spoke Greek', 'spoke Latin']],
    ],
  ])('turns contrasting sentences (%s) into a table with a column per subject', (_, body, subjects, cells) => {
    const contrast = findContrast(outlineOf(`# T\n\n${body}`).sections[0])
    expect(contrast?.block.subjects).toEqual(subjects)
    expect(contrast?.block.rows.map((row) => row.cells.map((cell) => cell.map((run) => run.text).join('')))).toEqual(cells)
  })

  it('takes the aspect from "X of a subject" and keeps a negated subject apart', () => {
    const note =
      '# T\n\n## Reading the scans\n\nThe pulse of a resting patient will stay slow, whereas a non-resting patient will show a fast pulse.\n\nThe skin of a resting patient will be dry, whereas the skin of a non-resting patient will be damp.\n'
    const contrast = findContrast(outlineOf(note).sections[0])
    expect(contrast?.block.subjects).toEqual(['Resting patient', 'Non-resting patient'])
    expect(contrast?.block.rows.map((row) => row.aspect)).toEqual(['Pulse', 'Skin'])
  })

  it('labels a row by the word both sides share', () => {
    const contrast = findContrast(outlineOf('# T\n\n## Rivers\n\n- Rivers carry silt, whereas glaciers carry boulders.\n- Rivers freeze in winter, whereas glaciers melt in summer.\n').sections[0])
    expect(contrast?.block.rows[0].aspect).toBe('Carry')
  })

  it('makes no table from one contrast sentence', () => {
    expect(findContrast(outlineOf('# T\n\n## Soils\n\nClay holds water, whereas sand drains fast.\n').sections[0])).toBeUndefined()
  })

  it('pairs sentences about each side of an "X vs Y" heading when they share a word', () => {
    const contrast = findContrast(outlineOf('# T\n\n## Mitosis vs meiosis\n\nMitosis yields two identical cells. Meiosis yields four distinct cells. Meiosis happens in the gonads.\n').sections[0])
    expect(contrast?.block.subjects).toEqual(['Mitosis', 'Meiosis'])
    expect(contrast?.block.rows).toHaveLength(1)
  })

  it('shows the table in the deck and keeps the sentences in its notes', () => {
    const deck = deckOf('# T\n\n## Soils\n\n- Clay holds water, whereas sand drains fast.\n- Clay feels sticky, whereas sand feels gritty.\n')
    const slide = deck.slides.find((s) => s.kind === 'comparison')
    expect(slide?.notes).toContain('Clay feels sticky, whereas sand feels gritty.')
  })
})

describe('impliedOther (a one-sided contrast turned round by grammar)', () => {
  it.each([
    ['are more fertile', 'are less fertile'],
    ['has more seats', 'has fewer seats'],
    ['need less water', 'need more water'],
    ['are slightly less stable', 'are slightly more stable'],
    ['are safer', 'are less safe'],
    ['elect their head of state', 'do not elect their head of state'],
    ['grows from court rulings', 'does not grow from court rulings'],
    ['can vote on budgets', 'cannot vote on budgets'],
    ['are fully protected', 'are not fully protected'],
  ])('turns %j into %j', (rest, expected) => {
    expect(impliedOther(rest)).toBe(expected)
  })

  it.each([['do not pay tax'], ['never flower'], ['ripen sooner']])('leaves %j unturned (negated already, or a comparative it cannot invert)', (rest) => {
    expect(impliedOther(rest)).toBeUndefined()
  })

  it('fills the other column with what a comparative sentence implies, not "—"', () => {
    const section = outlineOf('# Soils\n\n## Clay vs sand\n\n- Clay holds water, whereas sand drains it.\n- Clay is more fertile compared to sand.\n- Clay needs less watering than sand.\n- Clay feels sticky in contrast to sand.\n').sections[0]
    const cells = findContrast(section)!.block.rows.map((row) => row.cells.map((cell) => cell.map((run) => run.text).join('')))
    expect(cells).toEqual([
      ['holds water', 'drains it'],
      ['is more fertile', 'is less fertile'],
      ['needs less watering', 'needs more watering'],
      ['feels sticky', 'does not feel sticky'],
    ])
  })
})
