import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import type { Nodes } from 'mdast'
import { parseSync } from '@slidev/parser'
import { parseNote } from '../src/parse.js'
import { plainText, toRuns } from '../src/text.js'
import { sentenceCoverage } from '../src/coverage.js'
import { findVaultRoot, resolveImage, type AssetCopy } from '../src/commands/assets.js'
import { deckOf } from './helpers.js'

function tree(text: string) {
  const file = new VFile({ path: 'notes/t.md', value: text })
  return { ...parseNote(file), file }
}

function types(node: Nodes): string[] {
  const out: string[] = [node.type]
  if ('children' in node) for (const child of node.children as Nodes[]) out.push(...types(child))
  return out
}

/** The text the audience sees: every slide's content, notes left out. */
function visible(text: string): string {
  return deckOf(text).parsed.slides.map((slide) => slide.content).join('\n')
}

describe('math', () => {
  it.each([
    ['Energy is $E = mc^2$ here.', true],
    ['It costs $5 and $10 at the door.', false],
    ['From $5-$10 a day.', false],
    ['A range of $ x $ is not math.', false],
    ['Two prices: $3 each, $30 in all.', false],
    ['Inline $$\\sum_i x_i$$ works too.', true],
    ['Escaped \\$ signs \\$ stay text.', false],
  ])('%s → math: %s (pandoc dollar rule)', (text, isMath) => {
    expect(types(tree(`# T\n\n${text}\n`).tree).includes('inlineMath')).toBe(isMath)
  })

  it.each([
    ['The ratio \\(\\frac{a}{b}\\) is inline.', 'inlineMath'],
    ['\\[\n\\int_0^1 x\\,dx\n\\]', 'math'],
    ['An editor writes \\[sic\\] here.', 'text'],
    ['Code `\\(x_1\\)` stays code.', 'inlineCode'],
  ])('reads LaTeX delimiters in %j as %s', (text, type) => {
    const found = types(tree(`${text}\n`).tree)
    expect(found).toContain(type)
    if (type !== 'inlineMath' && type !== 'math') expect(found.filter((t) => /math/i.test(t))).toEqual([])
  })

  it('shows a formula that opens a list item as math on the slide, never as escaped TeX', () => {
    const shown = visible('# T\n\n## A\n\n- $$\\begin{aligned}\n  a &= b\n  \\end{aligned}$$\n- $$\n  \\frac{1}{\n  $$\n- Plain item.\n')
    expect(shown).toMatch(/^- \$\\begin\{aligned\}/m)
    expect(shown).toMatch(/^- `\\frac\{1\}\{`/m)
    expect(shown).not.toMatch(/\\\\begin|\\\\frac/)
  })

  it('turns malformed TeX into code with a file:line:col warning', () => {
    const { tree: root, file } = tree('# T\n\nBroken $\\frac{1}{$ here.\n')
    expect(types(root)).toContain('inlineCode')
    expect(file.messages[0].reason).toMatch(/math cannot be rendered/)
    expect([file.messages[0].line, file.messages[0].column]).toEqual([3, 8])
  })

  it('prints math for KaTeX and keeps \\href as TeX with trust off (no link in the slide markdown)', () => {
    const shown = visible('# T\n\n## A\n\nSee $\\href{javascript:alert(1)}{x}$ and $a^2$.\n')
    expect(shown).toContain('$\\href{javascript:alert(1)}{x}$')
    expect(shown).not.toMatch(/\]\(javascript:/)
  })

  it('shows TeX as code when the form the deck prints would not parse (Slidev would put it in the page raw)', () => {
    const deck = deckOf('# T\n\n## A\n\nSee $\\text{<img src=x onerror=alert(1)> | x}$ here.\n')
    expect(deck.file.messages.map((m) => m.ruleId)).toContain('math')
    const shown = deck.parsed.slides.map((s) => s.content).join('\n')
    expect(shown).toMatch(/`\\text\{<img src=x onerror=alert\(1\)> \\?\| x\}`/)
    expect(shown).not.toMatch(/\$\\text/)
  })

  it('prints < and > in TeX as \\lt and \\gt, so no comment or tag can start inside a formula', () => {
    const shown = visible('# T\n\n## A\n\nOrder $a < b <!-- c > d$ holds.\n')
    expect(shown).toContain('$a \\lt  b \\lt !-- c \\gt  d$')
    const slide = deckOf('# T\n\n## A\n\nOrder $a < b <!-- c > d$ holds.\n').parsed.slides.find((s) => s.content.includes('Order'))
    expect(slide?.note).toContain('Order a &lt; b &lt;!-- c > d holds.')
  })

  it('never lets TeX braces reach Vue as {{', () => {
    const shown = visible('# T\n\n## A\n\nNested $\\frac{{a}}{b}$ braces.\n')
    expect(shown).toContain('$\\frac{ {a} }{b}$')
  })

  it('reads $$\\begin{aligned} … \\end{aligned}$$ glued to its lines as one display formula', () => {
    const { tree: root, file } = tree('- item\n\t- $$\\begin{aligned}\n\t  a &= b\n\t  \\end{aligned}$$\n\t\t- after it\n')
    expect(file.messages).toEqual([])
    const values: string[] = []
    const visit = (node: Nodes): void => {
      if (node.type === 'math' || node.type === 'inlineMath') values.push(node.value)
      if ('children' in node) for (const child of node.children as Nodes[]) visit(child)
    }
    visit(root)
    expect(values).toEqual([expect.stringMatching(/^\\begin\{aligned\}[\s\S]*\\end\{aligned\}$/)])
    expect(plainText(root)).toContain('after it')
  })
})

