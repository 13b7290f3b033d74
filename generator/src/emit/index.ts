// shiki/langs is the language table alone (about 10 ms to load, against 70 ms for all of shiki).
import { bundledLanguages, bundledLanguagesAlias } from 'shiki/langs'
import type { BulletItem, DeckOptions, Run, SlideBlock, SlidePlan } from '../types.js'
import { fenceFor } from '../plan/notes.js'
import { mermaidFor } from './mermaid.js'
import { inertTex } from '../dialects/math.js'
import { escapeInline, escapeLineStart, escapeNotes, escapeTitle, escapeUrl, guardVue, yamlString } from './escape.js'

/** A data URL favicon, so the built SPA never asks a CDN for one. */
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23c2410c'/%3E%3Cpath d='M4 4h8v2H9v6H7V6H4z' fill='%23fff'/%3E%3C/svg%3E"

/**
 * Print planned slides as a Slidev deck. The emitter decides nothing: it only prints syntax
 * and escapes text so that whatever a note says stays text.
 */
export function emitDeck(slides: SlidePlan[], options: DeckOptions, title: string, author?: string): string {
  const lectern = [
    'lectern:',
    `  note: ${yamlString(options.noteFromDeck ?? options.notePath)}`,
    `  budget: { words: ${options.budget.words}, lines: ${options.budget.lines} }`,
  ]
  const headmatter = [
    `theme: ${yamlString(options.theme)}`,
    `title: ${yamlString(escapeTitle(title))}`,
    ...(author ? [`author: ${yamlString(author)}`] : []),
    `favicon: ${yamlString(FAVICON)}`,
    'routerMode: hash',
    'colorSchema: auto',
    'download: false',
    'info: false',
    'monaco: false',
    'mdc: false',
    'comark: false',
    'record: false',
    'mcp: false',
    'remoteAssets: false',
    // Images are data URLs inside the web deck's one file: nothing to preload.
    'preloadImages: false',
    'selectable: true',
    'transition: none',
    'drawings:',
    '  enabled: false',
    `exportFilename: ${yamlString(options.notePath.replace(/^.*\//, '').replace(/\.[^.]*$/, ''))}`,
    ...lectern,
  ]
  return slides.map((slide, index) => emitSlide(slide, options, index === 0 ? headmatter : [])).join('\n')
}

function emitSlide(slide: SlidePlan, options: DeckOptions, headmatter: string[]): string {
  const frontmatter = [
    ...headmatter,
    `layout: ${slide.layout}`,
    ...(slide.kicker ? [`kicker: ${yamlString(slide.kicker)}`] : []),
    `source: ${yamlString(`${options.notePath}:${slide.lines.start}-${slide.lines.end}`)}`,
    `kind: ${slide.kind}`,
    // The part a slide opens when the part is too short for a divider (the PDF's bookmarks).
    ...(slide.opens ? [`opens: ${yamlString(slide.opens)}`] : []),
  ]
  const body: string[] = []
  // The cover and the end slide carry their own heading; every other slide is titled here.
  const hasHeading = (slide.layout === 'cover' || slide.layout === 'end') && slide.body[0]?.type === 'heading'
  const part = slide.part ? ` <sup class="lectern-part">${line(runOf(slide.part))}</sup>` : ''
  if (!hasHeading && slide.layout !== 'cover' && slide.layout !== 'end') body.push(`# ${line(runOf(slide.title))}${part}`)
  for (const [index, block] of slide.body.entries()) {
    // Two columns: Slidev's slot markers, printed by us on lines of their own.
    if (slide.layout === 'two-cols' && index === 0) body.push('::left::')
    if (slide.layout === 'two-cols' && index === slide.rightFrom) body.push('::right::')
    body.push(index === 0 && hasHeading && block.type === 'heading' ? `# ${line(block.runs)}` : emitBlock(block))
  }
  const notes = escapeNotes(slide.notes.trim() || slide.title)
  return `---\n${frontmatter.join('\n')}\n---\n\n${body.join('\n\n')}\n\n<!--\n${notes}\n-->\n`
}

function runOf(text: string): Run[] {
  return [{ text }]
}

function emitBlock(block: SlideBlock): string {
  switch (block.type) {
    case 'heading':
      return `## ${line(block.runs)}`
    case 'paragraph':
      return line(block.runs)
    case 'quote':
      return `> ${line(block.runs)}`
    case 'bullets': {
      const list = block.items.map((item, index) => bullet(item, block.ordered ? `${block.start + index}. ` : '- ', '')).join('\n')
      return (block.columns ?? 1) > 1 ? `<div class="lectern-columns">\n\n${list}\n\n</div>` : list
    }
    case 'code': {
      const fence = fenceFor(block.value)
      return `${fence}${codeLanguage(block.lang)}\n${block.value}\n${fence}`
    }
    case 'diagram': {
      const source = mermaidFor(block.diagram)
      return `${fenceFor(source)}mermaid\n${source}\n${fenceFor(source)}`
    }
    case 'mermaid': {
      const fence = fenceFor(block.value)
      return `${fence}mermaid\n${block.value}\n${fence}`
    }
    case 'table':
      return table(block)
    case 'definitions':
      return table({
        type: 'table',
        align: [null, null],
        header: block.header,
        rows: block.items.map((item) => [item.term.map((run) => ({ ...run, strong: true })), item.gist]),
      })
    case 'comparison':
      return table({
        type: 'table',
        align: [],
        header: [...(block.showAspects ? [[{ text: block.corner ?? '' }]] : []), ...block.subjects.map((subject) => [{ text: subject }])],
        rows: block.rows.map((row) => [...(block.showAspects ? [[{ text: row.aspect, strong: true }]] : []), ...row.cells]),
      })
    case 'image':
      return `![${escapeInline(block.alt)}](${escapeUrl(block.src)})`
    case 'missing-image':
      return [
        '<div class="lectern-missing">',
        '',
        line(block.caption),
        '',
        line(block.detail),
        '',
        '</div>',
      ].join('\n')
    case 'math':
      return mathBlock(block.value)
    case 'callout':
      return callout(block)
  }
}

