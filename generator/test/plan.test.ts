import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { sentenceCoverage } from '../src/coverage.js'

const notesDir = path.resolve(__dirname, '../../notes')
const exampleNotes = readdirSync(notesDir).filter((name) => name.endsWith('.md'))

function visibleBullets(slide: ReturnType<typeof deckOf>['slides'][number]): number {
  let count = 0
  for (const block of slide.body) {
    if (block.type === 'bullets') for (const item of block.items) count += 1 + item.children.length
    else if (block.type === 'paragraph' || block.type === 'quote') count += 1
  }
  return count
}

describe('talk structure', () => {
  const deck = deckOf('---\ntitle: My talk\n---\n# My talk\n\nIntro.\n\n## First\n\nA.\n\n## Second\n\nB.\n')

  it('starts with a cover and ends with an end slide', () => {
    expect(deck.slides[0].kind).toBe('cover')
    expect(deck.slides[0].title).toBe('My talk')
    expect(deck.slides.at(-1)?.kind).toBe('end')
  })

  it('opens each part of one or two slides with its first slide, not a divider', () => {
    expect(deck.slides.filter((s) => s.kind === 'section')).toEqual([])
    expect(deck.slides.filter((s) => s.opens).map((s) => [s.opens, s.title])).toEqual([['First', 'First'], ['Second', 'Second']])
    // The part's title is still said: in the notes of the slide that opens it.
    expect(deck.slides.find((s) => s.opens === 'Second')?.notes).toMatch(/\n\nSecond\n/)
  })

  it('gives a part of three slides or more a divider, numbered among all parts', () => {
    const long = Array.from({ length: 3 }, (_, i) => `### Step ${i + 1}\n\nThe harvest was stored in the barn number ${i + 1} before winter came.`).join('\n\n')
    const talk = deckOf(`# Farming\n\n## Sowing\n\nSeeds go in early.\n\n## Harvest\n\n${long}\n`)
    expect(talk.slides.filter((s) => s.kind === 'section').map((s) => [s.title, s.kicker])).toEqual([['Harvest', 'Part 2 of 2']])
    expect(talk.slides.find((s) => s.opens)?.opens).toBe('Sowing')
  })
})

describe('a list item that is only an image', () => {
  const note = '# Maps\n\n## Rivers\n\n- The Nile runs north.\n- ![delta](delta.png)\n- The Amazon carries the most water.\n'

  it('shows no empty bullet, and says where the missing image is', () => {
    const deck = deckOf(note)
    const items = deck.slides.filter((s) => s.kind === 'content').flatMap((s) => s.body).flatMap((b) => (b.type === 'bullets' ? b.items : []))
    expect(items.map((item) => item.runs.map((run) => run.text).join(''))).toEqual(['The Nile runs north', 'The Amazon carries the most water'])
    expect(deck.file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)).toEqual([expect.stringMatching(/^6:3 image `delta\.png` is not shown/)])
  })

  it('shows the image when it resolves', () => {
    const deck = deckOf(note, { resolveImage: () => ({ status: 'ok', deckPath: 'assets/delta.png' }) })
    expect(deck.slides.flatMap((s) => s.body).filter((b) => b.type === 'image').map((b) => (b.type === 'image' ? b.src : ''))).toEqual(['assets/delta.png'])
  })
})

describe('a section of navigation only', () => {
  it('is no part of the talk: no agenda entry, no divider, its text in the notes', () => {
    const body = (title: string) => `## ${title}\n\n${Array.from({ length: 4 }, (_, i) => `The ${title.toLowerCase()} court heard case number ${i + 1} in the spring term of that year.`).join('\n\n')}`
    const deck = deckOf(`# Courts\n\n## Contents\n\n* [Trial](#trial)\n* [Appeal](#appeal)\n\n${body('Trial')}\n\n${body('Appeal')}\n`)
    const agenda = deck.slides.find((s) => s.kind === 'agenda')
    expect(JSON.stringify(agenda?.body)).not.toContain('Contents')
    expect(deck.slides.some((s) => s.title === 'Contents')).toBe(false)
    expect(deck.slides.map((s) => (s.kind === 'section' ? s.title : s.opens)).filter(Boolean)).toEqual(['Trial', 'Appeal'])
    expect(deck.slides.map((s) => s.notes).join('\n')).toContain('Contents')
  })
})

