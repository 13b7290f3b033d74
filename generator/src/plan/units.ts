import type { Image, List, ListItem, Nodes, Paragraph, RootContent, Table } from 'mdast'
import type { VFile } from 'vfile'
import type { BulletItem, LineRange, PlanOptions, SlideBlock } from '../types.js'
import { countWords, firstSentenceRuns, runsText, sentences, toRuns, truncateRuns } from '../text.js'
import { fenceFor, notesFor } from './notes.js'

/** Longest text a bullet shows before it is cut (the full text stays in the notes). */
export const BULLET_WORDS = 22

/**
 * A piece of a slide: what it shows, how much room it takes, and the notes it carries.
 * `flow` units share a slide; `solo` units (code, tables, images) get slides of their own.
 */
export interface Unit {
  kind: 'flow' | 'solo' | 'notes-only'
  block?: SlideBlock
  /** Visible lines (bullets) the unit takes on a slide. */
  weight: number
  notes: string
  lines?: LineRange
}

/** Break one block of the note into units. */
export function unitsFor(node: RootContent, options: PlanOptions, file: VFile): Unit[] {
  const lines = rangeOf(node)
  switch (node.type) {
    case 'paragraph':
      return paragraphUnits(node, options, file)
    case 'list':
      return listUnits(node, options)
    case 'code':
      return codeUnits(node.value, node.lang ?? '', options, lines, notesFor(node))
    case 'table':
      return tableUnits(node, options)
    case 'blockquote': {
      const runs = toRuns(node.children.flatMap((child) => (child.type === 'paragraph' ? child.children : [])))
      const shown = shorten(runs)
      return [{ kind: 'flow', block: { type: 'quote', runs: shown }, weight: 2, notes: notesFor(node), lines }]
    }
    case 'html': {
      const runs = [{ text: node.value.replace(/\s+/g, ' ').trim() }]
      return [{ kind: 'flow', block: { type: 'paragraph', runs: truncateRuns(runs, BULLET_WORDS) }, weight: 1, notes: notesFor(node), lines }]
    }
    case 'thematicBreak':
      return []
    case 'heading':
      return [{ kind: 'flow', block: { type: 'heading', runs: toRuns(node.children) }, weight: 1, notes: notesFor(node), lines }]
    default:
      return [{ kind: 'notes-only', weight: 0, notes: notesFor(node), lines }]
  }
}

function paragraphUnits(node: Paragraph, options: PlanOptions, file: VFile): Unit[] {
  const lines = rangeOf(node)
  const images = node.children.filter((child): child is Image => child.type === 'image')
  const textChildren = node.children.filter((child) => child.type !== 'image')
  const units: Unit[] = []
  const runs = toRuns(textChildren)
  if (runsText(runs).trim()) {
    const shown = shorten(runs)
    const weight = countWords(runsText(shown)) > 14 ? 2 : 1
    units.push({ kind: 'flow', block: { type: 'paragraph', runs: shown }, weight, notes: notesFor(node), lines })
  }
  for (const image of images) {
    units.push(imageUnit(image, options, file, units.length === 0 ? notesFor(node) : ''))
  }
  return units
}

function imageUnit(image: Image, options: PlanOptions, file: VFile, notes: string): Unit {
  const alt = image.alt ?? ''
  const resolution = options.assets.get(image.url) ?? { status: 'missing', reason: 'not resolved' }
  const lines = rangeOf(image)
  const imageNotes = notes || `Image: ${alt} (${image.url})`
  if (resolution.status === 'ok') {
    return { kind: 'solo', block: { type: 'image', src: resolution.deckPath, alt }, weight: 6, notes: imageNotes, lines }
  }
  file.message(`image \`${image.url}\` is not shown: ${resolution.reason}; the slide shows its alt text and path instead`, {
    place: image.position,
    ruleId: 'image',
    source: 'lectern',
  })
  return {
    kind: 'solo',
    block: { type: 'missing-image', alt, url: image.url, reason: resolution.reason },
    weight: 6,
    notes: imageNotes,
    lines,
  }
}

/** What a slide shows of a paragraph: its first sentence, cut to a bullet's length. */
function shorten(runs: ReturnType<typeof toRuns>): ReturnType<typeof toRuns> {
  const text = runsText(runs)
  if (countWords(text) <= BULLET_WORDS && sentences(text).length <= 1) return runs
  const first = firstSentenceRuns(runs)
  return countWords(runsText(first)) > BULLET_WORDS ? truncateRuns(first, BULLET_WORDS) : first
}

