import type { Image, List, ListItem, Nodes, Paragraph, RootContent, Table, TableRow } from 'mdast'
import type { VFile } from 'vfile'
import type { BulletItem, Diagram, LineRange, PlanOptions, Run, SlideBlock } from '../types.js'
import { capLongWords, countWords, plainText, runsText, toRuns, visibleWords } from '../text.js'
import { findChain } from './diagrams/chain.js'
import { findLayers, findSteps } from './diagrams/structure.js'
import { fenceFor, notesFor } from './notes.js'
import { BULLET_WORDS, GIST_WORDS, condenseParagraph, definitionOf, gist, shortenSentence } from './condense.js'
import { balancedParts, measureBlock, type Size } from './measure.js'

/** Characters of code on one line of a slide (15 px monospace on the 980 px canvas). */
const CODE_CHARS_PER_LINE = 92
/** Most columns a table slide shows; wider tables continue with the first column repeated. */
const MAX_TABLE_COLUMNS = 5

/**
 * Most slides one block (a list, a table, a code block) may take. A 5,000-item list would
 * otherwise become 800 slides: past this, the last slide says how much more there is and its
 * notes hold all of it.
 */
export const MAX_PARTS = 12

/** Keep at most MAX_PARTS slides of one block's units; the rest go into a closing slide's notes. */
export function capParts(units: Unit[], what: string): Unit[] {
  const shown = units.filter((unit) => unit.kind !== 'notes-only')
  if (shown.length <= MAX_PARTS) return units
  const keep = units.indexOf(shown[MAX_PARTS - 1])
  const rest = units.slice(keep)
  const more = rest.filter((unit) => unit.kind !== 'notes-only').length
  return [...units.slice(0, keep), closingUnit(rest, `… and ${more} more slides' worth of this ${what}: the speaker notes hold all of it.`, '\n\n')]
}

/** The slide that stands for everything past a block's cap: a line saying so, and all of it in the notes. */
function closingUnit(rest: Unit[], text: string, separator: string): Unit {
  const block: SlideBlock = { type: 'paragraph', runs: [{ text }] }
  const first = rest.find((unit) => unit.range)?.range
  const last = [...rest].reverse().find((unit) => unit.range)?.range
  return {
    kind: 'solo',
    block,
    size: measureBlock(block),
    notes: rest.map((unit) => unit.notes).filter(Boolean).join(separator),
    range: first && last ? { start: first.start, end: last.end } : undefined,
  }
}

/** Words a sub-bullet may keep. */
const SUB_BULLET_WORDS = 10
/** Words an authored table cell may keep on the slide (the full row is in the notes). */
const TABLE_CELL_WORDS = 10

/**
 * A piece of a slide: what it shows, how much room it takes, and the notes it carries.
 * `flow` units share a slide; units of one `group` (a run of definitions) share slides with each
 * other only; `solo` units (code, tables, images) get slides of their own, already cut to fit.
 */
export interface Unit {
  kind: 'flow' | 'group' | 'solo' | 'notes-only' | 'break' | 'layout'
  /** With kind 'layout': the layout the next slide uses. */
  layout?: 'two-cols' | 'default'
  group?: number
  block?: SlideBlock
  size: Size
  notes: string
  range?: LineRange
}

/** What unit-making needs besides the block: options, the file for messages, the room left. */
export interface UnitContext {
  options: PlanOptions
  file: VFile
  /** Words the slide title takes (they count against the word budget). */
  titleWords: number
  /** The section's heading (diagram detection reads it). */
  heading: string
  nextGroup: () => number
}

