import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import type { Outline, PlanOptions, Section, SlidePlan } from '../types.js'
import { agendaSlides, coverSlide, endSlide } from './frame.js'
import { findComparison } from './compare.js'
import { distinctTitles, titleSlides } from './titles.js'
import { attachHeldTitles, comparisonSlides, isSkipped, planPreamble, planSection, sectionText, skippedNotes, unitContext, wholeNoteContrast, type Planned, type WalkContext } from './sections.js'
import { previewUnitsForBlocks } from './units.js'
import { recapShownWhole, takeawaySlides } from './takeaways.js'
import { addTimings } from './timing.js'

export { layoutOf } from './pack.js'

/** Fewest content slides a part needs for a divider of its own; a shorter part opens with its slides. */
const DIVIDER_SLIDES = 3

export const defaultPlanOptions: Omit<PlanOptions, 'assets'> = {
  budget: { words: 60, lines: 7 },
  diagrams: true,
  skip: [],
  maxTableRows: 8,
  maxCodeLines: 16,
}

/**
 * Decide the slides of a talk from a note's outline. The steps, in order:
 * 1. the cover;
 * 2. the introduction (text before the first section);
 * 3. the agenda of the shown top-level sections;
 * 4. each top-level section: its divider (when the talk has parts and this one takes 3 slides
 *    or more), content slides (units per block kind, packed within the budget), comparison
 *    tables and structure diagrams; skipped sections go to the notes;
 *    top-level sections that share aspects make one table after the last of them;
 * 5. a comparison from contrasts spread over the whole note, when no section made one;
 * 6. held titles (sections with nothing of their own) moved into the next slide's notes;
 * 7. the key takeaways (the note's own summary first) and the end slide;
 * 8. short slide titles, with a "2/3" marker on continued slides;
 * 9. speaking times.
 * Every slide's notes carry the full text it stands for.
 */
export function planSlides(outline: Outline, options: PlanOptions, file: VFile): SlidePlan[] {
  let groups = 0
  const walk: WalkContext = { options, file, nextGroup: () => ++groups, titles: distinctTitles(outline.sections) }
  // (The test plans the section aside: its messages and definition groups are not the deck's.)
  const silent = new Set(outline.sections.filter((section) => showsNothing(section, { ...walk, file: new VFile(), nextGroup: () => 0 })))
  const talk = outline.sections.filter((section) => !isSkipped(section, options) && !silent.has(section))
  // A recap the takeaways show whole is shown there only (see recapShownWhole).
  const recap = recapShownWhole({ ...outline, sections: talk })
  const shown = talk.filter((section) => section !== recap)
  const planned: Planned[] = [{ slide: coverSlide(outline) }, ...planPreamble(outline, walk)]
  planned.push(...agendaSlides({ ...outline, sections: shown }, options).map((slide) => ({ slide })))
  // Top-level sections that share aspects ("The demand curve" / "The supply curve") make one table after the last of them.
  const whole: Section = { depth: 0, title: outline.title, blocks: [], children: shown, lines: { start: 1, end: outline.lineCount }, headingLine: 1 }
  const across = findComparison(whole)
  let index = 0
  for (const section of outline.sections) {
    if (section === recap) continue
    if (isSkipped(section, options)) planned.push({ after: skippedNotes(section) })
    // A section of navigation only (a table of contents, "Back to top"): no part, no divider.
    else if (silent.has(section)) planned.push({ after: sectionText(section) })
    else planned.push(...thinDivider(planSection(section, { index: index++, total: shown.length }, walk, across?.consumed), shown.length))
    if (across?.sections?.at(-1) === section) planned.push(...comparisonSlides(across, whole, options))
  }
  planned.push(...wholeNoteContrast(outline, shown, planned, options))
  const slides = attachHeldTitles(planned, outline.lineCount)
  slides.push(...takeawaySlides({ ...outline, sections: talk }, options))
  slides.push(endSlide(outline))
  return addTimings(titleSlides(slides))
}

/**
 * A short part (under DIVIDER_SLIDES content slides) of a talk with several parts goes without
 * its divider: a divider before one or two slides only slows the talk. Its title moves to the
 * next slide's notes, and that slide `opens` the part (timed talks still move whole parts).
 */
function thinDivider(part: Planned[], parts: number): Planned[] {
  const [first, ...rest] = part
  // A divider that shows the part's opening line is a slide of its own: it stays.
  if (parts < 2 || !first || !('slide' in first) || first.slide.kind !== 'section' || first.slide.body.length) return part
  const content = rest.filter((item) => 'slide' in item).length
  if (!content || content >= DIVIDER_SLIDES) return part
  const opener = rest.findIndex((item) => 'slide' in item)
  return [{ held: first.slide.notes }, ...rest.map((item, i) => (i === opener && 'slide' in item ? { slide: { ...item.slide, opens: first.slide.title } } : item))]
}

/** Most blocks a section may have for the cheap test of showing nothing (navigation is short). */
const SILENT_BLOCKS = 4

/**
 * Whether a top-level section would show nothing at all: no subsections, and blocks that all go
 * to the notes (a table of contents whose links only point at the note's headings, tags).
 */
function showsNothing(section: Section, walk: WalkContext): boolean {
  // A heading with nothing under it (a bare "#", a credit line "Created by …" at the end) is no
  // part of the talk: a divider with no slides after it. Its title goes to the notes.
  if (!section.children.length && !section.blocks.length) return true
  if (section.children.length || section.blocks.length > SILENT_BLOCKS) return false
  // An image that cannot be shown keeps its part (and its warning, said when the part is planned).
  let image = false
  for (const block of section.blocks) visit(block, 'image', () => void (image = true))
  if (image) return false
  return previewUnitsForBlocks(section.blocks, unitContext(walk, section.title)).every((unit) => unit.kind === 'notes-only')
}
