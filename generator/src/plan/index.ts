import type { RootContent } from 'mdast'
import type { VFile } from 'vfile'
import type { Diagram, LineRange, Outline, PlanOptions, Run, Section, SlideBlock, SlidePlan } from '../types.js'
import { countWords, runsText, toRuns, visibleWords } from '../text.js'
import { unitsForBlocks, type Unit, type UnitContext } from './units.js'
import { balancedParts, measureBlock, measureBlocks } from './measure.js'
import { findComparison, type Comparison } from './compare.js'
import { findContrast, headingPair } from './contrast.js'
import { findGroups, findKinds } from './diagrams/structure.js'
import { notesFor } from './notes.js'
import { condenseParagraph, splitSentences } from './condense.js'
import { addTimings } from './timing.js'
import { titleSlides } from './titles.js'

export const defaultPlanOptions: Omit<PlanOptions, 'assets'> = {
  budget: { words: 60, lines: 7 },
  diagrams: true,
  skip: [],
  maxTableRows: 8,
  maxCodeLines: 16,
}

/**
 * Words held back from every slide's budget: the page number in the corner ("12 / 34" is three
 * tokens when split on white space) and a margin of two for the ways word counts differ (our
 * fast count and Intl.Segmenter disagree on things like `io-2023.key`).
 */
const FOOTER_WORDS = 5

/**
 * Decide the slides of a talk from a note's outline: cover, agenda, a section slide per
 * top-level section, content slides within the density budget (prose condensed to short
 * bullets, definitions and comparisons as tables), code/tables/images on their own slides,
 * key takeaways, and an end slide. Every slide's notes carry the full text it stands for.
 */
