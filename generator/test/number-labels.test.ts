import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'

/** Every bullet text the content slides show. */
function bullets(note: string): string[] {
  const texts: string[] = []
  const walk = (items: Array<{ runs: Array<{ text: string }>; children: unknown[] }>): void => {
    for (const item of items) {
      texts.push(item.runs.map((run) => run.text).join(''))
      walk(item.children as typeof items)
    }
  }
  for (const slide of deckOf(note).slides) for (const block of slide.body) if (block.type === 'bullets') walk(block.items as never)
  return texts
}

// Own words: an outline that follows a textbook's chapters on plate tectonics.
const OUTLINE = `- Textbook notes
	- 4
		- Plates float on the softer mantle below them.
		- Ridges form where two plates move apart.
	- 6.2
- Field trip
	- We saw folded rock layers in the quarry wall.
	- The guide dated them by the fossils they hold.
`

describe('chapter numbers as list items', () => {
  it('shows no bare chapter number, and keeps its points and the number', () => {
    const deck = deckOf(OUTLINE)
    const shown = bullets(OUTLINE)
    expect(shown).not.toContain('4')
    expect(shown.some((text) => /^6\\?\.2$/.test(text))).toBe(false)
    expect(shown).toContain('Plates float on the softer mantle below them')
    const notes = deck.slides.map((slide) => slide.notes).join('\n')
    expect(notes).toMatch(/\b4\b/)
    expect(notes).toContain('6.2')
  })

  it('keeps a list of plain values', () => {
    const note = `# Rainfall\n\n## Monthly totals\n\nThe gauge recorded these totals in millimetres:\n\n- 12\n- 40\n- 7\n`
    expect(bullets(note)).toEqual(expect.arrayContaining(['12', '40', '7']))
  })
})
