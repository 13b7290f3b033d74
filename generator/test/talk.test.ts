import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { checkDeck } from '../src/deck-report.js'
import { measureBlocks } from '../src/plan/measure.js'
import { countWords } from '../src/text.js'

const notesDir = path.resolve(__dirname, '../../notes')
const exampleNotes = readdirSync(notesDir).filter((name) => name.endsWith('.md'))

const COMPARISON = `---
title: Machines
author: A. Speaker
date: 2026-03-01
---
# Machines

Two ways to share a computer.

## Virtual machines vs containers

### Virtual machines

- **Isolation**: strong; each guest has its own kernel.
- **Startup time**: tens of seconds, because an OS boots.
- **Resource usage**: heavy; every VM reserves memory.

### Containers

- **Isolation**: weaker; the kernel is shared.
- **Startup times**: under a second.
- **Resource usage**: light; only a process runs.

## Benefits

### Benefits of virtual machines

- Run any operating system.
- Hardware-enforced boundaries.

### Benefits of containers

- Start almost instantly.
- Much higher density.
`

describe('comparisons', () => {
  const deck = deckOf(COMPARISON)

  it('makes a table with aspects as rows and subjects as columns, matching aspects by their words', () => {
    const slide = deck.slides.find((s) => s.kind === 'comparison' && s.title === 'Virtual machines vs containers')
    const block = slide?.body[0]
    expect(block?.type).toBe('comparison')
    if (block?.type !== 'comparison') return
    expect(block.subjects).toEqual(['Virtual machines', 'Containers'])
    // Matched by lemmas ("Startup times" ≈ "Startup time"), not by synonym lists.
    expect(block.rows.map((row) => row.aspect)).toEqual(['Isolation', 'Startup time', 'Resource usage'])
    expect(block.rows[0].cells.map((cell) => cell.map((r) => r.text).join(''))).toEqual(['strong; each guest has its own kernel', 'weaker; the kernel is shared'])
  })

  it('makes no table from parallel "benefits of A / benefits of B" lists that share no aspect', () => {
    expect(deck.slides.some((s) => s.kind === 'comparison' && s.title.startsWith('Benefits'))).toBe(false)
    expect(deck.slides.some((s) => JSON.stringify(s.body).includes('Much higher density'))).toBe(true)
  })

  it('keeps the compared lists in the table slide’s notes and does not show them again', () => {
    const slide = deck.slides.find((s) => s.kind === 'comparison' && s.title === 'Virtual machines vs containers')
    expect(slide?.notes).toContain('Isolation: strong; each guest has its own kernel.')
    const shownAgain = deck.slides.filter((s) => s.kind === 'content' && s.title === 'Containers')
    expect(shownAgain).toEqual([])
  })

  it('makes no table when siblings share fewer than two aspects', () => {
    const none = deckOf('# T\n\n## A vs B\n\n### A\n\n- **Colour**: red\n- **Size**: big\n\n### B\n\n- **Taste**: sweet\n- **Size**: small\n')
    expect(none.slides.some((s) => s.kind === 'comparison')).toBe(false)
  })

  it('gives every note comparing VMs and containers a comparison table', () => {
    const text = readFileSync(path.join(notesDir, 'virtualization-vs-containers.md'), 'utf8')
    expect(deckOf(text).slides.filter((s) => s.kind === 'comparison').length).toBeGreaterThan(0)
  })
})

describe('definitions', () => {
  it('turns a run of **Term**: explanation bullets into a term/gist table', () => {
    const deck = deckOf('# T\n\n## Words\n\n- **Host**: the real machine that provides the resources to every guest.\n- **Guest**: an OS running inside a VM.\n- **Kernel**: the core of an OS.\n')
    const slide = deck.slides.find((s) => s.kind === 'definitions')
    const block = slide?.body[0]
    expect(block?.type === 'definitions' && block.items.map((i) => i.term[0].text)).toEqual(['Host', 'Guest', 'Kernel'])
    expect(slide?.notes).toContain('Host: the real machine that provides the resources to every guest.')
  })

  it('groups consecutive "Term: explanation" lines', () => {
    const deck = deckOf('# T\n\n## Words\n\nHost: the real machine.\n\nGuest: the virtual one.\n')
    expect(deck.slides.some((s) => s.kind === 'definitions')).toBe(true)
  })
})