export function planSlides(outline: Outline, options: PlanOptions, file: VFile): SlidePlan[] {
  let groups = 0
  const slides: SlidePlan[] = [coverSlide(outline)]
  const pending: string[] = []
  const context = (title: string, heading = title): UnitContext => ({
    options,
    file,
    // Parts after the first are titled "… (cont.)": count that word too.
    titleWords: visibleWords(`${title} (cont.)`) + FOOTER_WORDS,
    heading,
    nextGroup: () => ++groups,
  })

  const addContent = (title: string, units: Unit[], fallback: LineRange): void => {
    // Nothing to show (tags, navigation lines, an image that cannot be shown): the notes join the slide before.
    if (units.length && slides.length && units.every((unit) => unit.kind === 'notes-only')) {
      const last = slides[slides.length - 1]
      last.notes = [last.notes, ...pending.splice(0), ...units.map((unit) => unit.notes)].filter(Boolean).join('\n\n')
      return
    }
    for (const slide of packUnits(title, units, options, fallback)) {
      if (pending.length) slide.notes = [...pending.splice(0), slide.notes].filter(Boolean).join('\n\n')
      slides.push(slide)
    }
  }

  if (outline.preamble.length) {
    const title = 'Introduction'
    addContent(title, unitsForBlocks(outline.preamble, context(title)), { start: 1, end: 1 })
  }

  const skipped = (section: Section): boolean => options.skip.includes(section.title.trim().toLowerCase())
  /** A skipped section leaves the slides, not the talk: its text joins the previous slide's notes. */
  const skipSection = (section: Section): void => {
    const last = slides[slides.length - 1]
    last.notes = [last.notes, `(Skipped on the slides: ${section.title})`, sectionText(section)].filter(Boolean).join('\n\n')
  }
  const shownSections = outline.sections.filter((section) => !skipped(section))
  slides.push(...agendaSlides({ ...outline, sections: shownSections }, options))

  const total = shownSections.length
  let index = -1
  // Top-level sections that share aspects ("The demand curve" / "The supply curve") make one table after the last of them.
  const note: Section = { depth: 0, title: outline.title, blocks: [], children: shownSections, lines: { start: 1, end: outline.lineCount }, headingLine: 1 }
  const topComparison = findComparison(note)
  outline.sections.forEach((section) => {
    if (skipped(section)) return skipSection(section)
    index++
    slides.push({
      kind: 'section',
      layout: 'section',
      title: section.title,
      kicker: total > 1 ? `Part ${index + 1} of ${total}` : undefined,
      body: [],
      notes: section.title,
      lines: { start: section.headingLine, end: section.headingLine },
    })
    const visit = (current: Section, isTop: boolean, consumed: Set<RootContent>): void => {
      const before = slides.length
      const comparison = findComparison(current)
      const inner = new Set([...consumed, ...(comparison?.consumed ?? [])])
      const blocks = current.blocks.filter((block) => !inner.has(block))
      const units = unitsForBlocks(blocks, context(current.title))
      // A heading whose blocks all went into a comparison table is named in the table's notes.
      const tabled = current.blocks.length > 0 && blocks.length === 0
      if (!isTop && !tabled && !units.some((unit) => unit.kind !== 'notes-only')) pending.push(current.title)
      if (units.length) addContent(current.title, units, { start: current.headingLine, end: current.headingLine })
      if (comparison) addComparison(comparison, current)
      if (options.diagrams) addStructureDiagrams(current)
      for (const child of current.children) {
        if (skipped(child)) skipSection(child)
        else visit(child, false, inner)
      }
      // Contrasts written as sentences ("A …, whereas B …", or a "Git vs GitHub" section in
      // prose) make a table at the end of the section, unless it already has a comparison table.
      if ((isTop || headingPair(current.title)) && !slides.slice(before).some((slide) => slide.kind === 'comparison')) {
        const contrast = findContrast(current)
        if (contrast) addComparison({ title: contrast.block.subjects.join(' vs '), block: contrast.block, notes: contrast.notes, consumed: new Set() }, current)
      }
    }
    visit(section, true, topComparison?.consumed ?? new Set())
    if (topComparison?.sections?.at(-1) === section) addComparison(topComparison, note)
  })

  if (!slides.some((slide) => slide.kind === 'comparison')) {
    // Contrasts spread over the whole note still make one table, before the takeaways.
    const whole: Section = { depth: 0, title: outline.title, blocks: outline.preamble, children: shownSections, lines: { start: 1, end: outline.lineCount }, headingLine: 1 }
    const contrast = findContrast(whole)
    if (contrast) addComparison({ title: contrast.block.subjects.join(' vs '), block: contrast.block, notes: contrast.notes, consumed: new Set() }, whole)
  }

  /** Diagrams of a section's structure: roles with their components, or kinds of one thing. */
  function addStructureDiagrams(section: Section): void {
    const groups = findGroups(section)
    const kinds = groups ? undefined : findKinds(section)
    if (!groups && !kinds) return
    const diagram: Diagram = groups ? { kind: 'groups', groups } : { kind: 'tree', root: section.title, children: kinds! }
    const names = groups ? groups.map((g) => `${g.name}: ${g.nodes.join(', ')}`) : kinds!
    const notes = `${section.title}: ${names.join('; ')}.`
    slides.push({
      kind: 'diagram',
      layout: 'diagram',
      title: section.title,
      body: [{ type: 'diagram', diagram }],
      notes: pending.length ? [...pending.splice(0), notes].join('\n\n') : notes,
      lines: { ...section.lines },
    })
  }

  function addComparison(comparison: Comparison, section: Section): void {
    const title = comparison.title
    const { rows } = comparison.block
    const titleWords = visibleWords(title) + FOOTER_WORDS
    const parts = balancedParts(rows.length, (from, to) => {
      const size = measureBlock({ ...comparison.block, rows: rows.slice(from, to) })
      return size.words + titleWords <= options.budget.words && size.lines <= options.budget.lines
    })
    parts.forEach(([start, end], part) => {
      const notes = part === 0 ? comparison.notes : 'The comparison continues (the full text is in the notes of the first part).'
      slides.push({
        kind: 'comparison',
        layout: 'comparison',
        title: part === 0 ? title : `${title} (cont.)`,
        body: [{ ...comparison.block, rows: rows.slice(start, end) }],
        notes: pending.length ? [...pending.splice(0), notes].join('\n\n') : notes,
        lines: { ...section.lines },
      })
    })
  }

  if (pending.length) {
    // Headings with nothing under them at the very end: keep them on a slide of their own.
    slides.push({
      kind: 'content',
      layout: 'default',
      title: pending[0],
      body: pending.slice(1).map((text) => ({ type: 'paragraph', runs: [{ text }] })),
      notes: pending.splice(0).join('\n\n'),
      lines: { start: outline.lineCount, end: outline.lineCount },
    })
  }

  slides.push(...takeawaySlides({ ...outline, sections: shownSections }, options))
  slides.push(endSlide(outline))
  return addTimings(titleSlides(slides))
}

