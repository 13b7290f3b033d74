import { describe, expect, it } from 'vitest'
import { findSequence, stepLabel } from '../src/plan/diagrams/structure.js'
import { mermaidFor } from '../src/emit/mermaid.js'
import { countedNoun } from '../src/plan/header.js'
import { deckOf } from './helpers.js'
import { outlineOf } from './structure-helpers.js'
import { plainText } from '../src/text.js'

/** The diagrams a deck draws, in order. */
function diagramsOf(note: string) {
  return deckOf(note).slides.flatMap((slide) => slide.body).flatMap((block) => (block.type === 'diagram' ? [block.diagram] : []))
}

describe('a step label keeps what its verb acts on (issue #12, item 2)', () => {
  it.each([
    ['law', 'The committee replies with a written list of amendments to the sponsor within ten days of the hearing', 'The committee replies with a written list of amendments'],
    ['storage', 'The index server answers with a ranked list of mirror hosts to the caller based on distance', 'The index server answers with a ranked list of mirror hosts'],
    ['biology', 'The seed germinates in the warm soil after the first heavy rains of the spring season arrive', 'The seed germinates in the warm soil'],
  ])('shortens a long step by whole phrases, never to a bare verb (%s)', (_, sentence, label) => {
    expect(stepLabel(sentence)).toBe(label)
  })

  it('draws the complement of a long step in the flowchart, wrapped, not cut', () => {
    const diagrams = diagramsOf(
      '# T\n\n## How an appeal is filed\n\n1. The appellant sends a notice of appeal to the registry\n2. The registry responds with a hearing date, a panel of judges and a filing deadline to the appellant based on the court calendar\n3. The appellant files the written brief before the deadline\n',
    )
    expect(diagrams[0]?.kind).toBe('steps')
    const source = mermaidFor(diagrams[0]!)
    expect(source).toContain('hearing date')
    expect(source).toContain('filing deadline')
    expect(source).not.toContain('…')
  })
})

/** The comparison tables of a deck, as their subjects and rows. */
function tablesOf(note: string) {
  return deckOf(note)
    .slides.flatMap((slide) => slide.body)
    .flatMap((block) => (block.type === 'comparison' ? [{ subjects: block.subjects, rows: block.rows.map((row) => [row.aspect, ...row.cells.map((cell) => cell.map((run) => run.text).join(''))]) }] : []))
}

describe('comparisons told in parallel paragraphs, without labels (issue #12, item 1)', () => {
  it('sets two treatments side by side on the measures both paragraphs rate (medicine)', () => {
    const note =
      '# Care\n\n## Treatment options\n\nFor mild cases there is a daily tablet that patients take at home. It has a low treatment cost, and most patients manage it alone.\n\nAnother option is a monthly injection, which a nurse gives at the clinic. It means a high treatment cost and a high travel cost for rural patients.\n'
    expect(tablesOf(note)).toEqual([
      {
        subjects: ['Daily tablet', 'Monthly injection'],
        rows: [
          ['Treatment cost', 'Low treatment cost', 'High treatment cost'],
          ['Travel cost', '—', 'High travel cost'],
        ],
      },
    ])
  })

  it('rates each subject in the words of its own paragraph, a negation included (engineering)', () => {
    const note =
      '# Bridges\n\n## Spans\n\nFor short crossings the usual choice is a beam bridge, the simplest design. It is cheap in build time, but poor in span length.\n\nFor longer ones there is a suspension bridge, which hangs the deck from cables. It is slow in build time but not limited in span length.\n'
    expect(tablesOf(note)).toEqual([
      {
        subjects: ['Beam bridge', 'Suspension bridge'],
        rows: [
          ['Build time', 'Cheap in build time', 'Slow in build time'],
          ['Span length', 'Poor in span length', 'Not limited in span length'],
        ],
      },
    ])
  })

  it('keeps the paragraphs on their slides and puts the table after them', () => {
    const note =
      '# Care\n\n## Treatment options\n\nFor mild cases there is a daily tablet that patients take at home. It has a low treatment cost, and most patients manage it alone.\n\nAnother option is a monthly injection, which a nurse gives at the clinic. It means a high treatment cost and a high travel cost for rural patients.\n'
    const kinds = deckOf(note).slides.map((slide) => slide.kind)
    const table = kinds.indexOf('comparison')
    expect(table).toBeGreaterThan(0)
    const shown = deckOf(note).slides.slice(0, table).map((slide) => JSON.stringify(slide.body)).join(' ')
    expect(shown).toContain('monthly injection')
  })

  it.each([
    ['measures that are not of one kind (history)', '# T\n\n## Rulers\n\nIn the north there was a strong monarchy with a royal court. Its tax system was harsh.\n\nThe south was a loose federation of towns. Its trade routes were long.\n'],
    ['one introduced subject only (law)', '# T\n\n## Courts\n\nThere is a supreme court at the top. It has a long waiting time and a short hearing time.\n\nJudges sit alone in lower courts. Their waiting time is short.\n'],
    ['measures that no two subjects share (chemistry)', '# T\n\n## Cells\n\nOne design is a dry cell, sealed in a can. It has a long shelf life.\n\nAnother is a wet cell, which needs topping up. It has a short charge time and a high charge rate.\n'],
  ])('draws no table from %s', (_, note) => {
    expect(tablesOf(note)).toEqual([])
  })
})