function itemRuns(item: ListItem): ReturnType<typeof toRuns> {
  const first = item.children[0]
  if (first && first.type === 'paragraph') return shorten(toRuns(first.children.filter((c) => c.type !== 'image')))
  if (first && first.type !== 'list') return truncateRuns([{ text: notesFor(first).replace(/\s+/g, ' ') }], BULLET_WORDS)
  return []
}

/** A bullet with its sub-bullets; anything deeper than two levels is folded into the second. */
function bulletFor(item: ListItem, depth: number, budget: number): { bullet: BulletItem; weight: number } {
  const bullet: BulletItem = { runs: itemRuns(item), children: [] }
  let weight = 1
  const nested = item.children.filter((child): child is List => child.type === 'list')
  const childItems = depth >= 2 ? [] : nested.flatMap((list) => flattenItems(list, depth + 1))
  for (const child of childItems) {
    if (weight >= budget) break
    bullet.children.push({ runs: itemRuns(child), children: [] })
    weight++
  }
  return { bullet, weight }
}

function flattenItems(list: List, depth: number): ListItem[] {
  // Two visible levels at most: grandchildren are shown as siblings of their parent.
  if (depth < 2) return list.children
  return list.children.flatMap((item) => [
    item,
    ...item.children.filter((c): c is List => c.type === 'list').flatMap((l) => flattenItems(l, depth)),
  ])
}

function listUnits(list: List, options: PlanOptions): Unit[] {
  return list.children.map((item, index) => {
    const { bullet, weight } = bulletFor(item, 1, options.maxBullets)
    const block: SlideBlock = {
      type: 'bullets',
      ordered: Boolean(list.ordered),
      start: (list.start ?? 1) + index,
      items: [bullet],
    }
    const marker = list.ordered ? `${(list.start ?? 1) + index}. ` : '- '
    const notes = marker + notesFor(item).replace(/^- /, '')
    return { kind: 'flow', block, weight, notes, lines: rangeOf(item) } satisfies Unit
  })
}

function codeUnits(value: string, lang: string, options: PlanOptions, lines: LineRange | undefined, notes: string): Unit[] {
  if (lang.trim().toLowerCase() === 'mermaid') {
    return [{ kind: 'solo', block: { type: 'mermaid', value }, weight: 6, notes, lines }]
  }
  const codeLines = value.split('\n')
  const units: Unit[] = []
  for (let i = 0; i < codeLines.length; i += options.maxCodeLines) {
    const part = codeLines.slice(i, i + options.maxCodeLines).join('\n')
    const fence = fenceFor(part)
    units.push({
      kind: 'solo',
      block: { type: 'code', lang, value: part },
      weight: 6,
      notes: `${fence}${lang}\n${part}\n${fence}`,
      lines: lines && { start: lines.start + 1 + i, end: Math.min(lines.end, lines.start + i + options.maxCodeLines) },
    })
  }
  return units
}

function tableUnits(table: Table, options: PlanOptions): Unit[] {
  const [head, ...body] = table.children
  const header = head ? head.children.map((cell) => toRuns(cell.children)) : []
  const align = table.align ?? []
  const units: Unit[] = []
  const chunks = Math.max(1, Math.ceil(body.length / options.maxTableRows))
  for (let c = 0; c < chunks; c++) {
    const rows = body.slice(c * options.maxTableRows, (c + 1) * options.maxTableRows)
    const partTable: Table = { type: 'table', align, children: head ? [head, ...rows] : rows }
    const first = rows[0] ?? head
    const last = rows[rows.length - 1] ?? head
    units.push({
      kind: 'solo',
      block: { type: 'table', align, header, rows: rows.map((row) => row.children.map((cell) => toRuns(cell.children))) },
      weight: 6,
      notes: notesFor(partTable),
      lines: first?.position && last?.position ? { start: first.position.start.line, end: last.position.end.line } : rangeOf(table),
    })
  }
  return units
}

export function rangeOf(node: Nodes): LineRange | undefined {
  return node.position ? { start: node.position.start.line, end: node.position.end.line } : undefined
}