/** All the text of a section: its heading, its blocks and its subsections, as notes. */
function sectionText(section: Section): string {
  return [section.title, ...section.blocks.map((block) => notesFor(block)), ...section.children.map(sectionText)]
    .filter((text) => text.trim())
    .join('\n\n')
}

function coverSlide(outline: Outline): SlidePlan {
  const { meta } = outline
  const body: SlideBlock[] = [{ type: 'heading', runs: [{ text: outline.title }] }]
  // A `#` heading that differs from the frontmatter title reads as the subtitle (and is never lost).
  const subtitle = meta.subtitle ?? outline.headingTitle ?? firstSentence(outline.preamble)
  if (subtitle) body.push({ type: 'paragraph', runs: [{ text: subtitle }] })
  const byline = [meta.author, meta.date].filter(Boolean).join(' · ')
  if (byline) body.push({ type: 'paragraph', runs: [{ text: byline }] })
  const heading = outline.headingTitle && outline.headingTitle !== subtitle ? outline.headingTitle : undefined
  const notes = [outline.title, subtitle, heading, byline].filter(Boolean).join('\n\n')
  return { kind: 'cover', layout: 'cover', title: outline.title, body, notes, lines: { start: 1, end: 1 } }
}

function firstSentence(blocks: RootContent[]): string | undefined {
  const paragraph = blocks.find((block) => block.type === 'paragraph')
  if (!paragraph || paragraph.type !== 'paragraph') return undefined
  const first = splitSentences(toRuns(paragraph.children))[0]
  const text = first ? runsText(first) : ''
  return text && countWords(text) <= 25 ? text : undefined
}

function agendaSlides(outline: Outline, options: PlanOptions): SlidePlan[] {
  if (outline.sections.length < 2) return []
  const titles = outline.sections.map((section) => section.title)
  // Up to twice the line budget fits in two columns; longer agendas continue on another slide.
  const perSlide = Math.max(1, options.budget.lines * 2)
  const slides: SlidePlan[] = []
  for (let i = 0; i < titles.length; i += perSlide) {
    const part = titles.slice(i, i + perSlide)
    slides.push({
      kind: 'agenda',
      layout: 'default',
      title: i === 0 ? 'Agenda' : 'Agenda (cont.)',
      body: [
        {
          type: 'bullets',
          ordered: true,
          start: i + 1,
          columns: part.length > options.budget.lines ? 2 : 1,
          items: part.map((text) => ({ runs: [{ text }], children: [] })),
        },
      ],
      notes: `The talk has ${titles.length} parts: ${titles.join('; ')}.`,
      lines: { start: 1, end: outline.lineCount },
    })
  }
  return slides
}

/** The leading point of a section: the key sentence of its first paragraph or bullet. */
function leadingPoint(section: Section): { runs: Run[]; source: string } | undefined {
  const search = (current: Section): { runs: Run[]; source: string } | undefined => {
    for (const block of current.blocks) {
      if (block.type === 'paragraph' || block.type === 'list') {
        const paragraph =
          block.type === 'paragraph' ? block : block.children[0]?.children.find((child) => child.type === 'paragraph')
        if (!paragraph || paragraph.type !== 'paragraph') continue
        const runs = toRuns(paragraph.children)
        const first = splitSentences(runs)[0]
        if (!first) continue
        const shown = condenseParagraph(first, 12)[0]
        if (shown?.length) return { runs: shown, source: runsText(first) }
      }
    }
    for (const child of current.children) {
      const found = search(child)
      if (found) return found
    }
    return undefined
  }
  return search(section)
}

