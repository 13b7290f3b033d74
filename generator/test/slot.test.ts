import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { sentenceCoverage } from '../src/coverage.js'
import { fitSlot } from '../src/plan/slot.js'
import type { SlidePlan } from '../src/types.js'
import { deckOf } from './helpers.js'

const bin = path.resolve(__dirname, '../bin/lectern.js')

/** Sentences in our own words on several subjects; a long note is built from them. */
const TOPICS: Array<[string, string[]]> = [
  ['River deltas', ['A delta forms where a river drops its silt into calmer water.', 'The channel splits again and again as the silt piles up.', 'Farmers value the soil because each flood leaves fresh minerals.', 'Storms can push salt water far inland across the flat land.', 'Engineers build levees, which keep floods out but starve the marshes of silt.']],
  ['Medieval fairs', ['Merchants met at seasonal fairs to settle debts and trade cloth.', 'Local lords protected the roads in return for a share of the tolls.', 'Money changers weighed coins from many mints on small scales.', 'Written bills let a trader carry credit instead of silver.', 'The fairs faded once towns kept permanent markets all year.']],
  ['Cell membranes', ['A membrane is a double layer of fatty molecules.', 'Proteins sit in the layer and let chosen molecules pass.', 'Water crosses slowly unless special channels are present.', 'Cells spend energy to pump some ions against their gradient.', 'Damage to the membrane lets the contents of the cell leak out.']],
  ['Contract formation', ['A contract needs an offer, an acceptance and something of value on each side.', 'An offer can be withdrawn until the other party accepts it.', 'Silence is usually not taken as acceptance.', 'Courts read unclear terms against the party who wrote them.', 'Some contracts must be in writing to be enforced.']],
  ['Volcanic soils', ['Ash from eruptions weathers into very fertile ground.', 'Villages often return to the slopes soon after an eruption.', 'Young ash can be loose and wash away in heavy rain.', 'Coffee and grapes grow well on these slopes.', 'Scientists watch gas levels to warn the villages in time.']],
  ['Price controls', ['A price ceiling set below the market price creates a shortage.', 'Queues and black markets appear when goods are rationed by waiting.', 'A price floor above the market price leaves a surplus unsold.', 'Governments sometimes buy the surplus to support farmers.', 'Most economists prefer direct payments to fixed prices.']],
  ['Star formation', ['Stars form inside cold clouds of gas and dust.', 'Gravity pulls a dense clump together until its core heats up.', 'Fusion begins once the core is hot enough.', 'Radiation from a young star blows away the remaining gas.', 'Many stars are born in clusters that drift apart over time.']],
  ['Printing press', ['Movable type made books much cheaper to produce.', 'Printers spread across the continent within a few decades.', 'Pamphlets carried arguments to readers far from any university.', 'Spelling became more uniform as printed books multiplied.', 'Rulers soon tried to license printers and ban some titles.']],
]

/** A long note: every topic three times over, with three paragraphs per section and some bold terms. */
function longNote(frontmatter = ''): string {
  const parts = [frontmatter, '# A long lecture', '', 'This lecture covers many unrelated topics, one after another.', '']
  for (const round of ['', ' again', ' once more']) {
    for (const [title, sentences] of TOPICS) {
      parts.push(`## ${title}${round}`, '')
      for (let p = 0; p < 3; p++) parts.push(sentences.map((s, i) => (i === p ? s.replace(/^(\w+)/, '**$1**') : s)).join(' '), '')
    }
  }
  parts.push('## Summary', '', 'Each topic shows how a small cause can have a large effect.', '')
  return parts.join('\n')
}

const presented = (slides: SlidePlan[]): SlidePlan[] => slides.slice(0, slides.findIndex((slide) => slide.kind === 'end') + 1)
const seconds = (slides: SlidePlan[]): number => slides.reduce((sum, slide) => sum + (slide.seconds ?? 0), 0)