describe('content slides', () => {
  it('never carry more than 6 bullets; long lists continue on slides marked 2/3, 3/3', () => {
    const items = Array.from({ length: 15 }, (_, i) => `- item number ${i + 1}`).join('\n')
    const deck = deckOf(`# T\n\n## Long list\n\n${items}\n`)
    const content = deck.slides.filter((s) => s.kind === 'content')
    expect(content.length).toBe(3)
    for (const slide of content) expect(visibleBullets(slide)).toBeLessThanOrEqual(6)
    expect(content.map((s) => [s.title, s.part])).toEqual([['Long list', '1/3'], ['Long list', '2/3'], ['Long list', '3/3']])
  })

  it('counts nested bullets against the budget', () => {
    const nested = Array.from({ length: 4 }, (_, i) => `- parent ${i}\n  - child a\n  - child b`).join('\n')
    const deck = deckOf(`# T\n\n## Nested\n\n${nested}\n`)
    for (const slide of deck.slides.filter((s) => s.kind === 'content')) expect(visibleBullets(slide)).toBeLessThanOrEqual(6)
  })

  it('puts code and tables on slides of their own', () => {
    const deck = deckOf('# T\n\n## Mixed\n\nThe shell lists running containers. Each line shows one container with its name and its state.\n\n```sh\ndocker ps\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nMore text.\n')
    const kinds = deck.slides.map((s) => s.kind)
    // The opening line shares the slide of the short code after it; the short line after the
    // table trails it on its slide (see pack.ts, hasRoom).
    expect(kinds).toEqual(['cover', 'section', 'code', 'table', 'takeaways', 'end'])
    expect(deck.slides[2].body.map((b) => b.type)).toEqual(['bullets', 'code'])
    expect(deck.slides[2].body[1]).toEqual({ type: 'code', lang: 'sh', value: 'docker ps' })
    expect(deck.slides[3].body.map((b) => b.type)).toEqual(['table', 'bullets'])
  })

  it('splits a long table into parts that repeat the header', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `| r${i} | v${i} |`).join('\n')
    const deck = deckOf(`# T\n\n## Big table\n\n| name | value |\n|---|---|\n${rows}\n`)
    const tables = deck.slides.filter((s) => s.kind === 'table')
    // The header plus at most 6 rows is the 7-line budget.
    expect(tables.length).toBe(4)
    let shownRows = 0
    for (const slide of tables) {
      const block = slide.body[0]
      expect(block.type === 'table' && block.header.map((c) => c[0].text)).toEqual(['name', 'value'])
      if (block.type === 'table') {
        expect(block.rows.length).toBeLessThanOrEqual(6)
        shownRows += block.rows.length
      }
    }
    expect(shownRows).toBe(20)
    expect(tables.map((s) => [s.title, s.part])).toEqual([['Big table', '1/4'], ['Big table', '2/4'], ['Big table', '3/4'], ['Big table', '4/4']])
  })

  it('leaves a missing image off the slides, with its alt text and path in the notes and a warning with the line', () => {
    const deck = deckOf('# T\n\n## Pic\n\nSome text first.\n\n![A diagram](img/missing.png)\n')
    expect(deck.slides.some((s) => s.kind === 'image' || s.body.some((b) => b.type === 'missing-image'))).toBe(false)
    const slide = deck.slides.find((s) => s.notes.includes('img/missing.png'))
    expect(slide?.notes).toContain('A diagram')
    expect(slide?.body.length).toBeGreaterThan(0)
    expect(deck.file.messages[0].line).toBe(7)
  })

  it('records the note lines each slide came from', () => {
    const deck = deckOf('# T\n\n## Part\n\nline five\n\n- line seven\n')
    const content = deck.slides.find((s) => s.kind === 'content')
    expect(content?.lines).toEqual({ start: 5, end: 7 })
  })
})

describe('nothing is lost', () => {
  it('keeps every sentence of a paragraph in the speaker notes', () => {
    const paragraph = 'First sentence is here. Second sentence adds detail. Third sentence wraps up the idea nicely.'
    const deck = deckOf(`# T\n\n## P\n\n${paragraph}\n`)
    // A short paragraph shares the slide of the diagram drawn from it; the notes keep it whole, once.
    const slide = deck.slides.find((s) => s.notes.includes(paragraph))
    expect(slide?.notes.split(paragraph)).toHaveLength(2)
  })

  it('gives every slide speaker notes', () => {
    const deck = deckOf(readFileSync(path.join(notesDir, exampleNotes[0]), 'utf8'))
    for (const slide of deck.parsed.slides) expect(slide.note?.trim()).toBeTruthy()
  })

  it.each(exampleNotes)('keeps every sentence of notes/%s in the deck', (name) => {
    const text = readFileSync(path.join(notesDir, name), 'utf8')
    const coverage = sentenceCoverage(text, deckOf(text).markdown)
    expect(coverage.missing).toEqual([])
    expect(coverage.total).toBeGreaterThan(50)
  })

  it('keeps the text of headings that have no content of their own', () => {
    const deck = deckOf('# T\n\n## Outer\n\n### Empty heading\n\n#### Inner\n\nBody text.\n')
    expect(sentenceCoverage('# T\n\n## Outer\n\n### Empty heading\n\n#### Inner\n\nBody text.\n', deck.markdown).missing).toEqual([])
  })
})