describe('callouts', () => {
  it.each([
    ['> [!note] Title here\n> Body.', 'note', 'Title here'],
    ['> [!tldr]\n> Body.', 'info', 'Tldr'],
    ['> [!faq]- Folded\n> Body.', 'question', 'Folded'],
    ['> [!caution] Careful\n> Body.', 'warning', 'Careful'],
    ['> [!NOTE]\n> GitHub alert.', 'note', 'Note'],
    ['>[!tip] No space\n>Body.', 'tip', 'No space'],
    ['> [!unknownkind] Still a callout\n> Body.', 'note', 'Still a callout'],
  ])('%j is a %s callout titled %j', (source, kind, title) => {
    const deck = deckOf(`# T\n\n## Part\n\n${source}\n`)
    const block = deck.slides.flatMap((slide) => slide.body).find((b) => b.type === 'callout')
    expect(block).toMatchObject({ type: 'callout', kind })
    expect(block?.type === 'callout' && block.title.map((run) => run.text).join('')).toBe(title)
    expect(deck.parsed.slides.map((s) => s.content).join('\n')).not.toContain('[!')
  })

  it('shows code and tables inside a callout in their place, and says the callout once in the notes', () => {
    const note = '# T\n\n## Bread\n\n> [!tip] Proofing check\n> Press the dough gently.\n>\n> ```sh\n> oven --preheat 230\n> ```\n>\n> | Sign | Meaning |\n> | --- | --- |\n> | Springs back | Underproofed |\n> | Dent stays | Overproofed |\n>\n> A slow spring back means it is ready.\n'
    const deck = deckOf(note)
    const kinds = deck.slides.flatMap((slide) => slide.body.map((block) => block.type))
    expect(kinds.filter((kind) => ['callout', 'code', 'table'].includes(kind))).toEqual(['callout', 'code', 'table', 'callout'])
    const code = deck.slides.flatMap((slide) => slide.body).find((block) => block.type === 'code')
    expect(code?.type === 'code' && code.value).toContain('oven --preheat 230')
    const boxes = deck.slides.flatMap((slide) => slide.body).filter((block) => block.type === 'callout')
    expect(boxes[1]?.type === 'callout' && boxes[1].title.map((run) => run.text).join('')).toBe('Proofing check')
    const notes = deck.slides.map((slide) => slide.notes).join('\n')
    expect(notes.match(/Press the dough gently/g)).toHaveLength(1)
  })

  it('keeps a title with markup and Vue syntax inert', () => {
    const shown = visible('# T\n\n## Part\n\n> [!warning] Watch {{ $slidev.nav }} <img src=x onerror=alert(1)>\n> Body text.\n')
    expect(shown).toContain('<span v-pre>')
    expect(shown).not.toMatch(/(?<!\\)<img/)
  })
})

