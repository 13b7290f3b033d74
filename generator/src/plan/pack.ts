import type { LineRange, PlanOptions, SlideBlock, SlidePlan } from '../types.js'
import { CONTINUED, fits, fitsWithLead, isThinBody, partsWithin, SHORT_RUN, titleWords } from './budget.js'
import { isShown, type ShownUnit, type Unit } from './unit.js'

/**
 * Pack units onto slides within the budget: flow units share a slide; a group (a run of
 * definitions) may follow flow text but is followed only by itself; solo units stand alone; a
 * lead-in shares its slide with what it introduces, and a list that fits one slide stays whole
 * (see atomsOf). A run that needs several slides is split evenly (4 + 3, not 6 + 1), between
 * atoms only; notes-only units ride with the shown unit before them.
 */
export function packUnits(title: string, units: Unit[], options: PlanOptions, fallback: LineRange): SlidePlan[] {
  const slides: SlidePlan[] = []
  const heading = titleWords(title)
  let layout: 'two-cols' | 'default' = 'default'
  let run: Unit[] = []
  let runGroup: number | undefined

  const push = (slideUnits: Unit[]): void => {
    if (!slideUnits.length) return
    const slide = slideOf(title, slideUnits, fallback, slides.length > 0)
    slides.push(layout === 'two-cols' && slide.kind === 'content' ? toTwoColumns(slide) : slide)
  }
  const flushRun = (): void => {
    const shown = run.filter(isShown)
    if (!shown.length) {
      if (run.length && slides.length) slides[slides.length - 1] = withNotes(slides[slides.length - 1], run)
      else push(run)
      run = []
      return
    }
    // Two columns hold twice the lines of one.
    const lines = layout === 'two-cols' ? options.budget.lines * 2 : options.budget.lines
    const fitsPart = (from: number, to: number): boolean => fits(mergeBlocks(shown.slice(from, to)), heading, options.budget, lines)
    // Notes-only units travel with the shown unit before them (or the first one).
    const owner = new Map<Unit, Unit[]>()
    let last: Unit | undefined
    const leading: Unit[] = []
    for (const unit of run) {
      if (isShown(unit)) {
        last = unit
        owner.set(unit, [unit])
      } else if (last) owner.get(last)!.push(unit)
      else leading.push(unit)
    }
    const fitsLead = (from: number, to: number): boolean => fitsWithLead(mergeBlocks(shown.slice(from, to)), heading, options.budget, lines)
    const atoms = atomsOf(shown, fitsPart, fitsLead)
    const parts = partsWithin(atoms.length, (a, b) => fitsPart(atoms[a][0], atoms[b - 1][1])).map(([a, b]): [number, number] => [atoms[a][0], atoms[b - 1][1]])
    joinThinParts(parts, (from, to) => isThinBody(mergeBlocks(shown.slice(from, to))), fitsPart).forEach(([from, to], index) => {
      const slideUnits = shown.slice(from, to).flatMap((unit) => owner.get(unit)!)
      push(index === 0 ? [...leading, ...slideUnits] : slideUnits)
    })
    run = []
  }

  for (const unit of units) {
    switch (unit.kind) {
      case 'break':
        // `<!-- slide: break -->`: what follows starts a new slide.
        flushRun()
        continue
      case 'layout':
        flushRun()
        layout = unit.layout
        continue
      case 'solo':
        flushRun()
        push([unit])
        continue
      case 'notes-only':
        run.push(unit)
        continue
      default: {
        const group = unit.kind === 'group' ? unit.group : undefined
        // Flow text may lead into a group of definitions on one slide; a group ends with itself.
        const groupEnds = runGroup !== undefined && group !== runGroup
        if (run.some(isShown) && groupEnds) flushRun()
        runGroup = group
        run.push(unit)
      }
    }
  }
  flushRun()
  return slides
}

/**
 * The pieces a run of shown units may be split between, as [from, to) ranges. A lead-in (with
 * the sentences it opens with, its `opener` units) joins what it introduces: the items of one
 * list (one `chunk`), one run of definitions, or the one unit after it. In order of preference:
 * 1. all of it on one slide (a short run may take LEAD_IN_SLACK past the budget for that);
 * 2. the openers on a piece of their own (packUnits then joins them to the slide before, or they
 *    become the section divider's line), the lead-in with the whole run;
 * 3. a long run split evenly between its items, the lead-in with the first part.
 * Note: a lead-in is never a piece of its own, and a run that fits with its lead-in is never cut.
 */
