import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseNote } from '../src/parse.js'
import { outlineSections } from '../src/outline.js'

function outline(text: string, path = 'notes/sample-note.md') {
  const file = new VFile({ path, value: text })
  const { tree, meta } = parseNote(file)
  return { outline: outlineSections(tree, meta, file), file }
}

describe('the note title', () => {
  it.each([
    ['---\ntitle: From YAML\n---\n# Heading\ntext', 'From YAML', 'frontmatter'],
    ['# Only heading\n\n## A\n\ntext', 'Only heading', 'heading'],
    ['## Second level first\n\ntext', 'Second level first', 'heading'],
    ['just a paragraph', 'sample-note', 'filename'],
  ])('comes from frontmatter, else the first heading, else the file name (%#)', (text, title, from) => {
    const { outline: result } = outline(text)
    expect(result.title).toBe(title)
    expect(result.titleFrom).toBe(from)
  })
})

describe('sections', () => {
  it('treats a single top # heading as the title and its ## headings as the sections', () => {
    const { outline: result } = outline('# Talk\n\nintro\n\n## One\n\na\n\n## Two\n\nb\n')
    expect(result.sections.map((s) => s.title)).toEqual(['One', 'Two'])
    expect(result.preamble).toHaveLength(1)
  })

  it('nests a skipped level under the nearest heading above', () => {
    const { outline: result } = outline('# T\n\n## Images\n\ntext\n\n#### Caching\n\nmore\n\n## Next\n')
    const [images, next] = result.sections
    expect(images.children.map((s) => s.title)).toEqual(['Caching'])
    expect(images.children[0].depth).toBe(4)
    expect(next.title).toBe('Next')
  })

  it('keeps each section’s source lines, from its heading to its last block', () => {
    const { outline: result } = outline('# T\n\n## A\n\nline five\n\n### B\n\nline nine\n\n## C\n')
    expect(result.sections[0].lines).toEqual({ start: 3, end: 9 })
    expect(result.sections[0].children[0].lines).toEqual({ start: 7, end: 9 })
    expect(result.sections[1].lines).toEqual({ start: 11, end: 11 })
  })

  it('makes every # heading a section when there are several', () => {
    const { outline: result } = outline('# A\n\nx\n\n# B\n\ny\n')
    expect(result.title).toBe('A')
    expect(result.sections.map((s) => s.title)).toEqual(['A', 'B'])
  })
})

describe('frontmatter', () => {
  it('warns with file:line on YAML that does not parse, and still outlines the note', () => {
    const { outline: result, file } = outline('---\ntitle: [unclosed\n---\n# Heading\n')
    expect(result.title).toBe('Heading')
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0].line).toBeGreaterThanOrEqual(2)
    expect(file.messages[0].reason).toMatch(/not valid YAML/)
  })

  it('reads title, subtitle, author and date', () => {
    const { outline: result } = outline('---\ntitle: T\nsubtitle: S\nauthor: A\ndate: 2026-01-02\n---\ntext')
    expect(result.meta).toMatchObject({ title: 'T', subtitle: 'S', author: 'A', date: '2026-01-02' })
  })
})