describe('Obsidian', () => {
  it.each([
    ['See [[Page]] now.', 'See Page now.'],
    ['See [[Page|the alias]] now.', 'See the alias now.'],
    ['See [[Page#Heading]] now.', 'See Page › Heading now.'],
    ['See [[Page#^block-id]] now.', 'See Page now.'],
    ['Mark ==this part== only.', 'Mark this part only.'],
    ['Say this %%not this%% aloud.', 'Say this not this aloud.'],
  ])('%s reads as %s', (source, text) => {
    expect(plainText(tree(`${source}\n`).tree)).toBe(text)
  })

  it('shows a highlight as a mark and keeps comments off the slide', () => {
    const shown = visible('# T\n\n## A\n\nMark ==this part== only %%secret aside%% here.\n')
    expect(shown).toContain('<mark>this part</mark>')
    expect(shown).not.toContain('secret aside')
  })

  it('turns ![[image.png|300]] into an image with the size dropped', () => {
    const images: string[] = []
    deckOf('# T\n\n## A\n\n![[Pasted image 2024.png|300]]\n', { resolveImage: (url) => (images.push(url), { status: 'ok', deckPath: './x.png' }) })
    expect(images).toEqual(['Pasted%20image%202024.png'])
  })

  it('warns about an embedded note and names it in the speaker notes', () => {
    const deck = deckOf('# T\n\n## A\n\nText first.\n\n![[Other note]]\n')
    expect(deck.file.messages.map((m) => m.ruleId)).toContain('embed')
    expect(deck.slides.some((slide) => slide.notes.includes('Other note'))).toBe(true)
    expect(visible('# T\n\n## A\n\nText first.\n\n![[Other note]]\n')).not.toContain('Other note')
  })

  it('keeps #tag lines and tags: frontmatter off the slides', () => {
    const shown = visible('---\ntags: [alpha, beta]\n---\n# T\n\n#alpha #beta/gamma\n\n## A\n\nBody text.\n')
    expect(shown).not.toMatch(/#alpha|beta/)
  })
})

describe('Logseq', () => {
  const outline = [
    '- First topic',
    '  collapsed:: true',
    '\t- A point about it.',
    '\t  id:: 11111111-2222-3333-4444-555555555555',
    '\t- source:: lecture 3',
    '\t- {{query (todo now)}}',
    '- Second topic',
    '\t- Refers to ((11111111-2222-3333-4444-555555555555)).',
    '\t- Lost ((99999999-2222-3333-4444-555555555555)).',
    '\t- See the figure ![fig](fig.png){:height 100, :width 200} here.',
  ].join('\n')

  it('makes top-level bullets sections and keeps properties, macros and sizes off the slides', () => {
    const deck = deckOf(outline)
    expect(deck.outline.sections.map((s) => s.title)).toEqual(['First topic', 'Second topic'])
    const shown = deck.parsed.slides.map((s) => s.content).join('\n')
    expect(shown).not.toMatch(/::|\{\{|\{:|\(\(/)
    expect(shown).toContain('Refers to A point about it')
    expect(deck.slides.some((slide) => slide.notes.includes('source:: lecture 3'))).toBe(true)
  })

  it('reads an outline under page properties as an outline', () => {
    const deck = deckOf(`public:: true\ntype:: [[Course]]\n\n${outline}`)
    expect(deck.outline.sections.map((s) => s.title)).toEqual(['First topic', 'Second topic'])
    expect(deck.slides.map((s) => s.notes).join('\n')).toMatch(/public:: true[\s\S]*type:: \[\[Course\]\]/)
  })

  it('warns about a block reference it cannot resolve', () => {
    const deck = deckOf(outline)
    const messages = deck.file.messages.filter((m) => m.ruleId === 'block-ref')
    expect(messages).toHaveLength(1)
    expect(messages[0].line).toBe(9)
  })

  it('keeps every sentence of an outline note', () => {
    expect(sentenceCoverage(outline, deckOf(outline).markdown).missing).toEqual([])
  })
})

describe('inline HTML', () => {
  it.each([
    ['H<sub>2</sub>O', [{ text: 'H' }, { text: '2', tags: ['sub'] }, { text: 'O' }]],
    ['A<sup class="x">-</sup>', [{ text: 'A' }, { text: '-', tags: ['sup'] }]],
    ['<kbd>Ctrl</kbd>', [{ text: 'Ctrl', tags: ['kbd'] }]],
    ['<b><i>both</i></b>', [{ text: 'both', tags: ['b', 'i'] }]],
    ['<span onclick="x()">no</span>', [{ text: 'no' }]],
    ['Replace <host> here', [{ text: 'Replace <host> here' }]],
    ['Run <script>x()</script> now', [{ text: 'Run <script>x()</script> now' }]],
    ['a<br>b', [{ text: 'a b' }]],
  ])('%s → %j', (source, runs) => {
    const paragraph = tree(`${source}\n`).tree.children[0]
    expect(paragraph.type === 'paragraph' && toRuns(paragraph.children)).toEqual(runs)
  })

  it('prints allowlisted tags without attributes and anything else as text', () => {
    const shown = visible('# T\n\n## A\n\nWater is H<sub title="x">2</sub>O and <script>alert(1)</script> is text.\n')
    expect(shown).toContain('H<sub>2</sub>O')
    expect(shown).toContain('\\<script\\>')
  })
})

describe('navigation and metadata', () => {
  const note = [
    '# Title',
    '',
    'Created: 2024-01-01',
    'Tags: one, two',
    '',
    '- [Alpha part](#alpha-part)',
    '- [Beta part](#beta-part)',
    '',
    '## Alpha part',
    '',
    'First body sentence.',
    '',
    '---',
    '',
    'Second body sentence.',
    '',
    '[Back to Top](#title)',
    '',
    '<br><br>',
    '',
    '## Beta part',
    '',
    'Third body sentence.',
    '',
    '**[⬆ back to top](#title)**',
  ].join('\n')

  it('keeps navigation links, tables of contents and metadata lines off the slides but in the notes', () => {
    const deck = deckOf(note)
    const shown = deck.parsed.slides.map((s) => s.content).join('\n')
    expect(shown).not.toMatch(/Back to Top|back to top|Created|Tags:|<br>|\\<br/)
    expect(deck.parsed.slides.filter((s) => /Alpha part/.test(s.content) && /- \[?Alpha/.test(s.content))).toEqual([])
    const notes = deck.slides.map((s) => s.notes).join('\n')
    expect(notes).toContain('Created: 2024-01-01')
    expect(notes).toContain('Back to Top')
    expect(sentenceCoverage(note, deck.markdown).missing).toEqual([])
  })

  it('makes --- between two blocks of a section a slide break, never a Slidev separator', () => {
    const deck = deckOf(note)
    const first = deck.slides.find((s) => s.body.some((b) => JSON.stringify(b).includes('First body')))
    expect(JSON.stringify(first?.body)).not.toContain('Second body')
    expect(parseSync(deck.markdown, 's').slides.length).toBe(deck.slides.length)
  })
})

describe('Notion exports', () => {
  it('drops the page id from a title taken from the file name', () => {
    const deck = deckOf('Just a body sentence.\n', { path: 'notes/Budget plan 0123456789abcdef0123456789abcdef.md' })
    expect(deck.outline.title).toBe('Budget plan')
  })

  it('turns <aside> into a callout and <details> into a slide titled by its summary', () => {
    const deck = deckOf('# T\n\n## Part\n\n<aside>\n💡 A tip in a box.\n\n</aside>\n\n<details><summary>The answer</summary>\n\nHidden text.\n\n</details>\n')
    expect(deck.slides.flatMap((s) => s.body).some((b) => b.type === 'callout')).toBe(true)
    expect(deck.slides.map((s) => s.title)).toContain('The answer')
    expect(deck.parsed.slides.map((s) => s.content).join('\n')).not.toMatch(/aside|details|summary/)
    expect(deck.parsed.slides.map((s) => s.content).join('\n')).toContain('A tip in a box')
  })
})

describe('image resolution like Obsidian', () => {
  it('finds an embed in the note folder, then from the vault root, then by name in the vault, never outside it', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'lectern-vault-'))
    const vault = path.join(root, 'vault')
    mkdirSync(path.join(vault, '.obsidian'), { recursive: true })
    mkdirSync(path.join(vault, 'notes', 'week1'), { recursive: true })
    mkdirSync(path.join(vault, 'attachments'), { recursive: true })
    writeFileSync(path.join(vault, 'attachments', 'cell.png'), 'png')
    writeFileSync(path.join(vault, 'top.png'), 'png')
    writeFileSync(path.join(root, 'outside.png'), 'png')
    symlinkSync(path.join(root, 'outside.png'), path.join(vault, 'linked.png'))
    const noteDir = path.join(vault, 'notes', 'week1')
    const vaultRoot = findVaultRoot(noteDir)
    expect(vaultRoot).toBe(vault)
    const copies = new Map<string, AssetCopy>()
    expect(resolveImage('cell.png', noteDir, copies, { vaultRoot }).status).toBe('ok')
    expect(resolveImage('top.png', noteDir, copies, { vaultRoot }).status).toBe('ok')
    expect(resolveImage('linked.png', noteDir, copies, { vaultRoot }).status).toBe('outside')
    expect(resolveImage('../../../outside.png', noteDir, copies, { vaultRoot }).status).toBe('outside')
    // Without a vault, only the note's folder counts.
    expect(resolveImage('top.png', noteDir, new Map()).status).toBe('missing')
  })

  it('sanitizes a local SVG when it is copied into the deck, and refuses one that is not an SVG', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-svg-'))
    writeFileSync(path.join(dir, 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><a href="https://example.com/"><rect width="4" height="4"/></a><use href="https://example.com/x.svg#a"/></svg>')
    writeFileSync(path.join(dir, 'fake.svg'), '<html><script>alert(1)</script></html>')
    const copies = new Map<string, AssetCopy>()
    expect(resolveImage('chart.svg', dir, copies).status).toBe('ok')
    const [copy] = [...copies.values()]
    const text = Buffer.from(copy.bytes!).toString('utf8')
    expect(text).toContain('<rect')
    expect(text).not.toMatch(/script|onload|alert|example\.com/)
    expect(resolveImage('fake.svg', dir, new Map()).status).toBe('unsupported')
  })
})
