import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { codeLanguage } from '../src/emit/index.js'
import { escapeInline, escapeLineStart, escapeNotes, plainTitle, yamlString } from '../src/emit/escape.js'
import { parse as parseYaml } from 'yaml'

const hostile = `---
title: "A --- B {{ 6 * 7 }}"
---
# Hostile

## Text that looks like code

Mustache {{ 6 * 7 }} and {{ $slidev.constructor.constructor('alert(1)')() }} stay text.

<script>alert(1)</script> and <img src=x onerror=alert(1)> are shown, not run.

Comment markers --> and <!-- appear in prose.

---

::right::

<<< /etc/hostname

- a bullet with {{ x }} and $math$
- [a link](javascript:alert(1)) and [a good one](https://example.com)

\`\`\`js {monaco-run}
console.log('not run')
\`\`\`

\`\`\`plantuml
@startuml
@enduml
\`\`\`
`

describe('the emitted deck', () => {
  const deck = deckOf(hostile)

  it('parses back with Slidev’s parser into the planned slides', () => {
    expect(deck.parsed.slides.length).toBe(deck.slides.length)
    deck.slides.forEach((slide, index) => {
      expect(deck.parsed.slides[index].frontmatter.layout).toBe(slide.layout)
    })
  })

  it('keeps each slide’s notes as the final HTML comment, with the planned text', () => {
    deck.slides.forEach((slide, index) => {
      const note = deck.parsed.slides[index].note ?? ''
      const unescaped = note.replace(/--&gt;/g, '-->').replace(/&lt;/g, '<')
      expect(unescaped).toBe(slide.notes.trim())
    })
  })

  it('keeps the title with --- and mustache intact, and inert, in the headmatter', () => {
    const title = deck.parsed.slides[0].frontmatter.title as string
    expect(title).toMatch(/^<span v-pre>.*<\/span>$/)
    expect(plainTitle(title)).toBe('A --- B {{ 6 * 7 }}')
  })

  it('wraps mustache in v-pre so Vue shows it literally', () => {
    expect(deck.markdown).toContain('<span v-pre>Mustache \\{\\{ 6 \\* 7 \\}\\}')
    // Outside notes and code, no line carries an unguarded mustache.
    const body = deck.parsed.slides.map((s) => s.content).join('\n')
    for (const line of body.split('\n')) {
      if (line.includes('{{') && !line.startsWith('```')) expect(line).toContain('v-pre')
    }
  })

  it('escapes raw HTML so no tag from the note reaches the page', () => {
    const body = deck.parsed.slides.map((s) => s.content).join('\n')
    expect(body).not.toMatch(/(^|[^\\])<script/)
    expect(body).not.toMatch(/(^|[^\\])<img/)
    expect(body).toContain('\\<script\\>')
  })

  it('does not let a --- line in the note split a slide', () => {
    expect(deck.parsed.slides.length).toBe(deck.slides.length)
  })

  it('neutralises Slidev syntax: slot sugar, snippet imports, monaco-run and plantuml blocks', () => {
    const body = deck.parsed.slides.map((s) => s.content).join('\n')
    expect(body).not.toMatch(/^::right::$/m)
    expect(body).not.toMatch(/^<<</m)
    expect(body).not.toContain('{monaco-run}')
    expect(body).toContain('```js\n')
    expect(body).not.toContain('```plantuml')
  })

  it('only links safe targets', () => {
    expect(deck.markdown).not.toContain('](javascript:')
    expect(deck.markdown).toContain('](https://example.com)')
  })

  it('is the same bytes every time', () => {
    expect(deckOf(hostile).markdown).toBe(deck.markdown)
  })
})