export function atomsOf(shown: ShownUnit[], fitsPart: (from: number, to: number) => boolean, fitsLead: (from: number, to: number) => boolean = fitsPart): Array<[number, number]> {
  const atoms: Array<[number, number]> = []
  // A run of definitions is one chunk as well (negative numbers, apart from a list's line).
  const chunkOf = (unit: ShownUnit): number | undefined => (unit.kind === 'flow' ? unit.chunk : unit.kind === 'group' ? -unit.group : undefined)
  const isOpener = (unit: ShownUnit): boolean => unit.kind === 'flow' && Boolean(unit.opener)
  const isLead = (unit: ShownUnit): boolean => unit.kind === 'flow' && Boolean(unit.leadIn)
  let i = 0
  while (i < shown.length) {
    // Openers count only when a lead-in follows them.
    let k = i
    while (k < shown.length - 1 && isOpener(shown[k])) k++
    if (!isLead(shown[k])) k = i
    let j = k
    while (j < shown.length - 1 && isLead(shown[j])) j++
    const chunk = chunkOf(shown[j])
    let end = j + 1
    if (chunk !== undefined) while (end < shown.length && chunkOf(shown[end]) === chunk) end++
    const led = j > k
    const short = led && end - j <= SHORT_RUN
    const whole = (from: number): boolean => fitsPart(from, end) || (short && fitsLead(from, end))
    if (end - i === 1 || whole(i)) atoms.push([i, end])
    else if (k > i && (end - k === 1 || whole(k))) atoms.push([i, k], [k, end])
    else {
      if (k > i) atoms.push([i, k])
      const lead = j - k
      const pieces = partsWithin(end - j, (a, b) => fitsPart(j + a - (a === 0 ? lead : 0), j + b))
      pieces.forEach(([a, b], n) => atoms.push([n === 0 ? k : j + a, j + b]))
    }
    i = end
  }
  return atoms
}

/**
 * Parts of a run with no part that is one thin line (see isThinBody) beside another part: a
 * thin part joins the part after it when both fit one slide, else the part before it.
 * Note: a thin part that fits with neither stays (the section may still place it, see
 * sections.ts); its text is never dropped here.
 */
export function joinThinParts(parts: Array<[number, number]>, isThin: (from: number, to: number) => boolean, fitsPart: (from: number, to: number) => boolean): Array<[number, number]> {
  const out = parts.map(([a, b]): [number, number] => [a, b])
  for (let n = 0; n < out.length && out.length > 1; n++) {
    const [from, to] = out[n]
    if (!isThin(from, to)) continue
    if (n + 1 < out.length && fitsPart(from, out[n + 1][1])) {
      out.splice(n, 2, [from, out[n + 1][1]])
      n--
    } else if (n > 0 && fitsPart(out[n - 1][0], to)) {
      out.splice(n - 1, 2, [out[n - 1][0], to])
      n -= 2
    }
  }
  return out
}

/** Lay a content slide out in two columns: its blocks (or one list's items) split in halves. */
function toTwoColumns(slide: SlidePlan): SlidePlan {
  let body = slide.body
  if (body.length === 1 && body[0].type === 'bullets' && body[0].items.length > 1) {
    const list = body[0]
    const half = Math.ceil(list.items.length / 2)
    body = [
      { ...list, items: list.items.slice(0, half) },
      { ...list, start: list.start + half, items: list.items.slice(half) },
    ]
  }
  if (body.length < 2) return slide
  return { ...slide, body, layout: 'two-cols', rightFrom: Math.ceil(body.length / 2) }
}

/** A slide with more notes (and source lines) from units that show nothing. */
export function withNotes(slide: SlidePlan, units: Unit[]): SlidePlan {
  let notes = slide.notes
  let lines = slide.lines
  for (const unit of units) {
    if ('notes' in unit && unit.notes) notes = [notes, unit.notes].filter(Boolean).join('\n\n')
    if (unit.range) lines = mergeLines(lines, unit.range)
  }
  return { ...slide, notes, lines }
}

/** The blocks of units as a slide shows them: a solo unit's lead first; neighbouring bullets and definitions merge. */
export function mergeBlocks(units: Unit[]): SlideBlock[] {
  const body: SlideBlock[] = []
  for (const unit of units) {
    if (!isShown(unit)) continue
    if (unit.kind === 'solo' && unit.lead) body.push(unit.lead)
    const previous = body[body.length - 1]
    const block = unit.block
    if (
      block.type === 'bullets' &&
      previous?.type === 'bullets' &&
      previous.ordered === block.ordered &&
      (!block.ordered || previous.start + previous.items.length === block.start)
    ) {
      body[body.length - 1] = { ...previous, items: [...previous.items, ...block.items] }
    } else if (block.type === 'definitions' && previous?.type === 'definitions') {
      body[body.length - 1] = { ...previous, items: [...previous.items, ...block.items] }
    } else {
      body.push(block)
    }
  }
  return body
}

function slideOf(title: string, units: Unit[], fallback: LineRange, continued: boolean): SlidePlan {
  const body = mergeBlocks(units)
  const shown = units.filter(isShown)
  const kind = kindOf(shown.length === 1 ? shown[0] : undefined, body)
  let lines: LineRange | undefined
  for (const unit of units) if (unit.range) lines = lines ? mergeLines(lines, unit.range) : { ...unit.range }
  return {
    kind,
    layout: layoutOf(kind),
    title: continued ? `${title}${CONTINUED}` : title,
    body,
    notes: units
      .map((unit) => ('notes' in unit ? unit.notes : ''))
      .filter(Boolean)
      .join('\n\n'),
    lines: lines ?? { ...fallback },
  }
}

function kindOf(only: ShownUnit | undefined, body: SlideBlock[]): SlidePlan['kind'] {
  const solo = only?.block.type
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

export function mergeLines(a: LineRange, b: LineRange): LineRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) }
}