/**
 * Display math between `$$` lines. Note: every TeX line is indented, so that no line can read as
 * Slidev's `---` slide separator.
 */
function mathBlock(tex: string): string {
  const lines = inertTex(tex)
    .split('\n')
    .filter((texLine) => texLine.trim())
    .map((texLine) => `  ${texLine.trim()}`)
  return ['$$', ...lines, '$$'].join('\n')
}

/** A callout box: the theme styles it by kind (themes/lectern/styles/callout.css). */
function callout(block: Extract<SlideBlock, { type: 'callout' }>): string {
  // The title is a markdown paragraph of its own (blank lines around it), so it is escaped like any line.
  const title = line(block.title)
  const list = block.prose ? block.items.map((item) => line(item.runs)).join('\n\n') : block.items.map((item) => bullet(item, '- ', '')).join('\n')
  return [
    `<div class="lectern-callout lectern-callout-${block.kind}${block.small ? ' lectern-callout-small' : ''}">`,
    ...(title ? ['<div class="lectern-callout-title">', '', title, '', '</div>'] : []),
    '',
    ...(list ? [list, ''] : []),
    '</div>',
  ].join('\n')
}

function bullet(item: BulletItem, marker: string, indent: string): string {
  const text = line(item.runs) || '\u00a0'
  const children = item.children.map((child) => bullet(child, '- ', indent + ' '.repeat(marker.length)))
  return [`${indent}${marker}${text}`, ...children].join('\n')
}

function line(runs: Run[]): string {
  return escapeLineStart(inline(runs))
}

/**
 * A line's runs as markdown. Note: `inTable` escapes `|` inside code spans too, as a GFM table cell
 * needs (there `\\|` shows as `|`); anywhere else a code span shows every character as written, so
 * its pipes stay bare.
 */
function inline(runs: Run[], inTable = false): string {
  return runs
    .map((run) => {
      if (run.code && !run.tags) return codeSpan(run.text, inTable)
      let text = run.code ? codeSpan(run.text, inTable) : run.math ? `$${inertTex(run.text)}$` : guardVue(escapeInline(run.text), run.text)
      if (run.emphasis && !run.code) text = wrap(text, '*')
      if (run.strong && !run.code) text = wrap(text, '**')
      // Allowlisted tags only (types.ts InlineTag), printed without attributes.
      for (const tag of [...(run.tags ?? [])].reverse()) text = `<${tag}>${text}</${tag}>`
      if (run.href) text = `[${text}](${escapeUrl(run.href)})`
      return text
    })
    .join('')
}

/**
 * Wrap text in emphasis markers. Note: white space at either end goes outside them, since
 * `** (or Length)**` is not emphasis in CommonMark and would show its asterisks.
 */
function wrap(text: string, marker: string): string {
  const [, before, inner, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!
  return inner ? `${before}${marker}${inner}${marker}${after}` : text
}

function codeSpan(text: string, inTable: boolean): string {
  let longest = 0
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length)
  const ticks = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${ticks}${pad}${inTable ? text.replace(/\|/g, '\\|') : text}${pad}${ticks}`
}

function table(block: Extract<SlideBlock, { type: 'table' }>): string {
  const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length), 1)
  // inline() escapes `|` in text, and in code spans when told it is in a table.
  const cell = (runs: Run[] | undefined): string => (runs ? inline(runs, true) : '')
  const row = (cells: Run[][]): string =>
    `| ${Array.from({ length: columns }, (_, i) => cell(cells[i])).join(' | ')} |`
  const rule = `| ${Array.from({ length: columns }, (_, i) => alignRule(block.align[i] ?? null)).join(' | ')} |`
  return [row(block.header), rule, ...block.rows.map(row)].join('\n')
}

function alignRule(align: 'left' | 'right' | 'center' | null): string {
  return align === 'center' ? ':---:' : align === 'right' ? '---:' : align === 'left' ? ':---' : '---'
}

/**
 * A code fence's language, reduced to a name Shiki knows (else `text`).
 * Note: the rest of an info string is dropped on purpose: Slidev reads `{monaco-run}`, line
 * ranges and `{…}` props from it, and `plantuml` blocks would fetch from a remote server.
 */
export function codeLanguage(lang: string): string {
  const name = lang.trim().split(/[\s{[]/)[0]?.toLowerCase() ?? ''
  if (!/^[\w+#.-]+$/.test(name)) return 'text'
  return name in bundledLanguages || name in bundledLanguagesAlias ? name : 'text'
}