describe('talk structure', () => {
  const deck = deckOf(COMPARISON)

  it('puts title, subtitle or first sentence, author and date on the cover', () => {
    const texts = deck.slides[0].body.map((b) => ('runs' in b ? b.runs.map((r) => r.text).join('') : ''))
    expect(texts).toEqual(['Machines', 'Two ways to share a computer.', 'A. Speaker · 2026-03-01'])
  })

  it('has an agenda of the top-level sections, then section slides, takeaways and an end', () => {
    const agenda = deck.slides.find((s) => s.kind === 'agenda')
    const block = agenda?.body[0]
    expect(block?.type === 'bullets' && block.items.map((i) => i.runs[0].text)).toEqual(['Virtual machines vs containers', 'Benefits'])
    expect(deck.slides.at(-2)?.kind).toBe('takeaways')
    expect(deck.slides.at(-1)?.kind).toBe('end')
  })

  it('starts every slide’s notes with a speaking time, and the cover’s with the whole talk’s', () => {
    for (const slide of deck.slides) expect(slide.notes).toMatch(/^(?:Whole talk: about .+\. )?Speaking time: about \d+ (?:s|min)/)
    expect(deck.slides[0].notes).toMatch(/^Whole talk: about/)
  })
})

describe('density budget', () => {
  it.each(exampleNotes)('keeps every slide of notes/%s within 60 words and 7 lines', (name) => {
    const deck = deckOf(readFileSync(path.join(notesDir, name), 'utf8'))
    for (const slide of deck.slides) {
      const size = measureBlocks(slide.body)
      const words = size.words + (slide.body[0]?.type === 'heading' ? 0 : countWords(slide.title))
      expect(words, slide.title).toBeLessThanOrEqual(60)
      expect(size.lines, slide.title).toBeLessThanOrEqual(7)
    }
  })

  it('follows a budget set in the note’s frontmatter', () => {
    const items = Array.from({ length: 8 }, (_, i) => `- point ${i}`).join('\n')
    const tight = deckOf(`---\nbudget: { words: 30, lines: 3 }\n---\n# T\n\n## L\n\n${items}\n`)
    const content = tight.slides.filter((s) => s.kind === 'content' && s.title.startsWith('L'))
    expect(content.length).toBe(3)
    expect(tight.markdown).toContain('budget: { words: 30, lines: 3 }')
  })

  it('warns about a budget that is not numbers', () => {
    const deck = deckOf('---\nbudget: lots\n---\n# T\n')
    expect(deck.file.messages.map((m) => m.reason).join()).toMatch(/budget/)
  })
})

describe('checkDeck', () => {
  it('passes the example decks: all sentences present, no crowded slide', () => {
    for (const name of exampleNotes) {
      const text = readFileSync(path.join(notesDir, name), 'utf8')
      const report = checkDeck(deckOf(text).markdown, text, name)
      expect(report.problems).toEqual([])
      expect(report.sentences.share).toBe(1)
      expect(report.busiest.words).toBeLessThanOrEqual(60)
    }
  })

  it('names the slide and its source lines when text is lost or a slide is crowded', () => {
    const text = '# T\n\n## Part\n\nOne sentence here. Another sentence there.\n'
    const markdown = deckOf(text).markdown.replace('Another sentence there.', 'Something else.')
    const crowded = markdown.replace('# Part\n', `# Part\n\n${'word '.repeat(80)}\n`)
    const report = checkDeck(crowded, text, 'decks/t')
    expect(report.sentences.missing).toEqual(['Another sentence there.'])
    expect(report.problems.join('\n')).toMatch(/slide \d+ "Part" \(notes\/test\.md:\d+-\d+\): shows \d+ words, over the budget of 60/)
  })
})
