import type { VFile } from 'vfile'
import type { LineRange, Outline, PlanOptions, Section, SlideBlock, SlidePlan } from '../types.js'
import { unitsFor, type Unit } from './units.js'

export const defaultPlanOptions: Omit<PlanOptions, 'assets'> = {
  maxBullets: 6,
  maxTableRows: 8,
  maxCodeLines: 16,
}

/**
 * Decide the slides of a talk from a note's outline: cover, a section slide per top-level
 * section, content slides of at most `maxBullets` bullets, code/tables/images on their own
 * slides, and an end slide. Every slide's notes carry the full text of what it stands for.
 */
export function planSlides(outline: Outline, options: PlanOptions, file: VFile): SlidePlan[] {
  const slides: SlidePlan[] = [coverSlide(outline)]
  const pending: string[] = []

  const addContent = (title: string, units: Unit[], fallbackLines: LineRange): void => {
    for (const slide of packUnits(title, units, options, fallbackLines)) {
      if (pending.length) slide.notes = [...pending.splice(0), slide.notes].filter(Boolean).join('\n\n')
      slides.push(slide)
    }
  }

  if (outline.preamble.length) {
    const units = outline.preamble.flatMap((block) => unitsFor(block, options, file))
    addContent(outline.title, units, { start: 1, end: 1 })
  }

  const total = outline.sections.length
  outline.sections.forEach((section, index) => {
    slides.push({
      kind: 'section',
      layout: 'section',
      title: section.title,
      kicker: total > 1 ? `Part ${index + 1} of ${total}` : undefined,
      body: [],
      notes: section.title,
      lines: { ...section.lines },
    })
    const visit = (current: Section, isTop: boolean): void => {
      const units = current.blocks.flatMap((block) => unitsFor(block, options, file))
      if (!isTop && !units.some((unit) => unit.kind !== 'notes-only')) pending.push(current.title)
      if (units.length) addContent(current.title, units, { start: current.headingLine, end: current.headingLine })
      for (const child of current.children) visit(child, false)
    }
    visit(section, true)
  })

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

  slides.push(endSlide(outline))
  return slides
}

function coverSlide(outline: Outline): SlidePlan {
  const { meta } = outline
  const body: SlideBlock[] = [{ type: 'heading', runs: [{ text: outline.title }] }]
  if (meta.subtitle) body.push({ type: 'paragraph', runs: [{ text: meta.subtitle }] })
  const byline = [meta.author, meta.date].filter(Boolean).join(' · ')
  if (byline) body.push({ type: 'paragraph', runs: [{ text: byline }] })
  const notes = [outline.title, meta.subtitle, byline].filter(Boolean).join('\n\n')
  return { kind: 'cover', layout: 'cover', title: outline.title, body, notes, lines: { start: 1, end: 1 } }
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

/** Pack units onto slides: flow units share a slide up to the bullet budget; solo units stand alone. */
function packUnits(title: string, units: Unit[], options: PlanOptions, fallbackLines: LineRange): SlidePlan[] {
  const slides: SlidePlan[] = []
  let current: Unit[] = []
  let weight = 0

  const flush = (): void => {
    if (!current.length) return
    slides.push(slideOf(title, current, fallbackLines, slides.length > 0))
    current = []
    weight = 0
  }

  for (const unit of units) {
    if (unit.kind === 'notes-only') {
      if (current.length || !slides.length) current.push(unit)
      else attachNotes(slides[slides.length - 1], unit)
      continue
    }
    if (unit.kind === 'solo') {
      flush()
      slides.push(slideOf(title, [unit], fallbackLines, slides.length > 0))
      continue
    }
    if (weight + unit.weight > options.maxBullets && weight > 0) flush()
    current.push(unit)
    weight += unit.weight
  }
  flush()
  return slides
}

function attachNotes(slide: SlidePlan, unit: Unit): void {
  slide.notes = [slide.notes, unit.notes].filter(Boolean).join('\n\n')
  if (unit.lines) slide.lines = mergeLines(slide.lines, unit.lines)
}

function slideOf(title: string, units: Unit[], fallbackLines: LineRange, continued: boolean): SlidePlan {
  const body: SlideBlock[] = []
  for (const unit of units) {
    if (!unit.block) continue
    const previous = body[body.length - 1]
    // Consecutive items of one list become one list again.
    if (
      unit.block.type === 'bullets' &&
      previous?.type === 'bullets' &&
      previous.ordered === unit.block.ordered &&
      previous.start + previous.items.length === unit.block.start
    ) {
      previous.items.push(...unit.block.items)
    } else {
      body.push(unit.block.type === 'bullets' ? { ...unit.block, items: [...unit.block.items] } : unit.block)
    }
  }
  const solo = units.length === 1 ? units[0].block?.type : undefined
  const kind = solo === 'code' || solo === 'mermaid' ? 'code' : solo === 'table' ? 'table' : solo === 'image' || solo === 'missing-image' ? 'image' : 'content'
  let lines: LineRange | undefined
  for (const unit of units) if (unit.lines) lines = lines ? mergeLines(lines, unit.lines) : { ...unit.lines }
  return {
    kind,
    layout: 'default',
    title: continued ? `${title} (cont.)` : title,
    body,
    notes: units
      .map((unit) => unit.notes)
      .filter(Boolean)
      .join('\n\n'),
    lines: lines ?? { ...fallbackLines },
  }
}

function mergeLines(a: LineRange, b: LineRange): LineRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) }
}