describe('bold-labelled paragraphs that say parallel things (issue #12, item 1)', () => {
  it('lines up what each says with the same verb and the equation of the same left side (physics, inside a list item)', () => {
    const note =
      '# Motion\n\n## Models of drag\n\nTwo models are common:\n\n1. The drag force.\n\n   **Linear drag model** — assumes that the fluid flows smoothly around a slow body, as in honey: $F_d = b v$\n\n   **Quadratic drag model** — assumes that the fluid swirls behind a fast body: $F_d = c v^2$\n\n2. The terminal speed.\n'
    const tables = tablesOf(note)
    expect(tables).toHaveLength(1)
    expect(tables[0].subjects).toEqual(['Linear drag model', 'Quadratic drag model'])
    expect(tables[0].rows).toEqual([
      ['Assumes', 'Assumes that the fluid flows smoothly around a slow body', 'Assumes that the fluid swirls behind a fast body'],
      ['', 'F_d = b v', 'F_d = c v^2'],
    ])
  })

  it('keeps every sentence of the paragraphs in the notes of the table', () => {
    const note = '# Money\n\n## Two rules\n\n**Fixed rule** — sets that the bank grows money by a steady amount each year, whatever happens: $g = k$\n\n**Taylor rule** — sets that the bank moves its rate with inflation and output: $g = r + 1.5 \\pi$\n'
    const slide = deckOf(note).slides.find((s) => s.kind === 'comparison')
    expect(slide?.notes).toContain('whatever happens')
    expect(slide?.notes).toContain('moves its rate with inflation and output')
  })

  it('draws no table from labelled paragraphs that say different kinds of thing (history)', () => {
    const note = '# T\n\n## Leaders\n\n**The consul** — led the army in war. He served one year.\n\n**The tribune** — could veto laws: $v = 1$\n'
    expect(tablesOf(note)).toEqual([])
  })
})

describe('a sequence told in prose from the event that sets it off (issue #12, item 2)', () => {
  it.each([
    [
      'hydrology',
      'When the dam fails, water floods the lower valley. The town council then orders the evacuation of every farm. Finally, the army builds a temporary levee.',
      ['The dam fails', 'Water floods the lower valley', 'The town council orders the evacuation of every farm', 'The army builds a temporary levee'],
    ],
    [
      'law',
      'If the tenant stops paying rent, the landlord sends a written notice to the tenant. The landlord may then ask the court for an eviction order. The court will then set a date for the hearing.',
      ['The tenant stops paying rent', 'The landlord sends a written notice to the tenant', 'The landlord may ask the court for an eviction order', 'The court will set a date for the hearing'],
    ],
  ])('reads the trigger, what it causes and each "then" as steps (%s)', (_, text, steps) => {
    expect(findSequence(text)).toEqual({ steps, cycle: false })
  })

  it.each([
    ['a logical "if …, then …" (game theory)', 'If both firms cut prices, then each earns less. However, if one firm cuts alone, then it wins the market.'],
    ['a trigger with no next step (biology)', 'When a cell is damaged, it swells. Swelling is reversible.'],
    ['a "then" deep inside advice, not a next step (baking)', 'As soon as the dough rests, the gluten relaxes, so shaping gets easier. The usual trick is to mix the flour and the water first, and only then add the salt.'],
  ])('draws no sequence from %s', (_, text) => {
    expect(findSequence(text)).toBeUndefined()
  })

  it('draws the sequence after its paragraph and keeps the paragraph', () => {
    const text = 'If the tenant stops paying rent, the landlord sends a written notice to the tenant. The landlord may then ask the court for an eviction order. The court will then set a date for the hearing.'
    const diagrams = diagramsOf(`# Housing\n\n## Eviction\n\n${text}\n`)
    expect(diagrams).toHaveLength(1)
    expect(diagrams[0].kind).toBe('steps')
  })
})

