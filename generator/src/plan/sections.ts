import type { Paragraph, RootContent } from 'mdast'
import type { VFile } from 'vfile'
import type { Diagram, Outline, PlanOptions, Run, Section, SlideBlock, SlidePlan } from '../types.js'
import { stepParts, unitsForBlocks } from './units.js'
import { isShown, type Unit, type UnitContext } from './unit.js'
import { CONTINUED, fits, isThinBody, titleWords } from './budget.js'
import { findComparison, type Comparison } from './compare.js'
import { comparisonSlides } from './comparison-slides.js'
import { findContrast, headingPair, pairedStatements } from './contrast.js'
import { findMeasures } from './measures.js'
import { findGroups, findKinds, findStageCycle } from './diagrams/structure.js'
import { findSectionNesting } from './diagrams/nesting.js'
import { findProcedure } from './diagrams/procedure.js'
import { notesFor } from './notes.js'
import { packUnits } from './pack.js'
import { followsOn } from './follow.js'
import { coverSlide } from './frame.js'
import { runsText, toRuns } from '../text.js'
import { isLeadIn } from './blocks/paragraph.js'
import { pointsBackInside } from './point.js'

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
  /** The titles that tell apart sections of one title (titles.ts `distinctTitles`). */
  titles?: Map<Section, string>
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
      // A bullet right after it that points back at it ("… from these services") goes to the notes with it.
      .map((block) => (block.type === 'bullets' ? { ...block, items: block.items.filter((item, i, all) => !subtitle.includes(plainOf(runsText(item.runs))) && !(i > 0 && subtitle.includes(plainOf(runsText(all[i - 1].runs))) && pointsBackInside(runsText(item.runs)))) } : block))
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
    // A lead-in whose list went into the comparison table leads into the table instead.
    const tableLead = comparison && !comparison.after ? leadInto(current.blocks, comparison.consumed) : undefined
    const blocks = current.blocks.filter((block) => !inner.has(block) && block !== tableLead)
    // A lead-in whose list went into a table elsewhere (a parent's) leads into nothing here: a
    // short one is said (notes), a longer one shows as text of its own.
    const orphan = leadInto(blocks.filter((block) => block !== tableLead).concat(), inner, current.blocks)
    const units = unitsForBlocks(blocks, unitContext(walk, current.title)).map((unit) => (orphan && unit.kind === 'flow' && unit.leadIn && unit.range?.start === orphan.position?.start.line ? orphanUnit(unit) : unit))
    // A heading whose blocks all went into a comparison table is named in the table's notes.
    const tabled = current.blocks.length > 0 && blocks.length === 0
    if (!isTop && !tabled && !units.some((unit) => unit.kind !== 'notes-only')) out.push({ held: current.title })
    if (units.length && units.every((unit) => unit.kind === 'notes-only')) {
      // Nothing to show (tags, navigation lines, an image that cannot be shown): the notes join the slide before.
      out.push({ after: units.map((unit) => ('notes' in unit ? unit.notes : '')).filter(Boolean).join('\n\n') })
    } else if (units.length) {
      const slides = packUnits(current.title, units, walk.options, { start: current.headingLine, end: current.headingLine }, isTop)
      const shownChildren = current.children.filter((child) => !isSkipped(child, walk.options))
      for (const slide of isTop ? slides : withOverview(slides, shownChildren, walk.options)) out.push({ slide })
    }
    if (comparison && !comparison.after) {
      // Slides that only restate the table (the definitions of its subjects) give way to it.
      const kept = withoutRows(out.slice(before), comparison.block)
      out.splice(before, out.length - before, ...kept.planned)
      const notes = [...kept.dropped, comparison.notes].filter(Boolean).join('\n\n')
      const lead: SlideBlock | undefined = tableLead ? { type: 'paragraph', runs: toRuns(tableLead.children) } : comparison.lead ? { type: 'paragraph', runs: [{ text: comparison.lead }] } : kept.lead
      const table = comparisonSlides({ ...comparison, notes: [tableLead ? notesFor(tableLead) : '', notes].filter(Boolean).join('\n\n') }, current, walk.options, lead)
      // The table stands where the definitions it restates stood (else after the section's slides).
      out.splice(kept.at === undefined ? out.length : before + kept.at, 0, ...table)
      out.splice(before, out.length - before, ...joinThinSlides(out.slice(before), walk.options))
    }
    if (walk.options.diagrams) out.push(...structureSlides(current))
    // Parts measured in one unit ("### Header" → "- 20 bytes …"): their sizes side by side first.
    const measured = findMeasures(current)
    if (measured) out.push(...comparisonSlides(measured, current, walk.options))
    for (const child of current.children) {
      if (isSkipped(child, walk.options)) out.push({ after: skippedNotes(child) })
      else visit(child, false, inner)
    }
    // A table that only repeats the subsections is shown only when it fits one slide.
    const after = comparison?.after ? comparisonSlides(comparison, current, walk.options) : []
    if (after.length === 1 || comparison?.summary) out.push(...after)
    // Contrasts written as sentences ("A …, whereas B …", or an "A vs B" section in prose) make
    // a table at the end of the section, unless it already has a comparison table.
    const hasTable = out.slice(before).some((p) => 'slide' in p && p.slide.kind === 'comparison')
    const paired = !hasTable && pairedStatements(current).length > 0
    if ((isTop || headingPair(current.title) || paired) && !hasTable) {
      const contrast = findContrast(current)
      if (contrast) {
        // The table shows the contrast's sentences once: as bullets too, they would repeat it.
        const kept = withoutRows(out.slice(before), contrast.stated, paired)
        out.splice(before, out.length - before, ...joinThinSlides(kept.planned, walk.options))
        const notes = [...kept.dropped, contrast.notes].filter(Boolean).join('\n\n')
        out.push(...comparisonSlides({ title: contrast.block.subjects.join(' vs '), block: contrast.block, notes, consumed: new Set() }, current, walk.options, kept.lead))
      }
    }
    const distinct = walk.titles?.get(current)
    if (distinct) out.splice(before, out.length - before, ...withDistinctTitle(out.slice(before), current.title, distinct))
  }
  visit(section, true, consumed)
  return withDividerLine(out)
}

