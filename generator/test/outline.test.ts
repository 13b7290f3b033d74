import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseNote } from '../src/parse.js'
import { outlineSections, titleOfFileName } from '../src/outline.js'

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
    ['just a paragraph', 'Sample note', 'filename'],
    // Several sections at the top level: none of them is the title, the file name is.
    ['## First law\n\na\n\n## Second law\n\nb', 'Sample note', 'filename'],
    ['### Lone third level\n\n#### A\n\nx\n\n#### B\n\ny', 'Lone third level', 'heading'],
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

  it('makes a lone top heading of any level the title, and the headings under it the sections', () => {
    const { outline: result } = outline('<!-- draft -->\n\n## Contract law\n\n### Offer\n\na\n\n### Acceptance\n\nb\n')
    expect(result.title).toBe('Contract law')
    expect(result.sections.map((s) => s.title)).toEqual(['Offer', 'Acceptance'])
    // Not when text comes first, or the frontmatter names the title: then it is a section.
    expect(outline('Intro text.\n\n## Contract law\n\n### Offer\n\na\n').outline.sections.map((s) => s.title)).toEqual(['Contract law'])
    expect(outline('---\ntitle: Torts\n---\n## Duty\n\n### Breach\n\na\n').outline.sections.map((s) => s.title)).toEqual(['Duty'])
  })

  it('takes the title from the file name without its number and a first word that repeats a #tag', () => {
    const { outline: result } = outline('#botany #exam\n\n## Roots\n\na\n\n## Leaves\n\nb\n', 'notes/07_botany-leaf-anatomy.md')
    expect(result.title).toBe('Leaf anatomy')
    expect(result.titleFrom).toBe('filename')
  })

  it.each([
    ['48_os-cpu-scheduling', [], 'Os cpu scheduling'],
    ['03 - Roman law', [], 'Roman law'],
    ['2024', [], '2024'],
    ['psych-sleep', ['psych133'], 'Sleep'],
    ['history', ['history'], 'History'],
    ['ec-policy', ['economics'], 'Ec policy'],
    ['Cell Injury', ['cell'], 'Cell Injury'],
    ['thermo_notes', [], 'Thermo notes'],
  ])('titleOfFileName(%j, %j) is %j', (stem, tags, title) => {
    expect(titleOfFileName(stem, tags)).toBe(title)
  })

  it('makes every # heading a section when there are several', () => {
    const { outline: result } = outline('# A\n\nx\n\n# B\n\ny\n')
    expect(result.title).toBe('Sample note')
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