describe('escaping helpers', () => {
  it.each([
    ['a * b', 'a \\* b'],
    ['<b>', '\\<b\\>'],
    ['$x$', '\\$x\\$'],
    ['R&D', 'R\\&D'],
    ['a_b', 'a\\_b'],
  ])('escapeInline(%j)', (input, expected) => {
    expect(escapeInline(input)).toBe(expected)
  })

  it.each([
    ['# not a heading', '\\# not a heading'],
    ['- not a bullet', '\\- not a bullet'],
    ['1. not a list', '1\\. not a list'],
    ['::right::', '\\::right::'],
    ['plain', 'plain'],
  ])('escapeLineStart(%j)', (input, expected) => {
    expect(escapeLineStart(input)).toBe(expected)
  })

  it('keeps notes from closing their comment or opening tags', () => {
    expect(escapeNotes('a --> b <i>')).toBe('a --&gt; b &lt;i>')
  })

  it('writes YAML strings that round-trip and never contain ---', () => {
    const value = 'x --- y "quoted" \\ back'
    const yaml = yamlString(value)
    expect(yaml).not.toContain('---')
    expect(parseYaml(`k: ${yaml}`).k).toBe(value)
  })

  it.each([
    ['js', 'js'],
    ['Dockerfile', 'dockerfile'],
    ['js {monaco-run}', 'js'],
    ['plantuml', 'text'],
    ['no-such-language', 'text'],
    ['', 'text'],
  ])('codeLanguage(%j) is %j', (input, expected) => {
    expect(codeLanguage(input)).toBe(expected)
  })
})

describe('bold and italic runs', () => {
  it('prints a bold term that starts or ends with a space so that it renders bold, with no asterisks left', async () => {
    // Definition terms are printed bold; here each term is code followed by a parenthesis.
    const deck = deckOf('# Cells\n\n## Transport\n\n- `Osmosis` (passive): water moves across a membrane toward the higher solute concentration\n- `Pumps` (active): they spend energy to move ions against their gradient\n')
    const { default: MarkdownIt } = await import('markdown-it')
    const html = new MarkdownIt({ html: true }).render(deck.markdown.replace(/<!--[\s\S]*?-->/g, ''))
    expect(html).toContain('(passive)')
    expect(html).not.toContain('**')
  })
})

describe('math nested in text inside a formula', () => {
  it('prints inner $…$ as \\(…\\) so the formula is one span that KaTeX renders', async () => {
    const deck = deckOf('# Growth\n\n## Result\n\nSo the model gives $$\\colorbox{#FFFFBF}{$ Y = A_0 - k\\pi $},$$ which links output to prices.\n')
    const line = deck.markdown.split('\n').find((text) => text.includes('colorbox') && !text.startsWith('So the model'))!
    // The one inline formula, as markdown-it's dollar rule would read it: from the first $ to the next.
    const formula = /\$([^$]+)\$/.exec(line)![1]
    expect(formula).toContain('\\colorbox{#FFFFBF}{\\( Y = A_0 - k\\pi \\)}')
    const katex = (await import('katex')).default
    expect(() => katex.renderToString(formula, { throwOnError: true })).not.toThrow()
  })
})

describe('pipes in code', () => {
  it('show as written in a bullet and in a table cell (escaped only where a table needs it)', async () => {
    const { unified } = await import('unified')
    const { default: remarkParse } = await import('remark-parse')
    const { default: remarkGfm } = await import('remark-gfm')
    const { visit } = await import('unist-util-visit')
    const note = [
      '# Shell',
      '',
      '## Filters',
      '',
      '- Count the lines of a log: `cat app.log | wc -l`',
      '- Keep the errors of a log: `grep -i error app.log | sort`',
      '',
      '| task | command |',
      '| --- | --- |',
      '| first lines | `head -n 5 app.log \\| less` |',
      '',
    ].join('\n')
    const deck = deckOf(note)
    const tree = unified().use(remarkParse).use(remarkGfm).parse(deck.markdown)
    const codes: Array<{ value: string; inTable: boolean }> = []
    visit(tree, 'inlineCode', (node, _index, parent) => void codes.push({ value: node.value, inTable: parent?.type === 'tableCell' }))
    expect(codes.filter((code) => !code.inTable).map((code) => code.value)).toEqual(expect.arrayContaining(['cat app.log | wc -l', 'grep -i error app.log | sort']))
    expect(codes.filter((code) => code.inTable).map((code) => code.value)).toContain('head -n 5 app.log | less')
    expect(codes.some((code) => code.value.includes('\\|'))).toBe(false)
  })
})