/**
 * The slides titled by a section's heading (its content, tables and diagrams; not its divider)
 * show the title that tells it apart from other sections of that title.
 * Note: a subsection's slides are marked first; a slide marked already keeps its title.
 */
function withDistinctTitle(planned: Planned[], title: string, distinct: string): Planned[] {
  return planned.map((item) => ('slide' in item && item.slide.kind !== 'section' && !item.slide.distinctTitle && item.slide.title.replace(CONTINUED, '') === title ? { slide: { ...item.slide, distinctTitle: distinct } } : item))
}

const SENTENCE_END = /^[.!?。！？]/u

/**
 * Whether a slide's one line ends a sentence of its notes (a line ending in ":" or "," leads
 * into what follows instead): the mark after the line where the notes (or `more`, the notes of
 * the slide it opens) hold it, else the mark at the end of its own notes.
 */
function endsSentence(line: string, notes: string, more = ''): boolean {
  const text = line.trim().replace(/[.!?。！？]$/u, '')
  const within = [notes, more].find((n) => text && n.includes(text))
  if (within !== undefined) return SENTENCE_END.test(within.slice(within.indexOf(text) + text.length).replace(/^["'’”)\]]+/u, ''))
  return /[.!?。！？]["'’”)\]]*$/u.test(notes.trim())
}

/** The text of a thin body's one line (see isThinBody). */
function lineOf(block: SlideBlock): Run[] {
  return block.type === 'paragraph' || block.type === 'quote' ? block.runs : block.type === 'bullets' ? block.items[0].runs : []
}

/**
 * A subsection whose own text is one short line before subsections of its own ("The process
 * has three stages.", then a section per stage) shows that line with its subsections' titles
 * beneath it, so that the slide says what comes instead of only leading into it.
 * Note: top-level sections show such a line on their divider instead (withDividerLine).
 */
export function withOverview(slides: SlidePlan[], children: Section[], options: PlanOptions): SlidePlan[] {
  if (slides.length !== 1 || children.length < 2 || slides[0].kind !== 'content') return slides
  const [slide] = slides
  if (!isThinBody(slide.body)) return slides
  const runs = lineOf(slide.body[0])
  if (!endsSentence(runsText(runs), slide.notes)) return slides
  const body: SlideBlock[] = [
    { type: 'paragraph', runs },
    { type: 'bullets', ordered: false, start: 1, items: children.map((child) => ({ runs: [{ text: child.title }], children: [] })) },
  ]
  return fits(body, slide.title, options.budget) ? [{ ...slide, body }] : slides
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
  // The section's own opening, not a subsection's (whose title would be lost), and not one item
  // of a list (its notes start with the item's marker): it stays with its siblings.
  if (first.slide.title !== divider.slide.title || /^(?:[-*+]|\d+[.)])\s/.test(first.slide.notes)) return planned
  if (!rest.some((item) => 'slide' in item)) return planned
  // Only a whole sentence: a line ending in ":" or "," leads into the slide after it and stays with it.
  const runs = lineOf(first.slide.body[0])
  // An opener's paragraph may be in the notes of the slide it opens.
  const next = rest.find((item): item is { slide: SlidePlan } => 'slide' in item)
  if (!endsSentence(runsText(runs), first.slide.notes, next?.slide.notes)) {
    // A short line that leads on ("- Listed below", "Where x is") is said with the slide it opens.
    if (!next || !isThinBody(first.slide.body) || next.slide.title.replace(CONTINUED, '') !== first.slide.title) return planned
    const opened: SlidePlan = {
      ...next.slide,
      title: first.slide.title,
      notes: [first.slide.notes, next.slide.notes].filter(Boolean).join('\n\n'),
      lines: { start: Math.min(first.slide.lines.start, next.slide.lines.start), end: Math.max(first.slide.lines.end, next.slide.lines.end) },
    }
    return [divider, ...rest.map((item) => (item === next ? { slide: opened } : item))]
  }
  // A line that points back at the part before ("… in the previous example") is no subtitle
  // for this one: it is said with the divider, in its notes.
  const slide: SlidePlan = {
    ...divider.slide,
    body: followsOn(first.slide.body[0]) ? [] : [{ type: 'paragraph', runs }],
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
 * nothing go to the table (`dropped`). A lead-in of those definitions leads into the table
 * (`lead`), and `at` is where the definitions were, so the table can take their place.
 */
export function withoutRows(planned: Planned[], table: Extract<SlideBlock, { type: 'comparison' }>, cellBullets = false): { planned: Planned[]; dropped: string[]; lead?: SlideBlock; at?: number } {
  let lead: SlideBlock | undefined
  const rows = table.rows.map((row) => row.cells.map((cell) => wordsOf(runsText(cell))).filter((cell) => cell.trim()))
  // A bullet that says of a subject what its cell says ("Paper maps cannot be updated") is that
  // cell, when the table follows it closely (`cellBullets`: drawn from the section's own lines).
  const said = new Set(table.rows.flatMap((row) => row.cells.map((cell, i) => wordsOf(`${table.subjects[i]} ${runsText(cell)}`))))
  const restates = (text: string): boolean => {
    const bullet = wordsOf(text)
    return (cellBullets && said.has(bullet)) || rows.some((cells) => cells.length > 0 && cells.every((cell) => bullet.includes(cell)))
  }
  const subjects = new Set(table.subjects.map((subject) => wordsOf(subject)))
  const isSubject = (term: Run[]): boolean => subjects.has(wordsOf(runsText(term)))
  // Definitions of two or more of the table's subjects (over all the slides): the table shows them.
  const defined = new Set(
    planned.flatMap((item) => ('slide' in item ? item.slide.body : [])).flatMap((block) => (block.type === 'definitions' ? block.items.filter((entry) => isSubject(entry.term)).map((entry) => wordsOf(runsText(entry.term))) : [])),
  )
  const dropped: string[] = []
  const kept: Planned[] = []
  let at: number | undefined
  for (const item of planned) {
    const out = keep(item)
    kept.push(...out.planned)
    if (out.tabled && at === undefined) at = kept.length
  }
  return { planned: kept, dropped, lead, at }

  function keep(item: Planned): { planned: Planned[]; tabled?: boolean } {
    if (!('slide' in item) || (item.slide.kind !== 'content' && item.slide.kind !== 'definitions')) return { planned: [item] }
    let changed = false
    let tabled = false
    const body = item.slide.body
      .map((block): SlideBlock => {
        if (block.type === 'bullets') {
          const items = block.items.filter((bullet) => bullet.children.length || !restates(runsText(bullet.runs)))
          changed ||= items.length !== block.items.length
          return { ...block, items }
        }
        if (block.type === 'definitions' && defined.size >= 2 && block.items.some((entry) => isSubject(entry.term))) {
          const items = block.items.filter((entry) => !isSubject(entry.term))
          changed ||= items.length !== block.items.length
          tabled = true
          return { ...block, items }
        }
        return block
      })
    // A lead-in of definitions the table took leads into the table now.
    for (let b = body.length - 1; b > 0; b--) {
      const previous = body[b - 1]
      if (body[b].type === 'definitions' && !(body[b] as { items: unknown[] }).items.length && previous.type === 'paragraph' && /[:：]\s*$/.test(runsText(previous.runs))) {
        lead ??= previous
        body.splice(b - 1, 1)
      }
    }
    const left = body.filter((block) => (block.type !== 'bullets' && block.type !== 'definitions') || block.items.length)
    if (!changed) return { planned: [item] }
    if (left.length) return { planned: [{ slide: { ...item.slide, body: left } }], tabled }
    dropped.push(item.slide.notes)
    return { planned: [], tabled }
  }
}

/**
 * Neighbouring content slides of one title where one is a thin line (left so when a table took
 * the rest of its slide) become one slide when they fit together; a thin line right before its
 * section's comparison table goes to the table's notes.
 */
export function joinThinSlides(planned: Planned[], options: PlanOptions): Planned[] {
  const out: Planned[] = []
  const base = (title: string): string => title.replace(CONTINUED, '')
  for (const item of planned) {
    const previous = out[out.length - 1]
    // A thin line before a table of its own section that has no room for it is said with the table.
    if ('slide' in item && previous && 'slide' in previous && previous.slide.kind === 'content' && item.slide.kind === 'comparison' && isThinBody(previous.slide.body) && base(previous.slide.title) === base(item.slide.title)) {
      const [a, b] = [previous.slide, item.slide]
      out[out.length - 1] = { slide: { ...b, title: a.title, notes: [a.notes, b.notes].filter(Boolean).join('\n\n'), lines: { start: Math.min(a.lines.start, b.lines.start), end: Math.max(a.lines.end, b.lines.end) } } }
      continue
    }
    if ('slide' in item && previous && 'slide' in previous && item.slide.kind === 'content' && previous.slide.kind === 'content') {
      const [a, b] = [previous.slide, item.slide]
      const body = [...a.body, ...b.body]
      if (base(a.title) === base(b.title) && (isThinBody(a.body) || isThinBody(b.body)) && fits(body, a.title, options.budget)) {
        out[out.length - 1] = { slide: { ...a, body, notes: [a.notes, b.notes].filter(Boolean).join('\n\n'), lines: { start: Math.min(a.lines.start, b.lines.start), end: Math.max(a.lines.end, b.lines.end) } } }
        continue
      }
    }
    out.push(item)
  }
  return out
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
  const stages = groups || kinds ? undefined : findStageCycle(section)
  if (stages) return [{ slide: { kind: 'diagram', layout: 'diagram', title: section.title, body: [{ type: 'diagram', diagram: { kind: 'cycle', steps: stages } }], notes: `${section.title}: ${stages.join(' → ')}, and back to the start.`, lines: { ...section.lines } } }]
  // Subsections that are the commands of a procedure, each with its code: an overview of the steps (plan/diagrams/procedure.ts).
  const procedure = groups || kinds ? undefined : findProcedure(section)
  if (procedure) {
    // As many slides as a flowchart of readable labels takes (plan/units.ts `stepParts`); the first says the whole.
    return stepParts(procedure, 1).map(([from, to], k) => ({ slide: { kind: 'diagram', layout: 'diagram', title: section.title, body: [{ type: 'diagram', diagram: { kind: 'steps', steps: procedure.slice(from, to), start: from + 1 } }], notes: k === 0 ? `${section.title}: ${procedure.join(' → ')}.` : '', lines: { ...section.lines } } }))
  }
  // Subsections that each hold the next (plan/diagrams/nesting.ts).
  const levels = groups || kinds ? undefined : findSectionNesting(section)
  if (levels) return [{ slide: { kind: 'diagram', layout: 'diagram', title: section.title, body: [{ type: 'diagram', diagram: { kind: 'nested', levels } }], notes: `${section.title}: ${levels.join(' ⊃ ')}`, lines: { ...section.lines } } }]
  if (!groups && !kinds) return []
  const diagram: Diagram = groups ? { kind: 'groups', groups } : { kind: 'tree', root: section.title, children: kinds! }
  // Labels may hold commas ("Water is split, giving off oxygen"): groups are told apart by full stops.
  const names = groups ? groups.map((g) => `${g.name}: ${g.nodes.join('; ')}.`).join(' ') : `${kinds!.join('; ')}.`
  return [{ slide: { kind: 'diagram', layout: 'diagram', title: section.title, body: [{ type: 'diagram', diagram }], notes: `${section.title}: ${names}`, lines: { ...section.lines } } }]
}

/**
 * The lead-in paragraph (ending in ":") right before the first block a comparison table took,
 * when the table took the block but not the lead-in.
 */
function leadInto(blocks: RootContent[], consumed: Set<RootContent>, all: RootContent[] = blocks): Paragraph | undefined {
  for (const lead of blocks) {
    const next = all[all.indexOf(lead) + 1]
    if (lead.type === 'paragraph' && next && consumed.has(next) && !consumed.has(lead) && isLeadIn(lead)) return lead
  }
  return undefined
}

/** A lead-in that leads into nothing on its slides: notes only when it is one short line, else plain text. */
function orphanUnit(unit: Extract<Unit, { kind: 'flow' }>): Unit {
  if (isThinBody([unit.block])) return { kind: 'notes-only', notes: unit.notes || runsText('runs' in unit.block ? unit.block.runs : []), range: unit.range }
  return { ...unit, leadIn: false }
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
      // Text after a held title keeps the note's order: it waits with the title.
      if (held.length) {
        held.push(item.after)
        continue
      }
      const last = slides[slides.length - 1]
      if (last) slides[slides.length - 1] = { ...last, notes: [last.notes, item.after].filter(Boolean).join('\n\n') }
      else held.push(item.after)
      continue
    }
    slides.push(held.length ? { ...item.slide, notes: [...held, item.slide.notes].filter(Boolean).join('\n\n') } : item.slide)
    held = []
  }
  // Titles with nothing after them (the note ends on headings alone) join the last slide's notes.
  const last = slides[slides.length - 1]
  if (held.length && last) slides[slides.length - 1] = { ...last, notes: [last.notes, ...held].filter(Boolean).join('\n\n') }
  else if (held.length) {
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

export { isShown, comparisonSlides }
