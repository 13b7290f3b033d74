import { describe, expect, it } from 'vitest'
import { parseSync } from '@slidev/parser'
import { findComparison } from '../src/plan/compare.js'
import { outlineOf } from './structure-helpers.js'
import { deckOf } from './helpers.js'

const text = (runs: Array<{ text: string }>): string => runs.map((run) => run.text).join('')

/** Seven sibling sections (kinds of rock), each with the same labelled lines, and a closing section. */
const ROCKS = [
  '# Rocks',
  '',
  'Geologists sort rocks by how they formed.',
  '',
  ...[
    ['Granite Rock', 'Cools slowly deep under the crust', 'Kitchen worktops and old bridges'],
    ['Basalt Rock', 'Cools fast from lava at the surface', 'Road gravel and paving'],
    ['Sandstone Rock', 'Grains of sand pressed together', 'Building blocks that are easy to cut'],
    ['Limestone Rock', 'Shells and skeletons of sea animals', 'Cement and lime for farms'],
    ['Marble Rock', 'Limestone changed by heat and pressure', 'Statues and floors'],
    ['Slate Rock', 'Shale pressed into thin flat layers', 'Roof tiles and blackboards'],
    ['Shale Rock', 'Mud laid down in calm water', 'Bricks and pottery clay'],
  ].flatMap(([name, origin, use], i) => [
    `## ${i + 1}. ${name}`,
    '',
    `- **Origin**: ${origin}.`,
    '- **Texture**:',
    '    - Grain size varies with the place it formed.',
    `- **Typical use**: ${use}.`,
    '',
  ]),
  '## Summary',
  '',
  'Each kind of rock tells how its place was made.',
  '',
].join('\n')

describe('summary table for many siblings with the same labelled lines', () => {
  it('gives a row per sibling and a column per aspect that every sibling states on its own line', () => {
    const outline = outlineOf(ROCKS)
    const whole = { depth: 0, title: outline.title, blocks: [], children: outline.sections, lines: { start: 1, end: 1 }, headingLine: 1 }
    const found = findComparison(whole)
    expect(found?.summary).toBe(true)
    expect(found!.block.subjects).toEqual(['Origin', 'Typical use'])
    // The word all row names share names the row column; the rows keep what tells them apart.
    expect(found!.block.corner).toBe('Rock')
    expect(found!.block.rows.map((row) => row.aspect)).toEqual(['Granite', 'Basalt', 'Sandstone', 'Limestone', 'Marble', 'Slate', 'Shale'])
    expect(found!.block.rows[2].cells.map(text)).toEqual(['Grains of sand pressed together', 'Building blocks that are easy to cut'])
    // The siblings keep their own slides: nothing is taken from them.
    expect(found!.consumed.size).toBe(0)
  })

  it('shows the table after the last sibling and keeps every sibling slide', () => {
    const { markdown } = deckOf(ROCKS)
    const slides = parseSync(markdown, 'slides.md').slides.map((slide) => slide.content)
    const tables = slides.map((content, i) => (/\| Rock \|/.test(content) ? i : -1)).filter((i) => i >= 0)
    expect(tables.length).toBeGreaterThanOrEqual(1)
    const lastRock = slides.map((content, i) => (/^# 7\\?\. Shale/m.test(content) ? i : -1)).filter((i) => i >= 0).pop()!
    expect(tables[0]).toBeGreaterThan(lastRock)
    // Every sibling's own slide still shows its texture sub-item and its use.
    expect(slides.filter((content) => content.includes('Grain size varies')).length).toBe(7)
    // Every table part repeats the header row.
    for (const i of tables) expect(slides[i]).toMatch(/\| Rock \| Origin \| Typical use \||\| Rock \| Typical use \||\| Rock \| Origin \|/)
  })

  it('shows the summary after the siblings when they are subsections of one section', () => {
    // One level deeper: "# Rocks" is the title, "## Kinds" the section, "### …" the siblings.
    const nested = ROCKS.replace(/^## /gm, '### ').replace('Geologists sort rocks by how they formed.', '## Kinds\n\nGeologists sort rocks by how they formed.')
    const { markdown } = deckOf(nested)
    const slides = parseSync(markdown, 'slides.md').slides.map((slide) => slide.content)
    const table = slides.findIndex((content) => /\| Rock \|/.test(content))
    const lastRock = slides.map((content, i) => (/^# 7\\?\. Shale/m.test(content) ? i : -1)).filter((i) => i >= 0).pop()!
    expect(table).toBeGreaterThan(lastRock)
    expect(slides.filter((content) => content.includes('Grain size varies')).length).toBe(7)
  })

  it.each([
    ['five siblings or fewer make the usual table instead', 5],
    ['more than twelve siblings are a catalogue, not a summary', 13],
  ])('%s', (_, count) => {
    const note = ['# Things', '', ...Array.from({ length: count }, (_, i) => [`## Item ${String.fromCharCode(65 + i)}`, '', `- **Colour**: shade ${i} of grey.`, `- **Weight**: about ${i + 2} grams.`, '']).flat()].join('\n')
    const outline = outlineOf(note)
    const found = findComparison({ depth: 0, title: 'Things', blocks: [], children: outline.sections, lines: { start: 1, end: 1 }, headingLine: 1 })
    expect(found?.summary).toBeUndefined()
  })
})
