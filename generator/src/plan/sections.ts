import type { RootContent } from 'mdast'
import type { VFile } from 'vfile'
import type { Diagram, Outline, PlanOptions, Run, Section, SlideBlock, SlidePlan } from '../types.js'
import { unitsForBlocks } from './units.js'
import { isShown, type UnitContext } from './unit.js'
import { partsWithin, fits, isThinBody, titleWords } from './budget.js'
import { findComparison, type Comparison } from './compare.js'
import { findContrast, headingPair } from './contrast.js'
import { findGroups, findKinds } from './diagrams/structure.js'
import { notesFor } from './notes.js'
import { packUnits } from './pack.js'
import { coverSlide } from './frame.js'
import { runsText } from '../text.js'

/**
 * What a section walk gives: slides; the titles of subsections that show nothing of their own
 * (`held`, for the notes of the slide that follows); and the text of skipped sections (`after`,
 * for the notes of the slide before). `attachHeldTitles` places both.
 */
export type Planned = { slide: SlidePlan } | { held: string } | { after: string }

/** Shared by every section's walk: the options, the file for messages, and definition-group numbers. */
export interface WalkContext {
  options: PlanOptions
  file: VFile
  nextGroup: () => number
}

/** Units context for content under `title`. */
export function unitContext(walk: WalkContext, title: string): UnitContext {
  return { options: walk.options, file: walk.file, titleWords: titleWords(title), heading: title, nextGroup: walk.nextGroup }
}

/** The note's text before its first section, as "Introduction" slides. */
export function planPreamble(outline: Outline, walk: WalkContext): Planned[] {
  if (!outline.preamble.length) return []
  const title = 'Introduction'
  const units = unitsForBlocks(outline.preamble, unitContext(walk, title))
  // Tags and navigation lines alone show nothing: their text joins the cover's notes.
  if (!units.some(isShown)) return [{ after: units.map((unit) => ('notes' in unit ? unit.notes : '')).filter(Boolean).join('\n\n') }]
  // The cover already shows the note's first sentence as its subtitle: the introduction does not repeat it.
  const subtitle = coverSlide(outline).body.slice(1).map((block) => ('runs' in block ? plainOf(runsText(block.runs)) : ''))
  return packUnits(title, units, walk.options, { start: 1, end: 1 }).map((slide): Planned => {
    const body = slide.body
      .map((block) => (block.type === 'bullets' ? { ...block, items: block.items.filter((item) => item.children.length || !subtitle.includes(plainOf(runsText(item.runs)))) } : block))
      .filter((block) => block.type !== 'bullets' || block.items.length)
    return body.length ? { slide: { ...slide, body } } : { after: slide.notes }
  })
}

/** Text compared without its closing mark or case. */
const plainOf = (text: string): string => text.trim().replace(/[.!?:;]+$/u, '').toLowerCase()

/** Whether frontmatter `skip` names a section. */
export function isSkipped(section: Section, options: PlanOptions): boolean {
  return options.skip.includes(section.title.trim().toLowerCase())
}

/** A skipped section leaves the slides, not the talk: its text goes to the notes of the slide before. */
export function skippedNotes(section: Section): string {
  return [`(Skipped on the slides: ${section.title})`, sectionText(section)].filter(Boolean).join('\n\n')
}

/**
 * One top-level section's slides: its divider, then (depth first) each section's content
 * slides, its comparison table and structure diagrams, and a contrast table from its prose.
 */
