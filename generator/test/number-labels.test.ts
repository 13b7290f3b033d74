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

// Own words: a study guide for a law exam, folded question by question, with more questions after the folds.
const LAW = `**Contracts**

<details><summary>1. What makes an offer binding?</summary>

An offer binds once the other side accepts it before it lapses.
</details>
<details><summary>2. Can silence be acceptance?</summary>

</details>
1. What is consideration?
2. When is a contract void?

**Torts**

- What is negligence?
- Who owes a duty of care?
`

describe('folded questions (details) and what follows them', () => {
  it('makes the bold line over folds a part, and puts the list after the last fold under it, not under the last question', () => {
    const deck = deckOf(LAW)
    const holder = deck.slides.find((slide) => slide.body.some((block) => block.type === 'bullets' && block.items.some((item) => item.runs.some((run) => /consideration/.test(run.text)))))!
    expect(holder.title).toBe('Contracts')
    // The bold lines are the talk's parts; the folded questions are sections of the first.
    expect(deck.outline.sections.map((section) => section.title)).toEqual(['Contracts', 'Torts'])
    expect(deck.outline.sections[0].children.map((section) => section.title)).toEqual(['1. What makes an offer binding?', '2. Can silence be acceptance?', 'Contracts'])
  })
})