describe('stages told as subsections that return to the start (issue #12, item 2)', () => {
  it('draws the subsections as a cycle when the section says it cycles through its stages (cell biology)', () => {
    const note =
      '# Cells\n\n## Phases of the cell cycle\n\nA dividing cell cycles through four phases, again and again.\n\n### Interphase\n\n#### G1\n\nThe cell grows.\n\n#### S\n\nThe cell copies its DNA.\n\n#### G2\n\nThe cell checks the copies.\n\n### Mitosis\n\nThe cell splits in two.\n\n### Cell cycle checkpoints\n\nProteins stop a faulty cell.\n'
    expect(diagramsOf(note)).toEqual([{ kind: 'cycle', steps: ['G1', 'S', 'G2', 'Mitosis'] }])
  })

  it('draws the stages of an economic cycle in the order of the subsections (economics)', () => {
    const note = '# Macro\n\n## Stages\n\nAn economy cycles through these stages over a decade or so.\n\n### Expansion\n\nOutput grows.\n\n### Peak\n\nGrowth stops.\n\n### Contraction\n\nOutput falls.\n\n### Trough\n\nOutput bottoms out.\n'
    expect(diagramsOf(note)).toEqual([{ kind: 'cycle', steps: ['Expansion', 'Peak', 'Contraction', 'Trough'] }])
  })

  it.each([
    ['stages that do not return (history)', '# T\n\n## Stages of the revolt\n\nThe revolt went through three stages.\n\n### Unrest\n\nPrices rose.\n\n### Uprising\n\nTowns rose.\n\n### Defeat\n\nThe army won.\n'],
    ['a cycle with only two stages (ecology)', '# T\n\n## Seasons\n\nThe lake cycles through two stages each year.\n\n### Mixing\n\nWater turns over.\n\n### Layering\n\nWarm water sits on top.\n'],
  ])('draws no cycle from %s', (_, note) => {
    expect(diagramsOf(note).filter((diagram) => diagram.kind === 'cycle')).toEqual([])
  })
})

describe('a definitions table named by its lead-in (issue #12, item 1)', () => {
  it.each([
    ['There were two alliances in Europe.', 2, 'Alliance'],
    ['The statute lists three rival offences.', 3, 'Offence'],
    ['The cell has four parts.', 3, undefined],
    ['In 1914 the war began.', 2, undefined],
  ])('reads the counted noun of %j for %i entries', (lead, count, name) => {
    expect(countedNoun(lead, count)).toBe(name)
  })

  it('heads the first column with the counted noun instead of "Term" (law)', () => {
    const note = '# Law\n\n## Courts\n\nThe country has two supreme courts.\n\n**Court of Cassation:** civil and criminal appeals\n\n**Council of State:** appeals against the state\n'
    const block = deckOf(note).slides.flatMap((slide) => slide.body).find((b) => b.type === 'definitions')
    expect(block?.type === 'definitions' && block.header[0]).toEqual([{ text: 'Court' }])
  })
})

describe('a subsection that opens with the introduction of its parent (issue #12, item 5)', () => {
  it('moves the paragraph about the section up, so its slide carries the section title (history)', () => {
    const note = '# Rome\n\n## Causes of the fall\n\n### Money\n\nThe fall of the empire had slow causes and sudden ones, over two centuries.\n\nCoins lost their silver, so money lost its worth.\n'
    const outline = outlineOf(note)
    const section = outline.sections[0]
    expect(section.blocks.map((block) => plainText(block))).toEqual(['The fall of the empire had slow causes and sudden ones, over two centuries.'])
    expect(section.children[0].blocks.map((block) => plainText(block))).toEqual(['Coins lost their silver, so money lost its worth.'])
    const shown = deckOf(note).slides.find((slide) => slide.kind !== 'takeaways' && JSON.stringify(slide.body).includes('slow causes'))
    expect(shown?.title).toBe('Causes of the fall')
  })

  it.each([
    ['a paragraph about the subsection (biology)', '# Cells\n\n## Parts of a cell\n\n### Membrane\n\nThe membrane is the part of a cell that lets water in.\n\nIt has two layers.\n'],
    ['a subsection with one block only (law)', '# Law\n\n## Sources of law\n\n### Statutes\n\nLaw has written and unwritten sources.\n'],
  ])('leaves %s where it is', (_, note) => {
    expect(outlineOf(note).sections[0].blocks).toEqual([])
  })
})

describe('steps a node cannot show', () => {
  it('keeps numbered steps with formulas a list, where the formulas render (chemistry)', () => {
    const note = '# Lab\n\n## How the titration is done\n\n1. Add $10\\,mL$ of acid to the flask\n2. The base is dripped in until the colour changes\n3. The volume of base used gives the concentration of the acid\n'
    expect(diagramsOf(note)).toEqual([])
  })
})