export function planSection(section: Section, part: { index: number; total: number }, walk: WalkContext, consumed: Set<RootContent> = new Set()): Planned[] {
  const out: Planned[] = [
    {
      slide: {
        kind: 'section',
        layout: 'section',
        title: section.title,
        kicker: part.total > 1 ? `Part ${part.index + 1} of ${part.total}` : undefined,
        body: [],
        notes: section.title,
        lines: { start: section.headingLine, end: section.headingLine },
      },
    },
  ]
  const visit = (current: Section, isTop: boolean, consumed: Set<RootContent>): void => {
    const before = out.length
    // A section's own blocks can go into its comparison table: find it first.
    const comparison = findComparison(current)
    const inner = new Set([...consumed, ...(comparison?.consumed ?? [])])
    const blocks = current.blocks.filter((block) => !inner.has(block))
    const units = unitsForBlocks(blocks, unitContext(walk, current.title))
    // A heading whose blocks all went into a comparison table is named in the table's notes.
    const tabled = current.blocks.length > 0 && blocks.length === 0
    if (!isTop && !tabled && !units.some((unit) => unit.kind !== 'notes-only')) out.push({ held: current.title })
    if (units.length && units.every((unit) => unit.kind === 'notes-only')) {
      // Nothing to show (tags, navigation lines, an image that cannot be shown): the notes join the slide before.
      out.push({ after: units.map((unit) => ('notes' in unit ? unit.notes : '')).filter(Boolean).join('\n\n') })
    } else if (units.length) for (const slide of packUnits(current.title, units, walk.options, { start: current.headingLine, end: current.headingLine })) out.push({ slide })
    if (comparison && !comparison.after) {
      // Slides that only restate the table (the definitions of its subjects) give way to it.
      const kept = withoutRows(out.slice(before), comparison.block)
      out.splice(before, out.length - before, ...kept.planned)
      const notes = [...kept.dropped, comparison.notes].filter(Boolean).join('\n\n')
      out.push(...comparisonSlides({ ...comparison, notes }, current, walk.options))
    }
    if (walk.options.diagrams) out.push(...structureSlides(current))
    for (const child of current.children) {
      if (isSkipped(child, walk.options)) out.push({ after: skippedNotes(child) })
      else visit(child, false, inner)
    }
    // A table that only repeats the subsections is shown only when it fits one slide.
    const after = comparison?.after ? comparisonSlides(comparison, current, walk.options) : []
    if (after.length === 1) out.push(...after)
    // Contrasts written as sentences ("A …, whereas B …", or an "A vs B" section in prose) make
    // a table at the end of the section, unless it already has a comparison table.
    const hasTable = out.slice(before).some((p) => 'slide' in p && p.slide.kind === 'comparison')
    if ((isTop || headingPair(current.title)) && !hasTable) {
      const contrast = findContrast(current)
      if (contrast) {
        // The table shows the contrast's sentences once: as bullets too, they would repeat it.
        const kept = withoutRows(out.slice(before), contrast.block)
        out.splice(before, out.length - before, ...kept.planned)
        const notes = [...kept.dropped, contrast.notes].filter(Boolean).join('\n\n')
        out.push(...comparisonSlides({ title: contrast.block.subjects.join(' vs '), block: contrast.block, notes, consumed: new Set() }, current, walk.options))
      }
    }
  }
  visit(section, true, consumed)
  return withDividerLine(out)
}

/** Most words of a section's opening line that its divider shows under the title. */
const DIVIDER_WORDS = 25

/**
 * A section that opens with one short line before the rest of its slides ("There can be several
 * answers: which one wins?", then its subsections) shows that line on its divider, under the
 * title, instead of on a slide that only leads into the next.
 * Note: the line stays whole (the theme sets it as the divider's subtitle), and the slide's notes
 * join the divider's, so nothing is lost; a section whose only slide is that line keeps it, and so
 * does a line that does not end a sentence (it leads into what follows).
 */
