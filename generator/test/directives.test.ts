import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { sentenceCoverage } from '../src/coverage.js'

describe("the speaker's choices in the note", () => {
  it('<!-- slide: break --> starts a new slide', () => {
    const deck = deckOf('# T\n\n## Part\n\n- one\n- two\n\n<!-- slide: break -->\n\n- three\n')
    const content = deck.slides.filter((s) => s.kind === 'content')
    expect(content.map((s) => [s.title, s.part])).toEqual([['Part', '1/2'], ['Part', '2/2']])
  })

  it('<!-- slide: skip --> keeps the next block off the slides but in the notes', () => {
    const text = '# T\n\n## Part\n\nShown sentence.\n\n<!-- slide: skip -->\n\nHidden from the room.\n'
    const deck = deckOf(text)
    const slide = deck.slides.find((s) => s.kind === 'content')
    expect(JSON.stringify(slide?.body)).not.toContain('Hidden')
    expect(slide?.notes).toContain('Hidden from the room.')
    expect(sentenceCoverage(text, deck.markdown).missing).toEqual([])
  })

  it('<!-- slide: layout two-cols --> lays the next slide out in two columns', () => {
    const deck = deckOf('# T\n\n## Part\n\n<!-- slide: layout two-cols -->\n\n- one\n- two\n- three\n- four\n')
    const slide = deck.slides.find((s) => s.layout === 'two-cols')
    expect(slide?.rightFrom).toBe(1)
    expect(deck.markdown).toContain('layout: two-cols')
    expect(deck.markdown).toMatch(/::left::\n\n- one\n- two\n\n::right::\n\n3\\\\?\. three|::left::\n\n- one\n- two\n\n::right::\n\n- three/)
    expect(deck.parsed.slides.length).toBe(deck.slides.length)
  })

  it('<!-- diagram: off --> turns diagram detection off for the rest of the section', () => {
    const chain = 'The CLI talks to the daemon, which hands work to containerd, which uses runc to start it.'
    const on = deckOf(`# T\n\n## A\n\n${chain}\n`)
    const off = deckOf(`# T\n\n## A\n\n<!-- diagram: off -->\n\n${chain}\n`)
    expect(on.slides.some((s) => s.kind === 'diagram')).toBe(true)
    expect(off.slides.some((s) => s.kind === 'diagram')).toBe(false)
  })

  it('keeps other comments out of the slides and in the notes', () => {
    const deck = deckOf('# T\n\n## A\n\nVisible.\n\n<!-- remember to demo this -->\n')
    expect(deck.markdown).not.toMatch(/^\\?<!-- remember/m)
    expect(deck.slides.find((s) => s.kind === 'content')?.notes).toContain('remember to demo this')
  })

  it('warns about an unknown directive with its line', () => {
    const deck = deckOf('# T\n\n## A\n\n<!-- slide: explode -->\n\nText.\n')
    expect(deck.file.messages[0]?.reason).toMatch(/unknown directive `slide: explode`/)
    expect(deck.file.messages[0]?.line).toBe(5)
  })

  it('skips the sections named in frontmatter `skip`, keeping their text in the notes', () => {
    const text = '---\nskip: [Appendix]\n---\n# T\n\n## Main\n\nMain text.\n\n## Appendix\n\nExtra material here.\n'
    const deck = deckOf(text)
    expect(deck.slides.some((s) => s.title.startsWith('Appendix'))).toBe(false)
    expect(deck.slides.find((s) => s.kind === 'agenda')).toBeUndefined()
    expect(sentenceCoverage(text, deck.markdown).missing).toEqual([])
  })

  it('uses a theme named in the frontmatter', () => {
    const deck = deckOf('---\ntheme: seriph\n---\n# T\n')
    expect(deck.markdown).toContain('theme: "seriph"')
    expect(deckOf('# T\n').markdown).toContain('theme: "../../themes/lectern"')
  })
})