function takeawaySlides(outline: Outline, options: PlanOptions): SlidePlan[] {
  const points = outline.sections
    .map((section) => ({ section, point: leadingPoint(section) }))
    .filter((entry): entry is { section: Section; point: { runs: Run[]; source: string } } => Boolean(entry.point))
  if (!points.length) return []
  const titleWords = visibleWords('Key takeaways (cont.)') + FOOTER_WORDS
  const bulletsOf = (entries: typeof points): SlideBlock => ({
    type: 'bullets',
    ordered: false,
    start: 1,
    items: entries.map((entry) => ({ runs: entry.point.runs, children: [] })),
  })
  const parts = balancedParts(points.length, (from, to) => {
    const size = measureBlock(bulletsOf(points.slice(from, to)))
    return size.words + titleWords <= options.budget.words && size.lines <= options.budget.lines
  })
  return parts.map(([from, to], index) => {
    const part = points.slice(from, to)
    return {
      kind: 'takeaways',
      layout: 'takeaways',
      title: index ? 'Key takeaways (cont.)' : 'Key takeaways',
      body: [bulletsOf(part)],
      notes: part.map((entry) => `${entry.section.title}: ${entry.point.source}`).join('\n\n'),
      lines: { start: part[0].section.lines.start, end: part[part.length - 1].section.lines.end },
    }
  })
}

function endSlide(outline: Outline): SlidePlan {
  return {
    kind: 'end',
    layout: 'end',
    title: 'Questions?',
    body: [
      { type: 'heading', runs: [{ text: 'Questions?' }] },
      { type: 'paragraph', runs: [{ text: outline.title }] },
    ],
    notes: `End of the talk "${outline.title}". Thank the audience and take questions.`,
    lines: { start: outline.lineCount, end: outline.lineCount },
  }
}

/**
 * Pack units onto slides within the budget: flow units share a slide; a group (a run of
 * definitions) shares slides only with itself; solo units stand alone. A run that needs several
 * slides is split evenly (4 + 3, not 6 + 1).
 */
function packUnits(title: string, units: Unit[], options: PlanOptions, fallback: LineRange): SlidePlan[] {
  const slides: SlidePlan[] = []
  const titleWords = visibleWords(`${title} (cont.)`) + FOOTER_WORDS
  let layout: 'two-cols' | 'default' = 'default'
  const push = (slideUnits: Unit[]): void => {
    if (!slideUnits.length) return
    const slide = slideOf(title, slideUnits, fallback, slides.length > 0)
    if (layout === 'two-cols' && slide.kind === 'content') toTwoColumns(slide)
    slides.push(slide)
  }
  let run: Unit[] = []
  let runGroup: number | undefined
  const flushRun = (): void => {
    const shown = run.filter((unit) => unit.kind !== 'notes-only')
    if (!shown.length) {
      if (run.length && slides.length) for (const unit of run) attachNotes(slides[slides.length - 1], unit)
      else push(run)
      run = []
      return
    }
    // Two columns hold twice the lines of one.
    const lines = layout === 'two-cols' ? options.budget.lines * 2 : options.budget.lines
    const fits = (from: number, to: number): boolean => {
      // Measure the merged body: a run of definitions shares one table header.
      const size = measureBlocks(mergeBlocks(shown.slice(from, to)))
      return size.words + titleWords <= options.budget.words && size.lines <= lines
    }
    // Notes-only units travel with the shown unit before them (or the first one).
    const owner = new Map<Unit, Unit[]>()
    let last: Unit | undefined
    const leading: Unit[] = []
    for (const unit of run) {
      if (unit.kind !== 'notes-only') {
        last = unit
        owner.set(unit, [unit])
      } else if (last) owner.get(last)!.push(unit)
      else leading.push(unit)
    }
    balancedParts(shown.length, fits).forEach(([from, to], index) => {
      const slideUnits = shown.slice(from, to).flatMap((unit) => owner.get(unit)!)
      push(index === 0 ? [...leading, ...slideUnits] : slideUnits)
    })
    run = []
  }
  for (const unit of units) {
    if (unit.kind === 'break') {
      // `<!-- slide: break -->`: what follows starts a new slide.
      flushRun()
      continue
    }
    if (unit.kind === 'layout') {
      flushRun()
      layout = unit.layout ?? 'default'
      continue
    }
    if (unit.kind === 'solo') {
      flushRun()
      push([unit])
      continue
    }
    if (unit.kind !== 'notes-only') {
      const group = unit.kind === 'group' ? unit.group : undefined
      if (run.some((u) => u.kind !== 'notes-only') && group !== runGroup) flushRun()
      runGroup = group
    }
    run.push(unit)
  }
  flushRun()
  return slides
}

