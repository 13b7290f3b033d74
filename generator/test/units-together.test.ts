/**
 * A lead-in, its block and the line that explains it are one unit: a short procedure is one
 * slide, a line after code that explains it shares the code's slide, a list's last item that
 * leads into code stays with that code, and deep nesting keeps every child under its parent.
 * Notes written for these tests, in several subjects.
 */
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { runsText } from '../src/text.js'
import type { SlideBlock, SlidePlan } from '../src/types.js'

const texts = (body: SlideBlock[]): string[] =>
  body.flatMap((block) => {
    if (block.type === 'bullets') return block.items.flatMap((item) => [runsText(item.runs), ...item.children.map((c) => runsText(c.runs))])
    if (block.type === 'definitions') return block.items.map((item) => `${runsText(item.term)}: ${runsText(item.gist)}`)
    if (block.type === 'code') return [block.value]
    return 'runs' in block ? [runsText(block.runs)] : []
  })
const content = (slides: SlidePlan[]): SlidePlan[] => slides.filter((s) => !['cover', 'agenda', 'section', 'end', 'takeaways'].includes(s.kind))
const showing = (slides: SlidePlan[], start: string): SlidePlan[] => content(slides).filter((s) => texts(s.body).some((t) => t.startsWith(start)))

describe('a short procedure is one slide', () => {
  it('shows three numbered steps, each with its command, on one slide (bioinformatics)', () => {
    const note = [
      '# Sequencing',
      '',
      '## Preparing the reads',
      '',
      '1. **Trim the adapters**:',
      '',
      '```',
      'cutadapt -a AGATCGG -o trimmed.fq raw.fq',
      '```',
      '',
      '2. **Check the quality**:',
      '',
      '```',
      'fastqc trimmed.fq',
      '```',
      '',
      '3. **Align to the reference genome**:',
      '',
      '```',
      'bwa mem ref.fa trimmed.fq > aligned.sam',
      '```',
      '',
    ].join('\n')
    const slides = content(deckOf(note).slides)
    expect(slides).toHaveLength(1)
    expect(slides[0].body.filter((b) => b.type === 'code')).toHaveLength(3)
    expect(texts(slides[0].body).filter((t) => /^(Trim|Check|Align)/.test(t))).toHaveLength(3)
  })

  it('keeps steps apart when together they would not fit one slide (accounting)', () => {
    const long = Array.from({ length: 7 }, (_, i) => `ledger post --account ${1000 + i} --amount ${i * 10}`).join('\n')
    const note = `# Books\n\n## Closing the month\n\n1. **Post the entries**:\n\n\`\`\`\n${long}\n\`\`\`\n\n2. **Reconcile the bank**:\n\n\`\`\`\n${long}\n\`\`\`\n`
    const slides = content(deckOf(note).slides)
    expect(slides).toHaveLength(2)
  })
})

describe('a line that explains code shares its slide', () => {
  it('puts a one-line explanation after a query on the query slide (databases)', () => {
    const note = [
      '# Queries',
      '',
      '## Counting per shop',
      '',
      '```sql',
      'SELECT shop_id, COUNT(*) AS orders',
      'FROM sales',
      'GROUP BY shop_id;',
      '```',
      '',
      '- Every shop gets one row, with the number of its orders beside it. Shops without sales do not appear.',
      '',
    ].join('\n')
    const slides = content(deckOf(note).slides)
    expect(slides).toHaveLength(1)
    expect(slides[0].body.map((b) => b.type)).toEqual(['code', 'bullets'])
  })

  it('puts a short table of the parameters after a syntax line on its slide (statistics)', () => {
    const note = [
      '# Models',
      '',
      '## Fitting a line',
      '',
      '```r',
      'lm(formula, data, weights)',
      '```',
      '',
      '- **`formula`**: The response and the predictors, written with a tilde.',
      '- **`data`**: The table the variables come from.',
      '',
    ].join('\n')
    const slides = content(deckOf(note).slides)
    expect(slides).toHaveLength(1)
    expect(slides[0].body.map((b) => b.type)).toEqual(['code', 'definitions'])
  })

  it('says one line that opens code too long to share its slide with the code, not on a slide alone (web development)', () => {
    const code = Array.from({ length: 16 }, (_, i) => `  route${i}: handler${i},`).join('\n')
    const note = `# Servers\n\n## Routing\n\nA web server maps each path it serves to the function that answers it.\n\n### Routing table\n\nRegister every route of the shop with a single table of handlers in the main module.\n\n\`\`\`js\n${code}\n\`\`\`\n`
    const slides = deckOf(note).slides
    expect(showing(slides, 'Register every route')).toEqual([])
    const [codeSlide] = content(slides).filter((s) => s.kind === 'code')
    expect(codeSlide.notes).toContain('Register every route of the shop')
  })
})

describe('a list item that leads into code stays with it', () => {
  it('keeps the last item of a long list, with its colon, on the slide of the code it introduces (networking)', () => {
    const note = [
      '# Routers',
      '',
      '## Reading the routing table',
      '',
      '- A **routing table** lists, for every destination network, the next hop a packet takes and the interface it leaves through. It is read from the most specific entry to the least.',
      '- Reading the table is the first step. To print it on the router, type:',
      '',
      '```',
      'show ip route',
      '```',
      '',
    ].join('\n')
    const slides = content(deckOf(note).slides)
    const [codeSlide] = slides.filter((s) => s.body.some((b) => b.type === 'code'))
    const lead = texts(codeSlide.body).find((t) => t.startsWith('Reading the table'))
    expect(lead).toBeDefined()
    expect(lead!.endsWith(':')).toBe(true)
    expect(showing(slides, 'Reading the table')).toEqual([codeSlide])
  })
})

