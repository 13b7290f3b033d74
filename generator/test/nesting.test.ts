import { beforeAll, describe, expect, it } from 'vitest'
import type { List } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { findNesting } from '../src/plan/diagrams/nesting.js'
import { mermaidFor } from '../src/emit/mermaid.js'
import { deckOf, mermaidParser } from './helpers.js'

/** The first list of a markdown text. */
function listOf(markdown: string): List {
  const list = fromMarkdown(markdown).children.find((node) => node.type === 'list')
  if (!list || list.type !== 'list') throw new Error('no list in fixture')
  return list
}

// Own words, several subjects: a court system, a library, a body's tissues, a Spanish army, a Japanese company.
const COURTS = [
  '- **Circuits** : These are containers that group several districts under one appeals court.',
  '- **Districts** : A district is a territory made up of counties.',
  '- **Counties** : Within a district, counties keep their own clerks. This is the level where most cases start.',
  '- **Clerks** : The people who file the papers.',
  '',
].join('\n')

const LIBRARY = [
  '- **Shelves**: long boards that hold boxes of old maps.',
  '- **Boxes**: cardboard cases; each box holds folders.',
  '- **Folders**: paper sleeves, part of a box, one map each.',
  '',
].join('\n')

const ORGANS = [
  '- **Organ**: a structure that is made of tissues.',
  '- **Tissue**: a layer of cells; a tissue consists of cells of one kind.',
  '- **Cell**: the smallest living unit.',
  '',
].join('\n')

// Spanish, not English: only the shape counts (each item names the one before it).
const EJERCITO = [
  '- **división**: la unidad mayor del ejército.',
  '- **brigada**: una división tiene dos o tres brigadas.',
  '- **batallón**: cada brigada reúne varios batallones.',
  '- **compañía**: cada batallón se divide en compañías.',
  '',
].join('\n')

// Japanese: no spaces between words.
const KAISHA = [
  '- **本社**：会社の中心。',
  '- **支店**：本社の下に複数の支店がある。',
  '- **課**：各支店は三つの課に分かれる。',
  '',
].join('\n')

// Own words: a nested list of a ship's crew (each sub-item part of its parent), and a nested list in Italian.
const SHIP = [
  '- **Fleet**: the ships under one admiral.',
  '  - **Squadron**: a part of a fleet, four to six ships.',
  '    - **Ship**: one vessel; a squadron holds several of them, each within a squadron.',
  '',
].join('\n')

const FLOTTA = [
  '- **flotta**: le navi di un ammiraglio.',
  '  - **squadra**: una flotta ha più squadre.',
  '    - **nave**: ogni squadra conta quattro navi.',
  '',
].join('\n')

describe('containment among the terms of a definition list', () => {
  it.each([
    ['a nested English list ("part of", "within")', SHIP, ['Fleet', 'Squadron', 'Ship']],
    ['a nested Italian list, each item naming its parent', FLOTTA, ['flotta', 'squadra', 'nave']],
    ['courts ("containers", "made up of", "within")', COURTS, ['Circuits', 'Districts', 'Counties']],
    ['a library ("hold", "holds", "part of")', LIBRARY, ['Shelves', 'Boxes', 'Folders']],
    ['tissues ("is made of", "consists of")', ORGANS, ['Organ', 'Tissue', 'Cell']],
    ['a Spanish list, each item naming the one before', EJERCITO, ['división', 'brigada', 'batallón', 'compañía']],
    ['a Japanese list with no spaces', KAISHA, ['本社', '支店', '課']],
  ])('nests %s', (_, markdown, levels) => {
    expect(findNesting(listOf(markdown))).toEqual(levels)
  })

  it.each([
    ['a list of headings', '- **Shelves**\n- **Boxes**\n- **Folders**\n'],
    ['one stated relation only', '- **Shelves**: boards that hold boxes.\n- **Boxes**: cardboard cases.\n- **Folders**: paper sleeves.\n'],
    ['terms that do not name each other', '- **Roots**: they anchor the plant.\n- **Stems**: they carry water.\n- **Leaves**: they catch light.\n'],
    ['a pair stated both ways', '- **Shelves**: boards that hold boxes.\n- **Boxes**: cases that hold shelves.\n- **Folders**: sleeves within a box.\n'],
    ['a Spanish list whose items name each other both ways', '- **norte**: la región frente al sur.\n- **sur**: la región frente al norte y al este.\n- **este**: la región frente al sur.\n'],
  ])('draws nothing from %s', (_, markdown) => {
    expect(findNesting(listOf(markdown))).toBeUndefined()
  })

  it('draws boxes inside boxes after the list, and the list keeps every sentence', () => {
    const deck = deckOf(`# Law\n\n## How the courts are arranged\n\n${COURTS}`)
    const diagrams = deck.slides.flatMap((slide) => slide.body).filter((block) => block.type === 'diagram')
    expect(diagrams.map((block) => block.type === 'diagram' && block.diagram)).toEqual([{ kind: 'nested', levels: ['Circuits', 'Districts', 'Counties'] }])
    const shown = JSON.stringify(deck.slides.map((slide) => [slide.body, slide.notes]))
    for (const sentence of ['group several districts under one appeals court', 'This is the level where most cases start', 'The people who file the papers']) expect(shown).toContain(sentence)
  })
})

// Own words: an estate in sections (English cues), a French school in sections (shape only).
const ESTATE = `# Land

## How an estate is laid out

### Estate

The whole holding, run by one steward.

### Farms

Each estate is made up of farms, rented to tenants.

### Fields

Within a farm, fields are fenced and rotated each year.
`

const ECOLE = `# École

## Organisation

### Académie

La région scolaire, dirigée par un recteur.

### Établissement

Chaque académie compte des centaines d'établissements.

### Classe

Dans un établissement, les élèves sont répartis en classes.
`

describe('containment among sibling sections', () => {
  it.each([
    ['English sections with containment words', ESTATE, ['Estate', 'Farms', 'Fields']],
    ['French sections that each name the one before', ECOLE, ['Académie', 'Établissement', 'Classe']],
  ])('draws %s as boxes inside boxes', (_, note, levels) => {
    const deck = deckOf(note)
    const diagrams = deck.slides.flatMap((slide) => slide.body).filter((block) => block.type === 'diagram')
    expect(diagrams.map((block) => block.type === 'diagram' && block.diagram)).toEqual([{ kind: 'nested', levels }])
  })

  it('draws nothing from sections that only follow one another', () => {
    const note = '# Trip\n\n## Days\n\n### Monday\n\nWe reached the coast.\n\n### Tuesday\n\nWe walked to the cliffs.\n\n### Wednesday\n\nWe sailed home.\n'
    const diagrams = deckOf(note).slides.flatMap((slide) => slide.body).filter((block) => block.type === 'diagram')
    expect(diagrams).toEqual([])
  })
})

describe('a nesting is valid Mermaid', () => {
  let parse: (text: string) => Promise<unknown>
  beforeAll(async () => {
    parse = await mermaidParser()
  })

  it('parses nested boxes with quotes and brackets in their names', async () => {
    const text = mermaidFor({ kind: 'nested', levels: ['The "outer" shelf', 'Box (#2)', 'Folder [a]'] })
    expect(text).toContain('subgraph h1')
    await expect(parse(text)).resolves.toBeTruthy()
  })
})