/** Break a section's blocks into units; runs of `Term: explanation` paragraphs form one group. */
export function unitsForBlocks(blocks: RootContent[], context: UnitContext): Unit[] {
  const units: Unit[] = []
  let diagrams = context.options.diagrams
  let skipNext = false
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]
    const directive = block.type === 'html' ? directiveOf(block.value) : undefined
    if (directive) {
      const range = rangeOf(block)
      const place = block.position
      if (directive.name === 'slide' && directive.value === 'break') units.push({ kind: 'break', size: { words: 0, lines: 0 }, notes: '', range })
      else if (directive.name === 'slide' && directive.value === 'skip') skipNext = true
      else if (directive.name === 'slide' && /^layout\s+(two-cols|default)$/.test(directive.value)) {
        units.push({ kind: 'layout', layout: directive.value.split(/\s+/)[1] as 'two-cols' | 'default', size: { words: 0, lines: 0 }, notes: '', range })
      } else if (directive.name === 'diagram' && /^(off|on)$/.test(directive.value)) diagrams = directive.value === 'on'
      else {
        context.file.message(
          `unknown directive \`${directive.name}: ${directive.value}\`; use slide: break, slide: skip, slide: layout two-cols, diagram: off or diagram: on`,
          { place, ruleId: 'directive', source: 'lectern' },
        )
      }
      continue
    }
    if (block.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(block.value)) {
      // An author's comment: for the speaker, not the room.
      units.push({ kind: 'notes-only', size: { words: 0, lines: 0 }, notes: block.value.replace(/^\s*<!--\s*|\s*-->\s*$/g, ''), range: rangeOf(block) })
      continue
    }
    if (skipNext) {
      // `<!-- slide: skip -->`: the block stays in the speaker notes, off the slides.
      skipNext = false
      units.push({ kind: 'notes-only', size: { words: 0, lines: 0 }, notes: notesFor(block), range: rangeOf(block) })
      continue
    }
    if (block.type === 'paragraph') {
      let j = i
      while (j < blocks.length && isDefinitionParagraph(blocks[j])) j++
      if (j - i >= 2) {
        const group = context.nextGroup()
        for (const paragraph of blocks.slice(i, j) as Paragraph[]) {
          const definition = definitionOf(toRuns(paragraph.children))!
          units.push(definitionUnit(definition.term, definition.explanation, group, notesFor(paragraph), rangeOf(paragraph)))
        }
        i = j - 1
        continue
      }
    }
    if (diagrams && block.type === 'paragraph') {
      const next = blocks[i + 1]
      const list = next?.type === 'list' ? next : undefined
      const found = findLayers(block, list, context.heading)
      if (found) {
        units.push(...unitsFor(block, context))
        // The diagram replaces the list it was drawn from; its notes keep the list's text.
        const source = found.fromList && list ? list : block
        units.push(diagramUnit({ kind: 'layers', layers: found.layers }, notesFor(source), rangeOf(source)))
        if (found.fromList) i++
        continue
      }
      const chain = findChain(plainText(block))
      if (chain) {
        units.push(...unitsFor(block, context))
        units.push(diagramUnit({ kind: 'chain', nodes: chain.nodes, labels: chain.labels }, notesFor(block), rangeOf(block)))
        continue
      }
    }
    if (diagrams && block.type === 'list') {
      const steps = findSteps(block, context.heading, blocks[i - 1])
      if (steps) {
        const start = block.start ?? 1
        const parts = balancedParts(steps.length, (from, to) => to - from <= STEPS_PER_DIAGRAM)
        parts.forEach(([from, to]) => {
          const notes = block.children
            .slice(from, to)
            .map((item, k) => `${start + from + k}. ${notesFor(item).replace(/^- /, '')}`)
            .join('\n')
          const first = block.children[from]
          const last = block.children[to - 1]
          const range = first?.position && last?.position ? { start: first.position.start.line, end: last.position.end.line } : rangeOf(block)
          units.push(diagramUnit({ kind: 'steps', steps: steps.slice(from, to), start: start + from }, notes, range))
        })
        continue
      }
      const found = i === 0 || blocks[i - 1]?.type !== 'paragraph' ? findLayers(undefined, block, context.heading) : undefined
      if (found) {
        units.push(diagramUnit({ kind: 'layers', layers: found.layers }, notesFor(block), rangeOf(block)))
        continue
      }
    }
    units.push(...unitsFor(block, context))
  }
  return units
}

/** Steps a flowchart shows per slide, so that its labels stay readable. */
const STEPS_PER_DIAGRAM = 4

function diagramUnit(diagram: Diagram, notes: string, range?: LineRange): Unit {
  const block: SlideBlock = { type: 'diagram', diagram }
  return { kind: 'solo', block, size: measureBlock(block), notes, range }
}

/** `<!-- slide: break -->` → { name: 'slide', value: 'break' }; other comments → undefined. */
export function directiveOf(html: string): { name: string; value: string } | undefined {
  const match = /^\s*<!--\s*(slide|diagram|diagrams)\s*:\s*(.*?)\s*-->\s*$/i.exec(html)
  if (!match) return undefined
  return { name: match[1].toLowerCase().replace(/s$/, ''), value: match[2].toLowerCase().replace(/\s+/g, ' ') }
}