describe('deep nesting keeps children under their parents', () => {
  const note = [
    '# Rome',
    '',
    '## The fall of the republic',
    '',
    '- Why did the republic fail?',
    '    - The senate lost control of the armies',
    '    - Generals paid their soldiers themselves',
    '    - Loyalty moved from the state to the general',
    '        - Soldiers followed whoever paid them',
    '        - The state could no longer stop a general with an army',
    '            - Recall the march of Sulla on the city:',
    '                - He was the first to lead legions into Rome',
    '                - The senate had no troops of its own to stop him',
    '                - Others learned that force could win office',
    '                - A precedent was set',
    '                    - Caesar crossed the Rubicon a generation later',
    '                - Therefore, the civil wars became a contest of armies',
    '                    - Office went to whoever held the legions',
    '',
  ].join('\n')

  it('gives the deepest argument a slide under its own parent as the subtitle (history)', () => {
    const slides = content(deckOf(note).slides)
    const under = (subtitle: string): SlidePlan[] => slides.filter((s) => s.body[0]?.type === 'heading' && runsText(s.body[0].runs).startsWith(subtitle))
    const deepest = under('Recall the march of Sulla')
    expect(deepest.length).toBeGreaterThan(0)
    expect(deepest.flatMap((s) => texts(s.body))).toEqual(expect.arrayContaining(['He was the first to lead legions into Rome', 'Caesar crossed the Rubicon a generation later']))
    // No slide shows the march under "Loyalty moved …" flattened as a sibling of its own parent.
    for (const slide of under('Why did the republic fail')) expect(texts(slide.body)).not.toContain('He was the first to lead legions into Rome')
  })

  it('does not make a connective ("Furthermore:") the parent of the points it introduces (law)', () => {
    const law = [
      '# Contracts',
      '',
      '## Formation',
      '',
      '- A contract needs more than a promise:',
      '    - There must be an offer and an acceptance',
      '        - The acceptance must mirror the offer',
      '    - Furthermore:',
      '        - Both sides must give something of value',
      '        - A gift is not enforceable as a contract',
      '',
    ].join('\n')
    const slides = content(deckOf(law).slides)
    const shown = slides.flatMap((s) => texts(s.body))
    expect(shown).not.toContain('Furthermore')
    expect(shown).toEqual(expect.arrayContaining(['Both sides must give something of value', 'A gift is not enforceable as a contract']))
    // Its notes keep the word.
    expect(slides.map((s) => s.notes).join('\n')).toContain('Furthermore')
  })
})

describe('a list too long for one slide leaves no bullet alone', () => {
  it('parts an item between its sub-bullets, the item repeated, rather than leave one bullet on a slide (ecology)', () => {
    const note = [
      '# Biomes',
      '',
      '## Tropical rainforest',
      '',
      '- **Climate**: Warm and wet all year, with rain falling on most afternoons in the wet season.',
      '- **Vegetation**:',
      '    - Tall trees form a closed canopy that keeps most of the light from reaching the ground below',
      '    - Climbing plants and epiphytes grow on the trunks and branches to reach the light above them',
      '- **Soil**: Thin and poor, because heavy rain washes the nutrients out quickly.',
      '',
    ].join('\n')
    const slides = content(deckOf(note).slides)
    expect(slides.length).toBe(2)
    for (const slide of slides) {
      const bullets = slide.body.filter((b) => b.type === 'bullets').flatMap((b) => (b.type === 'bullets' ? b.items : []))
      expect(bullets.length).toBeGreaterThan(1)
    }
    // Each sub-bullet is shown under its own item.
    const under = slides.flatMap((s) => s.body.flatMap((b) => (b.type === 'bullets' ? b.items : []))).filter((item) => runsText(item.runs).startsWith('Vegetation'))
    expect(under.flatMap((item) => item.children.map((c) => runsText(c.runs)))).toHaveLength(2)
  })

  it('keeps each item whole when the split between items leaves no bullet alone (economics)', () => {
    const note = [
      '# Markets',
      '',
      '## Market structures',
      '',
      '1. Perfect competition',
      '    - Many small firms sell the same product and none of them can set the price on its own',
      '    - Firms enter and leave freely, so profits above the normal level do not last for long',
      '2. Monopoly',
      '    - One firm supplies the whole market and chooses the price that earns it the most',
      '    - Barriers such as patents or control of a resource keep other firms out of the market',
      '3. Oligopoly',
      '    - A few large firms share the market and each one watches what the others do',
      '    - Prices tend to be stable because a cut by one firm is quickly matched by the rest',
      '',
    ].join('\n')
    const slides = content(deckOf(note).slides)
    const tops = slides.map((s) => s.body.flatMap((b) => (b.type === 'bullets' ? b.items.map((item) => runsText(item.runs)) : [])))
    // No item is shown on two slides.
    const all = tops.flat()
    expect(new Set(all).size).toBe(all.length)
  })
})

