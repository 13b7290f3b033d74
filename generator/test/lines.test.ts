/** One thought a line (dialects/lines.ts): which paragraphs and list items are cut at their line
 * endings, which stay whole, and that every block cut out keeps the exact place of its lines. */
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import type { Nodes, Root, RootContent } from 'mdast'
import { parseNote } from '../src/parse.js'
import { plainText } from '../src/text.js'
import { deckOf } from './helpers.js'

function rootOf(text: string): Root {
  return parseNote(new VFile({ path: 'notes/t.md', value: text })).tree
}

/** Each top-level block as "type lines" ("paragraph 3-3", "list(3) 5-6" for an ordered list from 3). */
function shape(text: string): string[] {
  return rootOf(text).children.map((block) => {
    const kind = block.type === 'list' && block.ordered ? `list(${block.start})` : block.type
    return `${kind} ${block.position?.start.line}-${block.position?.end.line}`
  })
}

function texts(text: string): string[] {
  return rootOf(text).children.map((block) => plainText(block as Nodes))
}

describe('a paragraph written one thought a line', () => {
  it.each([
    ['full stops, history', 'The treaty ended the war in 1648.\nEach prince became sovereign in his own land.\nFrance gained parts of Alsace.', ['paragraph 1-1', 'paragraph 2-2', 'paragraph 3-3']],
    ['question and exclamation marks', 'Why do leaves turn red in autumn?\nChlorophyll breaks down first!\nOther pigments then show.', ['paragraph 1-1', 'paragraph 2-2', 'paragraph 3-3']],
    ['a closing quote or bracket after the stop', 'The judge called it "a plain breach."\n(The appeal failed.)\nCosts went to the tenant.', ['paragraph 1-1', 'paragraph 2-2', 'paragraph 3-3']],
    ['a colon before a new sentence', 'Two courts heard it:\nThe county court found for the landlord.', ['paragraph 1-1', 'paragraph 2-2']],
    ['next line opens with bold', 'Cells divide in two ways.\n**Mitosis** keeps the chromosome count.\n**Meiosis** halves it.', ['paragraph 1-1', 'paragraph 2-2', 'paragraph 3-3']],
    ['next line opens with code or a link', 'Run the suite before a release.\n`make check` prints each failure.\n[The guide](https://example.org) lists the rest.', ['paragraph 1-1', 'paragraph 2-2', 'paragraph 3-3']],
    ['next line opens with a digit', 'Boil the stock for an hour.\n3 litres give about twelve bowls.', ['paragraph 1-1', 'paragraph 2-2']],
    ['a script without capitals', '光合作用需要光。\n叶绿素吸收红光和蓝光。', ['paragraph 1-1', 'paragraph 2-2']],
    ['explicit <br> breaks without stops', 'Tort law covers civil wrongs<br>\nContract law covers promises<br>\nProperty law covers ownership', ['paragraph 1-1', 'paragraph 2-2', 'paragraph 3-3']],
    ['hard breaks (two spaces) without stops', 'Offer  \nAcceptance  \nConsideration', ['paragraph 1-1', 'paragraph 2-2', 'paragraph 3-3']],
    ['lines of one command each', '`git fetch`\n`git rebase origin/main`\n`git push --force-with-lease`', ['paragraph 1-1', 'paragraph 2-2', 'paragraph 3-3']],
    ['lines of one link each', '[Soil types](soil.md)\n[Crop rotation](rotation.md)', ['paragraph 1-1', 'paragraph 2-2']],
    ['bold labels run on, no stops', 'Some terms come up often.\n**Habeas corpus** the right to see a judge\n**Stare decisis** courts follow earlier rulings', ['paragraph 1-1', 'paragraph 2-2', 'paragraph 3-3']],
    ['a bold title line above its sentences', '**The water cycle**\nWater evaporates from the sea.\nIt falls again as rain.', ['heading 1-1', 'paragraph 2-2', 'paragraph 3-3']], // the bold line alone before content is then read as a heading (dialects/bold-headings.ts)
    ['Windows line endings', 'A tide rises twice a day.\r\nThe moon pulls the water.\r\nThe sun adds a little.\r\n', ['paragraph 1-1', 'paragraph 2-2', 'paragraph 3-3']],
  ])('is cut at each line: %s', (_name, text, expected) => {
    expect(shape(`${text}\n`)).toEqual(expected)
  })

  it.each([
    ['hard-wrapped prose', 'The court held that the contract was void because\nthe seller had hidden the defect from the buyer.'],
    ['a wrap that falls after a stop once (mixed)', 'Parliament passed the reform in 1832.\nIt widened the vote to more men of\nproperty in the growing towns.'],
    ['a lower-case next line', 'Enzymes speed reactions up.\nthey are not used up by them.'],
    ['an abbreviation at the end of the line', 'Many solvents dissolve fats, e.g.\nEthanol and acetone do.'],
    ['a title abbreviation', 'The case was argued before Mr.\nJustice Hale in the spring.'],
    ['bold words that wrap onto the next line', 'The **second law of\nthermodynamics** forbids it.'],
    ['no stop before a capital', 'The glacier carved the valley into a\nU shape over many thousand years.'],
    ['code that spans the line ending', 'Call `fold(a,\nB)` on the list.'],
    ['`Label: text` lines (a run of definitions)', 'Plaintiff: the party who sues.\nDefendant: the party who is sued.\nClaim: what the plaintiff asks for.'],
    ['bold `Label:` lines', '**Mitosis:** two identical cells\n**Meiosis:** four different cells'],
  ])('stays one paragraph: %s', (_name, text) => {
    expect(shape(`${text}\n`)).toEqual([`paragraph 1-${text.split('\n').length}`])
  })

  it.each([
    ['a quote', '> The first line is mine.\n> The second is too.', ['blockquote 1-2']],
    ['a callout', '> [!note] Seasons\n> Earth is tilted.\n> The tilt makes seasons.', ['blockquote 1-3']],
    ['a code block', '```\nFirst line.\nSecond line.\n```', ['code 1-4']],
    ['a math block', '$$\na = b.\nC = d.\n$$', ['math 1-4']],
    ['a table', '| Court | Level |\n| --- | --- |\n| County. | Low. |', ['table 1-3']],
    ['an indented list-item paragraph', '- Romans built roads.\n  They built aqueducts too.', ['list 1-2']],
  ])('leaves %s alone', (_name, text, expected) => {
    const tree = rootOf(`${text}\n`)
    expect(tree.children.map((block) => `${block.type} ${block.position?.start.line}-${block.position?.end.line}`)).toEqual(expected)
    if (tree.children[0].type === 'blockquote') expect(tree.children[0].children.filter((child) => child.type === 'paragraph').length).toBeLessThanOrEqual(2)
    if (tree.children[0].type === 'list') expect(tree.children[0].children[0].children).toHaveLength(1)
  })

  it('gives each new paragraph the exact place of its line (offsets and columns)', () => {
    const text = '# Rivers\n\nRivers carve valleys.  \n   Deltas form at the mouth.\nFloods spread silt on the plain.\n'
    const blocks = rootOf(text).children.slice(1)
    expect(blocks.map((block) => text.slice(block.position!.start.offset, block.position!.end.offset))).toEqual([
      'Rivers carve valleys.',
      'Deltas form at the mouth.',
      'Floods spread silt on the plain.',
    ])
    expect(blocks.map((block) => [block.position!.start.line, block.position!.start.column, block.position!.end.line])).toEqual([
      [3, 1, 3],
      [4, 4, 4],
      [5, 1, 5],
    ])
  })

  it('keeps a numbered line that continues the list before it as that list\'s next item', () => {
    const text = '1. Wash the glass\n2. Rinse it\n3. Dry it\n\nOne problem remains: streaks.\n4. Polish it with a cloth\n'
    expect(shape(text)).toEqual(['list(1) 1-3', 'paragraph 5-5', 'list(4) 6-6'])
    expect(texts(text)[2]).toBe('Polish it with a cloth')
  })

  it('keeps a year at the start of a line as text (it continues no list)', () => {
    const text = 'The war ended in 1918.\n1919. A treaty followed.\n'
    expect(texts(text)).toEqual(['The war ended in 1918.', '1919. A treaty followed.'])
  })
})