export function withDividerLine(planned: Planned[]): Planned[] {
  const [divider, first, ...rest] = planned
  if (!divider || !('slide' in divider) || divider.slide.kind !== 'section' || divider.slide.body.length) return planned
  if (!first || !('slide' in first) || first.slide.kind !== 'content' || !isThinBody(first.slide.body, DIVIDER_WORDS)) return planned
  if (!rest.some((item) => 'slide' in item)) return planned
  // Only a whole sentence: a line ending in ":" or "," leads into the slide after it and stays with it.
  if (!/[.!?。！？]["'’”)\]]*$/u.test(first.slide.notes.trim())) return planned
  const block = first.slide.body[0]
  const runs = block.type === 'paragraph' ? block.runs : block.type === 'bullets' ? block.items[0].runs : []
  const slide: SlidePlan = {
    ...divider.slide,
    body: [{ type: 'paragraph', runs }],
    notes: [divider.slide.notes, first.slide.notes].filter(Boolean).join('\n\n'),
    lines: { start: Math.min(divider.slide.lines.start, first.slide.lines.start), end: Math.max(divider.slide.lines.end, first.slide.lines.end) },
  }
  return [{ slide }, ...rest]
}

/** Words of a text, lower case, for comparing a bullet with a table's cells. */
const wordsOf = (text: string): string => ` ${(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `

/**
 * Planned slides without the bullets a comparison table restates (every filled cell of one of
 * its rows appears in the bullet), nor the definitions of its subjects ("C3: …", "C4: …" above a
 * table with the columns C3 and C4: the table says it per aspect); the notes of a slide left with
 * nothing go to the table (`dropped`).
 */
export function withoutRows(planned: Planned[], table: Extract<SlideBlock, { type: 'comparison' }>): { planned: Planned[]; dropped: string[] } {
  const rows = table.rows.map((row) => row.cells.map((cell) => wordsOf(runsText(cell))).filter((cell) => cell.trim()))
  const restates = (text: string): boolean => {
    const bullet = wordsOf(text)
    return rows.some((cells) => cells.length > 0 && cells.every((cell) => bullet.includes(cell)))
  }
  const subjects = new Set(table.subjects.map((subject) => wordsOf(subject)))
  const isSubject = (term: Run[]): boolean => subjects.has(wordsOf(runsText(term)))
  const dropped: string[] = []
  const kept = planned.flatMap((item): Planned[] => {
    if (!('slide' in item) || (item.slide.kind !== 'content' && item.slide.kind !== 'definitions')) return [item]
    let changed = false
    const body = item.slide.body
      .map((block): SlideBlock => {
        if (block.type === 'bullets') {
          const items = block.items.filter((bullet) => bullet.children.length || !restates(runsText(bullet.runs)))
          changed ||= items.length !== block.items.length
          return { ...block, items }
        }
        // Definitions of two or more of the table's subjects: the table shows them.
        if (block.type === 'definitions' && block.items.filter((entry) => isSubject(entry.term)).length >= 2) {
          const items = block.items.filter((entry) => !isSubject(entry.term))
          changed ||= items.length !== block.items.length
          return { ...block, items }
        }
        return block
      })
      .filter((block) => (block.type !== 'bullets' && block.type !== 'definitions') || block.items.length)
    if (!changed) return [item]
    if (body.length) return [{ slide: { ...item.slide, body } }]
    dropped.push(item.slide.notes)
    return []
  })
  return { planned: kept, dropped }
}

/** Contrasts spread over the whole note still make one table, when no section made one. */
export function wholeNoteContrast(outline: Outline, sections: Section[], planned: Planned[], options: PlanOptions): Planned[] {
  if (planned.some((p) => 'slide' in p && p.slide.kind === 'comparison')) return []
  const whole: Section = { depth: 0, title: outline.title, blocks: outline.preamble, children: sections, lines: { start: 1, end: outline.lineCount }, headingLine: 1 }
  const contrast = findContrast(whole)
  if (!contrast) return []
  return comparisonSlides({ title: contrast.block.subjects.join(' vs '), block: contrast.block, notes: contrast.notes, consumed: new Set() }, whole, options)
}

/** Diagrams of a section's structure: roles with their components, or kinds of one thing. */
function structureSlides(section: Section): Planned[] {
  const groups = findGroups(section)
  const kinds = groups ? undefined : findKinds(section)
  if (!groups && !kinds) return []
  const diagram: Diagram = groups ? { kind: 'groups', groups } : { kind: 'tree', root: section.title, children: kinds! }
  const names = groups ? groups.map((g) => `${g.name}: ${g.nodes.join(', ')}`) : kinds!
  return [{ slide: { kind: 'diagram', layout: 'diagram', title: section.title, body: [{ type: 'diagram', diagram }], notes: `${section.title}: ${names.join('; ')}.`, lines: { ...section.lines } } }]
}

/** A comparison table, split by rows when it does not fit one slide. */
export function comparisonSlides(comparison: Comparison, section: Section, options: PlanOptions): Planned[] {
  const { title } = comparison
  const { rows } = comparison.block
  const parts = partsWithin(rows.length, (from, to) => fits([{ ...comparison.block, rows: rows.slice(from, to) }], title, options.budget))
  return parts.map(([start, end], part) => ({
    slide: {
      kind: 'comparison',
      layout: 'comparison',
      title: part === 0 ? title : `${title} (cont.)`,
      body: [{ ...comparison.block, rows: rows.slice(start, end) }],
      notes: part === 0 ? comparison.notes : 'The comparison continues (the full text is in the notes of the first part).',
      lines: { ...section.lines },
    },
  }))
}

/**
 * Put held titles (subsections with nothing of their own, skipped sections) at the start of the
 * next slide's notes; titles left at the very end get a slide of their own.
 */
export function attachHeldTitles(planned: Planned[], lineCount: number): SlidePlan[] {
  const slides: SlidePlan[] = []
  let held: string[] = []
  for (const item of planned) {
    if ('held' in item) {
      held.push(item.held)
      continue
    }
    if ('after' in item) {
      const last = slides[slides.length - 1]
      if (last) slides[slides.length - 1] = { ...last, notes: [last.notes, item.after].filter(Boolean).join('\n\n') }
      else held.push(item.after)
      continue
    }
    slides.push(held.length ? { ...item.slide, notes: [...held, item.slide.notes].filter(Boolean).join('\n\n') } : item.slide)
    held = []
  }
  if (held.length) {
    slides.push({
      kind: 'content',
      layout: 'default',
      title: held[0],
      body: held.slice(1).map((text) => ({ type: 'paragraph', runs: [{ text }] })),
      notes: held.join('\n\n'),
      lines: { start: lineCount, end: lineCount },
    })
  }
  return slides
}

/** All the text of a section: its heading, its blocks and its subsections, as notes. */
export function sectionText(section: Section): string {
  return [section.title, ...section.blocks.map((block) => notesFor(block)), ...section.children.map(sectionText)]
    .filter((text) => text.trim())
    .join('\n\n')
}

export { isShown }
