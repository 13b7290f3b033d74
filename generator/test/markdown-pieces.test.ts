import { describe, expect, it } from 'vitest'
import type { Root } from 'mdast'
import { readMarkdown } from '../src/markdown.js'
import { cutAtHeadings, parseInPieces } from '../src/markdown-pieces.js'

/** Sections of a note about several subjects, long enough to be cut at every heading when pieces are tiny. */
const sections = [
  '## Photosynthesis\n\nLight reactions split water and release oxygen. The Calvin cycle fixes carbon.\n\n- Chlorophyll absorbs red and blue light\n- Stomata open to let carbon dioxide in',
  '## Supply and demand\n\nA price ceiling below the market price leads to a shortage.\n\n| Curve | Slope |\n| --- | --- |\n| Demand | Down |\n| Supply | Up |',
  '## The Congress of Vienna\n\n> The powers met in 1814 to redraw the map of Europe.\n\n1. Balance of power\n2. Legitimacy of old dynasties',
  '## Contracts\n\nAn offer, an acceptance and consideration make a contract.\n\n```text\noffer + acceptance = agreement\n```',
]
const body = sections.join('\n\n')

/** Blocks that go on past a blank line and a heading: the cut must not fall inside them. */
const cases: Array<[string, string]> = [
  ['plain sections', body],
  ['frontmatter with a comment line after a blank line', `---\ntitle: Notes\n\n# a YAML comment\nauthor: me\n---\n\n${body}`],
  ['a code fence left open over a heading', `${body}\n\n\`\`\`sh\nmake all\n\n# not a heading, still code\n\n${body}`],
  ['a fence whose inner line looks like a fence with a language', `${body}\n\n\`\`\`\n\`\`\`js\n\n# still code\n\`\`\`\n\n${body}`],
  ['a tilde fence closed by a longer fence', `${body}\n\n~~~\ncode\n\n# code\n~~~~\n\n${body}`],
  ['a formula block with a heading-like line', `${body}\n\n$$\nx = 1\n\n# still the formula\n$$\n\n${body}`],
  ['a formula block left open', `${body}\n\n$$\nx = 1\n\n# still the formula\n\n${body}`],
  ['an HTML comment over a blank line and a heading', `${body}\n\n<!-- a note to self\n\n# inside the comment\n-->\n\n${body}`],
  ['a script block over a heading', `${body}\n\n<script>\nlet a = 1\n\n# inside the script\n</script>\n\n${body}`],
  ['a processing instruction left open', `${body}\n\n<?php\n\n# inside\n\n${body}`],
  ['a closed HTML comment right before a heading', `${body}\n\n<!-- slide: break -->\n\n${body}`],
  ['a list item with an open fence before a heading', `${body}\n\n- step one\n\n  \`\`\`\n  code\n\n# Heading after the list\n\n${body}`],
  ['an indented code block before a heading', `${body}\n\n    indented code\n\n${body}`],
  ['a link reference defined far from its use', `${body}\n\nSee [the treaty][t].\n\n${body}\n\n[t]: https://example.org`],
  ['a footnote defined far from its call', `${body}\n\nA claim[^1].\n\n${body}\n\n[^1]: The source.`],
  ['Windows line endings', `${body}\n\n\`\`\`\ncode\n\n# code\n\`\`\`\n\n${body}`.replace(/\n/g, '\r\n')],
]

const parse = (text: string): Root => readMarkdown(text)

describe('parseInPieces', () => {
  it.each(cases)('gives the tree a whole parse gives, positions included: %s', (_, text) => {
    for (const size of [1, 40, 400]) expect(JSON.stringify(parseInPieces(text, parse, size))).toBe(JSON.stringify(parse(text)))
  })

  it('parses in pieces where it can (the cut falls at headings after a blank line)', () => {
    const seen: string[] = []
    parseInPieces(body, (text) => (seen.push(text), parse(text)), 40)
    expect(seen.length).toBe(sections.length)
    expect(seen.slice(1).every((piece) => piece.startsWith('## '))).toBe(true)
  })

  it('parses again with the rest of the text when a piece ends inside an open fence', () => {
    const seen: string[] = []
    const text = `${body}\n\n\`\`\`\nopen\n\n# code\n\n${body}`
    parseInPieces(text, (piece) => (seen.push(piece), parse(piece)), 40)
    expect(seen.some((piece) => piece.startsWith('```') || piece.includes('```\nopen\n\n# code'))).toBe(true)
    expect(seen[seen.length - 1].endsWith(sections[sections.length - 1])).toBe(true)
  })

  it('cuts only after a blank line, at a heading, outside fences', () => {
    const pieces = cutAtHeadings('intro\n# no blank before\n\n```\n\n# in code\n```\n\n# Cut here\ntext', 1)
    expect(pieces.map((piece) => piece.text.split('\n')[0])).toEqual(['intro', '# Cut here'])
    expect(pieces[1]).toMatchObject({ line: 8, offset: 'intro\n# no blank before\n\n```\n\n# in code\n```\n\n'.length })
  })
})