function isDefinitionParagraph(node: RootContent): boolean {
  return node.type === 'paragraph' && !node.children.some((c) => c.type === 'image') && definitionOf(toRuns(node.children)) !== undefined
}

/** Break one block of the note into units. */
export function unitsFor(node: RootContent, context: UnitContext): Unit[] {
  const range = rangeOf(node)
  switch (node.type) {
    case 'paragraph':
      return paragraphUnits(node, context)
    case 'list':
      return capList(listUnits(node, context), context)
    case 'code':
      return capParts(codeUnits(node.value, node.lang ?? '', context, range), 'code')
    case 'table':
      return capParts(tableUnits(node, context), 'table')
    case 'blockquote': {
      const runs = toRuns(node.children.flatMap((child) => (child.type === 'paragraph' ? child.children : [])))
      const shown = condenseParagraph(runs)[0] ?? []
      return [flow({ type: 'quote', runs: shown }, notesFor(node), range)]
    }
    case 'html': {
      // Raw HTML shows as text when it is short; longer markup stays in the notes only.
      const text = node.value.replace(/\s+/g, ' ').trim()
      if (countWords(text) > BULLET_WORDS) return [{ kind: 'notes-only', size: { words: 0, lines: 0 }, notes: notesFor(node), range }]
      return [flow({ type: 'paragraph', runs: [{ text }] }, notesFor(node), range)]
    }
    case 'thematicBreak':
      return []
    case 'heading':
      return [flow({ type: 'heading', runs: toRuns(node.children) }, notesFor(node), range)]
    default:
      return [{ kind: 'notes-only', size: { words: 0, lines: 0 }, notes: notesFor(node), range }]
  }
}

/**
 * A list's units fill about one slide each per `budget.lines` bullets; past MAX_PARTS slides'
 * worth, the rest become one closing slide whose notes hold every remaining item.
 */
function capList(units: Unit[], context: UnitContext): Unit[] {
  const perSlide = Math.max(1, context.options.budget.lines)
  const limit = (MAX_PARTS - 1) * perSlide
  if (units.length <= limit + perSlide) return units
  const rest = units.slice(limit)
  return [...units.slice(0, limit), closingUnit(rest, `… and ${rest.length} more items: the speaker notes hold all of them.`, '\n')]
}

function flow(block: SlideBlock, notes: string, range?: LineRange): Unit {
  return { kind: 'flow', block, size: measureBlock(block), notes, range }
}

function definitionUnit(term: Run[], explanation: Run[], group: number, notes: string, range?: LineRange): Unit {
  const block: SlideBlock = { type: 'definitions', items: [{ term, gist: gist(explanation, GIST_WORDS) }] }
  return { kind: 'group', group, block, size: measureBlock(block), notes, range }
}

function paragraphUnits(node: Paragraph, context: UnitContext): Unit[] {
  const range = rangeOf(node)
  const images = node.children.filter((child): child is Image => child.type === 'image')
  const runs = toRuns(node.children.filter((child) => child.type !== 'image'))
  const units: Unit[] = []
  if (runsText(runs).trim()) {
    const definition = definitionOf(runs)
    const shown = definition
      ? [[...definition.term, { text: ': ' }, ...shortenSentence(definition.explanation, BULLET_WORDS - countWords(runsText(definition.term)))]]
      : condenseParagraph(runs, BULLET_WORDS, context.options.budget.words - context.titleWords)
    const block: SlideBlock = {
      type: 'bullets',
      ordered: false,
      start: 1,
      items: shown.map((bullet) => ({ runs: bullet, children: [] })),
    }
    units.push(flow(block, notesFor(node), range))
  }
  for (const image of images) units.push(imageUnit(image, context, units.length === 0 ? notesFor(node) : ''))
  return units
}