describe('talks that fit a slot', () => {
  it('gives a whole talk longer than 20 minutes without a slot', () => {
    const deck = deckOf(longNote())
    expect(seconds(deck.slides)).toBeGreaterThan(20 * 60)
    expect(deck.slides.some((slide) => slide.title === 'Backup')).toBe(false)
  })

  it.each([[10], [15], [6]])('plans a %i-minute talk within ±10 percent and moves the rest to a Backup after the end slide', (minutes) => {
    const deck = deckOf(longNote(`---\nminutes: ${minutes}\n---`))
    const shown = presented(deck.slides)
    expect(seconds(shown)).toBeGreaterThanOrEqual(minutes * 60 * 0.9)
    expect(seconds(shown)).toBeLessThanOrEqual(minutes * 60 * 1.1)
    const end = deck.slides.findIndex((slide) => slide.kind === 'end')
    expect(deck.slides[end + 1]).toMatchObject({ kind: 'section', title: 'Backup' })
    expect(deck.slides.length).toBeGreaterThan(end + 2)
  })

  it('keeps every sentence of the note in the deck, the summary in the talk, and says on the cover what moved', () => {
    const text = longNote('---\nminutes: 10\n---')
    const deck = deckOf(text)
    expect(sentenceCoverage(text, deck.markdown).missing).toEqual([])
    const shown = presented(deck.slides)
    // A part opens at its divider, or (too short for one) at its first slide.
    const partTitle = (slide: (typeof deck.slides)[number]): string | undefined => (slide.kind === 'section' ? slide.title : slide.opens)
    // The note's recap is in the talk: as a part, or (shown whole there) as the takeaways.
    expect(shown.some((slide) => partTitle(slide) === 'Summary' || (slide.kind === 'takeaways' && slide.title.startsWith('Summary')))).toBe(true)
    const backup = deck.slides.slice(shown.length + 1).map(partTitle).filter((title): title is string => Boolean(title))
    expect(backup.length).toBeGreaterThan(0)
    for (const title of backup) expect(deck.slides[0].notes).toContain(title)
    expect(deck.slides[0].notes).toMatch(/^Timed for 10 minutes/)
  })

  it('keeps whole sections: a section shown in the talk is not also in the Backup', () => {
    const deck = deckOf(longNote('---\nminutes: 10\n---'))
    const shown = presented(deck.slides)
    const partTitle = (slide: (typeof deck.slides)[number]): string | undefined => (slide.kind === 'section' ? slide.title : slide.opens)
    const shownTitles = new Set(shown.map(partTitle).filter(Boolean))
    const backupTitles = deck.slides.slice(shown.length).map(partTitle).filter((title): title is string => Boolean(title) && title !== 'Backup')
    expect(backupTitles.filter((title) => shownTitles.has(title))).toEqual([])
    // The agenda lists only the presented parts.
    const agenda = JSON.stringify(deck.slides.filter((slide) => slide.kind === 'agenda').map((slide) => slide.body))
    for (const title of backupTitles) expect(agenda).not.toContain(`"${title}"`)
  })

  it('fits a note without sections by presenting its beginning', () => {
    const paragraphs = [1, 2, 3].flatMap(() => TOPICS.map(([, sentences]) => sentences.join(' ')))
    const deck = deckOf(`---\nminutes: 5\n---\n${paragraphs.join('\n\n')}\n`)
    const shown = presented(deck.slides)
    expect(seconds(shown)).toBeGreaterThanOrEqual(5 * 60 * 0.9)
    expect(seconds(shown)).toBeLessThanOrEqual(5 * 60 * 1.1)
    expect(deck.slides.some((slide) => slide.title === 'Backup')).toBe(true)
  })

  it('leaves a talk that already fits alone', () => {
    const slides = deckOf('# T\n\n## A\n\nShort.\n').slides
    expect(fitSlot(slides, 10)).toBe(slides)
  })

  it('warns about a frontmatter minutes that is not a positive number and presents the whole note', () => {
    const deck = deckOf(longNote('---\nminutes: soon\n---'))
    expect(deck.file.messages.map((message) => message.reason).join('\n')).toContain('`minutes` must be a positive number')
    expect(deck.slides.some((slide) => slide.title === 'Backup')).toBe(false)
  })

  it('builds a 10-minute talk with the real CLI (`lectern build --minutes 10`)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-slot-'))
    writeFileSync(path.join(dir, 'lecture.md'), longNote())
    const run = spawnSync(process.execPath, [bin, 'build', 'lecture.md', '--minutes', '10', '--out', 'decks'], { cwd: dir, encoding: 'utf8' })
    expect(run.status).toBe(0)
    const markdown = readFileSync(path.join(dir, 'decks', 'lecture', 'slides.md'), 'utf8')
    const notes = /<!--\n([\s\S]*?)\n-->/.exec(markdown)?.[1] ?? ''
    expect(notes).toMatch(/^Timed for 10 minutes: about (9|10|11) min are presented/)
    expect(markdown).toMatch(/\n# Backup\n|title: Backup|Backup/)
    const bad = spawnSync(process.execPath, [bin, 'build', 'lecture.md', '--minutes', 'zero', '--out', 'decks'], { cwd: dir, encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('--minutes must be a positive number')
  })
})