describe('a lazy line under a list item', () => {
  it.each([
    ['after an ordered item, numbers resume', '1. Water boils at 100 °C at sea level\n2. Altitude lowers the boiling point\nPressure cookers raise it again.\n3. Salt raises it a little\n4. Sugar does too', ['list(1) 1-2', 'paragraph 3-3', 'list(3) 4-5']],
    ['after the last bullet', '- Roman roads\n- Aqueducts\nThe empire\'s engineering outlived it.', ['list 1-2', 'paragraph 3-3']],
    ['opening with bold', '- Glaciers carve valleys\n**Moraines** mark where they stopped.', ['list 1-1', 'paragraph 2-2']],
    ['of several sentences, one a line', '- Supply rises\n- Prices fall\nThat is the first law. Demand works the other way.\nBoth meet at a price.', ['list 1-2', 'paragraph 3-3', 'paragraph 4-4']],
  ])('starts a paragraph after the list: %s', (_name, text, expected) => {
    expect(shape(`${text}\n`)).toEqual(expected)
  })

  it.each([
    ['the item ends on a comma', '- Tribunes could veto laws,\nMagistrates could not.'],
    ['the item ends on a joining word', '- The senate advised the\nConsuls on war.'],
    ['the next line is lower case', '- Roman roads\nran straight for miles.'],
    ['the next line is indented', '- Roman roads\n  The empire built many.'],
    ['a loose list (blank lines between items)', '1. Step one\nA detail of step one.\n\n2. Step two'],
  ])('stays in the item: %s', (_name, text) => {
    const blocks = rootOf(`${text}\n`).children
    expect(blocks).toHaveLength(1)
    expect(blocks[0].type).toBe('list')
  })

  it('shows the resumed list with its own numbers and the lazy line apart', () => {
    const deck = deckOf('# Boiling\n\n1. Water boils at 100 °C at sea level\n2. Altitude lowers the boiling point\nPressure cookers raise it again.\n3. Salt raises it a little\n4. Sugar does too\n')
    const shown = deck.parsed.slides.map((slide) => slide.content).join('\n')
    expect(shown).toMatch(/^3\. Salt raises it a little$/m)
    expect(shown).toMatch(/^4\. Sugar does too$/m)
    expect(shown).not.toMatch(/point Pressure/)
  })

  it('gives the lazy paragraph and the cut item exact places', () => {
    const text = '- Aqueducts\nThe empire\'s engineering outlived it.\n'
    const [list, paragraph] = rootOf(text).children as RootContent[]
    expect(text.slice(list.position!.start.offset, list.position!.end.offset)).toBe('- Aqueducts')
    expect(text.slice(paragraph.position!.start.offset, paragraph.position!.end.offset)).toBe("The empire's engineering outlived it.")
  })
})