function imageUnit(image: Image, context: UnitContext, notes: string): Unit {
  const alt = image.alt ?? ''
  const resolution = context.options.assets.get(image.url) ?? { status: 'missing', reason: 'not resolved' }
  const range = rangeOf(image)
  const imageNotes = notes || `Image: ${alt} (${image.url})`
  if (resolution.status === 'ok') {
    const block: SlideBlock = { type: 'image', src: resolution.deckPath, alt }
    return { kind: 'solo', block, size: measureBlock(block), notes: imageNotes, range }
  }
  context.file.message(`image \`${image.url}\` is not shown: ${resolution.reason}; the slide shows its alt text and path instead`, {
    place: image.position,
    ruleId: 'image',
    source: 'lectern',
  })
  // The slide shows the address cut short; the warning and the notes keep it whole.
  const block: SlideBlock = { type: 'missing-image', alt, url: capLongWords(image.url, 60), reason: resolution.reason }
  return { kind: 'solo', block, size: measureBlock(block), notes: imageNotes, range }
}

/** What a list item shows: `**Term**: gist` for a definition, else its key sentence, shortened. */
function itemRuns(item: ListItem, maxWords: number): Run[] {
  const first = item.children[0]
  if (first && first.type === 'paragraph') {
    const runs = toRuns(first.children.filter((c) => c.type !== 'image'))
    const definition = definitionOf(runs)
    // A bullet has room for more than a table cell: shorten at clauses rather than take the gist.
    if (definition) return [...definition.term, { text: ': ' }, ...shortenSentence(definition.explanation, Math.max(maxWords - countWords(runsText(definition.term)), 4))]
    return condenseParagraph(runs, maxWords)[0] ?? []
  }
  if (first && first.type !== 'list') return shortenSentence([{ text: notesFor(first).replace(/\s+/g, ' ') }], maxWords)
  return []
}

/** An item's descendants as sub-bullets: anything deeper than two levels is folded into the second. */
function subItems(item: ListItem): ListItem[] {
  return item.children
    .filter((child): child is List => child.type === 'list')
    .flatMap((list) => list.children.flatMap((child) => [child, ...subItems(child)]))
}

function isDefinitionList(list: List): boolean {
  let definitions = 0
  for (const item of list.children) {
    const first = item.children[0]
    if (first?.type === 'paragraph' && definitionOf(toRuns(first.children))) definitions++
  }
  return definitions >= 2 && definitions >= list.children.length * 0.6 && list.children.every((item) => subItems(item).length === 0)
}

function listUnits(list: List, context: UnitContext): Unit[] {
  if (isDefinitionList(list)) {
    const group = context.nextGroup()
    return list.children.map((item) => {
      const first = item.children[0]
      const runs = first?.type === 'paragraph' ? toRuns(first.children) : []
      const definition = definitionOf(runs)
      const notes = '- ' + notesFor(item).replace(/^- /, '')
      if (definition) return definitionUnit(definition.term, definition.explanation, group, notes, rangeOf(item))
      return definitionUnit([], runs, group, notes, rangeOf(item))
    })
  }
  const budget = context.options.budget
  const units: Unit[] = []
  list.children.forEach((item, index) => {
    const marker = list.ordered ? `${(list.start ?? 1) + index}. ` : '- '
    const notes = marker + notesFor(item).replace(/^- /, '')
    const head: BulletItem = { runs: itemRuns(item, BULLET_WORDS), children: [] }
    const children = subItems(item).map((child) => ({ runs: itemRuns(child, SUB_BULLET_WORDS), children: [] }))
    // Split an item whose sub-bullets would not fit on one slide into "(cont.)" parts.
    let part: BulletItem = { ...head, children: [] }
    let parts = 0
    const push = (): void => {
      const block: SlideBlock = { type: 'bullets', ordered: Boolean(list.ordered), start: (list.start ?? 1) + index, items: [part] }
      units.push({ ...flow(block, parts === 0 ? notes : '', rangeOf(item)) })
      parts++
    }
    for (const child of children) {
      const next: BulletItem = { ...part, children: [...part.children, child] }
      const size = measureBlock({ type: 'bullets', ordered: false, start: 1, items: [next] })
      if (part.children.length && (size.words + context.titleWords > budget.words || size.lines > budget.lines)) {
        push()
        part = { runs: [...head.runs, { text: ' (cont.)' }], children: [child] }
      } else {
        part = next
      }
    }
    push()
  })
  return units
}