/** Lay a content slide out in two columns: its blocks (or one list's items) split in halves. */
function toTwoColumns(slide: SlidePlan): void {
  let body = slide.body
  if (body.length === 1 && body[0].type === 'bullets' && body[0].items.length > 1) {
    const list = body[0]
    const half = Math.ceil(list.items.length / 2)
    body = [
      { ...list, items: list.items.slice(0, half) },
      { ...list, start: list.start + half, items: list.items.slice(half) },
    ]
  }
  if (body.length < 2) return
  slide.body = body
  slide.layout = 'two-cols'
  slide.rightFrom = Math.ceil(body.length / 2)
}

function attachNotes(slide: SlidePlan, unit: Unit): void {
  slide.notes = [slide.notes, unit.notes].filter(Boolean).join('\n\n')
  if (unit.range) slide.lines = mergeLines(slide.lines, unit.range)
}

/** The blocks of units as a slide shows them: neighbouring bullets and definitions merge. */
function mergeBlocks(units: Unit[]): SlideBlock[] {
  const body: SlideBlock[] = []
  for (const unit of units) {
    if (!unit.block) continue
    const previous = body[body.length - 1]
    const block = unit.block
    if (
      block.type === 'bullets' &&
      previous?.type === 'bullets' &&
      previous.ordered === block.ordered &&
      (!block.ordered || previous.start + previous.items.length === block.start)
    ) {
      previous.items.push(...block.items)
    } else if (block.type === 'definitions' && previous?.type === 'definitions') {
      previous.items.push(...block.items)
    } else if (block.type === 'bullets' || block.type === 'definitions') {
      body.push({ ...block, items: [...block.items] } as SlideBlock)
    } else {
      body.push(block)
    }
  }
  return body
}

function slideOf(title: string, units: Unit[], fallback: LineRange, continued: boolean): SlidePlan {
  const body = mergeBlocks(units)
  const solo = units.length === 1 ? units[0].block?.type : undefined
  const kind = kindOf(units.length === 1 ? units[0].block?.type : undefined, body)
  let lines: LineRange | undefined
  for (const unit of units) if (unit.range) lines = lines ? mergeLines(lines, unit.range) : { ...unit.range }
  return {
    kind,
    layout: layoutOf(kind),
    title: continued ? `${title} (cont.)` : title,
    body,
    notes: units
      .map((unit) => unit.notes)
      .filter(Boolean)
      .join('\n\n'),
    lines: lines ?? { ...fallback },
  }
}

function kindOf(solo: SlideBlock['type'] | undefined, body: SlideBlock[]): SlidePlan['kind'] {
  if (solo === 'diagram' || solo === 'mermaid') return 'diagram'
  if (solo === 'code') return 'code'
  if (solo === 'table') return 'table'
  if (solo === 'image' || solo === 'missing-image') return 'image'
  if (body.length > 0 && body.every((block) => block.type === 'definitions')) return 'definitions'
  return 'content'
}

/** The theme layout for a kind of slide. */
export function layoutOf(kind: SlidePlan['kind']): SlidePlan['layout'] {
  switch (kind) {
    case 'cover':
    case 'section':
    case 'end':
    case 'diagram':
    case 'comparison':
    case 'takeaways':
      return kind
    default:
      return 'default'
  }
}

function mergeLines(a: LineRange, b: LineRange): LineRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) }
}