function codeUnits(value: string, lang: string, context: UnitContext, range: LineRange | undefined): Unit[] {
  const notes = `${fenceFor(value)}${lang}\n${value}\n${fenceFor(value)}`
  if (lang.trim().toLowerCase() === 'mermaid') {
    const block: SlideBlock = { type: 'mermaid', value }
    return [{ kind: 'solo', block, size: measureBlock(block), notes, range }]
  }
  const { budget, maxCodeLines } = context.options
  // Long lines wrap on the slide: cut them into rows of what fits, so parts are sized by what shows.
  const source = value.split('\n')
  const rows: Array<{ text: string; line: number }> = source.flatMap((line, index) => {
    const chars = [...line]
    if (chars.length <= CODE_CHARS_PER_LINE) return [{ text: line, line: index }]
    const cut: Array<{ text: string; line: number }> = []
    for (let i = 0; i < chars.length; i += CODE_CHARS_PER_LINE) cut.push({ text: chars.slice(i, i + CODE_CHARS_PER_LINE).join(''), line: index })
    return cut
  })
  const fits = (from: number, to: number): boolean =>
    to - from <= maxCodeLines &&
    visibleWords(rows.slice(from, to).map((row) => row.text).join('\n')) + context.titleWords <= budget.words
  const units: Unit[] = balancedParts(rows.length, fits).map(([from, to]) => {
    const part = rows.slice(from, to).map((row) => row.text).join('\n')
    // The notes hold the whole source lines this part shows (a cut line appears whole).
    const first = rows[from].line
    const last = rows[to - 1].line
    const original = source.slice(first, last + 1).join('\n')
    const fence = fenceFor(original)
    const block: SlideBlock = { type: 'code', lang, value: part }
    return {
      kind: 'solo',
      block,
      size: measureBlock(block),
      notes: `${fence}${lang}\n${original}\n${fence}`,
      range: range && { start: range.start + 1 + first, end: Math.min(range.end, range.start + 1 + last) },
    }
  })
  if (units.length === 1) units[0].notes = notes
  return units
}

function tableUnits(table: Table, context: UnitContext): Unit[] {
  const columns = Math.max(0, ...table.children.map((row) => row.children.length))
  if (columns > MAX_TABLE_COLUMNS) {
    // Column groups: the first column (usually the row's name) and up to four more, side by side.
    const units: Unit[] = []
    for (let from = 1; from < columns; from += MAX_TABLE_COLUMNS - 1) {
      const keep = (cells: TableRow['children']): TableRow['children'] => [cells[0], ...cells.slice(from, from + MAX_TABLE_COLUMNS - 1)].filter(Boolean)
      const part: Table = {
        ...table,
        align: table.align ? [table.align[0], ...table.align.slice(from, from + MAX_TABLE_COLUMNS - 1)] : table.align,
        children: table.children.map((row) => ({ ...row, children: keep(row.children) })),
      }
      units.push(...tableUnits(part, context))
    }
    return units
  }
  const [head, ...body] = table.children
  const cell = (runs: Run[]): Run[] => (countWords(runsText(runs)) > TABLE_CELL_WORDS ? gist(runs, TABLE_CELL_WORDS) : runs)
  const header = head ? head.children.map((c) => cell(toRuns(c.children))) : []
  const align = table.align ?? []
  const { budget, maxTableRows } = context.options
  const units: Unit[] = []
  let start = 0
  do {
    let end = start + 1
    const blockFor = (from: number, to: number): SlideBlock => ({
      type: 'table',
      align,
      header,
      rows: body.slice(from, to).map((row) => row.children.map((c) => cell(toRuns(c.children)))),
    })
    while (end < body.length && end - start < maxTableRows) {
      const size = measureBlock(blockFor(start, end + 1))
      if (size.words + context.titleWords > budget.words || size.lines > budget.lines) break
      end++
    }
    end = Math.min(end, Math.max(body.length, start + 1))
    const rows = body.slice(start, end)
    const partTable: Table = { type: 'table', align, children: head ? [head, ...rows] : rows }
    const first = rows[0] ?? head
    const last = rows[rows.length - 1] ?? head
    const block = blockFor(start, end)
    units.push({
      kind: 'solo',
      block,
      size: measureBlock(block),
      notes: notesFor(partTable),
      range: first?.position && last?.position ? { start: first.position.start.line, end: last.position.end.line } : rangeOf(table),
    })
    start = end
  } while (start < body.length)
  return units
}

export function rangeOf(node: Nodes): LineRange | undefined {
  return node.position ? { start: node.position.start.line, end: node.position.end.line } : undefined
}
