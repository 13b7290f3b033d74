import type { LineRange, PlanOptions, SlideBlock, SlidePlan } from '../types.js'
import { CONTINUED, fits, isThinBody, partsWithin, titleWords } from './budget.js'
import { runsText } from '../text.js'
import { continuesRuns, followsOn, FOLLOW_ON_WORDS } from './follow.js'
import { mergeBlocks } from './merge.js'
import { explainsStructure, hasRoom, joinSlimParts, keepConclusions, shedLead, showsCode, trailUnits } from './leftovers.js'
import { condenseParagraph, splitSentences } from './condense.js'
import { flow, isShown, notesOnly, opener, type ShownUnit, type Unit } from './unit.js'

/**
 * Pack units onto slides within the budget: flow units share a slide; a group (a run of
 * definitions) may follow flow text but is followed only by itself; solo units stand alone; a
 * lead-in shares its slide with what it introduces, and a list that fits one slide stays whole
 * (see atomsOf). A run that needs several slides is split evenly (4 + 3, not 6 + 1), between
 * atoms only; notes-only units ride with the shown unit before them. No slide is a leftover
 * (leftovers.ts): text before a table, short code or a diagram shares its slide when both fit;
 * a closing line ("So …", "The table above …") joins the slide it concludes or is said there;
 * a lead-in never closes the slide before what it introduces. A lead-in, its code and the one
 * line that explains it are one unit when they fit: the steps of a short procedure (each a
 * lead-in and its command) share one slide, a line or a whole term table right after code joins
 * the code's slide, and one line that opens code too long to share its slide is said with it.
 */
export function packUnits(title: string, units: Unit[], options: PlanOptions, fallback: LineRange, divider = false): SlidePlan[] {
  const slides: SlidePlan[] = []
  const heading = titleWords(title)
  let layout: 'two-cols' | 'default' = 'default'
  let run: Unit[] = []
  let runGroup: number | undefined
  // Short lines said rather than shown (see `demoted` below), for the notes of the next slide.
  let carry: Unit[] = []
  // The units of the slide pushed last, while what follows may still join it (see trailUnits).
  let lastSlide: Unit[] | undefined

  const push = (slideUnits: Unit[]): void => {
    if (!slideUnits.length) return
    const all = [...carry, ...slideUnits]
    const slide = slideOf(title, all, fallback, slides.length > 0)
    carry = []
    lastSlide = layout === 'default' ? all : undefined
    slides.push(layout === 'two-cols' && slide.kind === 'content' ? toTwoColumns(slide) : slide)
  }
  const flushRun = (soloNext?: ShownUnit, closes = false): void => {
    // Two columns hold twice the lines of one.
    const lines = layout === 'two-cols' ? options.budget.lines * 2 : options.budget.lines
    run = keepConclusions(splitLongLeads(run, (blocks) => fits(blocks, heading, options.budget, lines)), (blocks) => fits(blocks, heading, options.budget, lines))
    // Units that go to the slide of the solo unit after this run (see below).
    const forSolo: Unit[] = []
    const shown = run.filter(isShown)
    if (!shown.length) {
      if (run.length && slides.length) slides[slides.length - 1] = withNotes(slides[slides.length - 1], run)
      else push(run)
      run = []
      carry.push(...forSolo)
      return
    }
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
    // Lead-ins that cannot share a slide with what they introduce are said with it (atomsOf).
    const said = new Set<ShownUnit>()
    const atoms = atomsOf(shown, fitsPart, said)
    // A paragraph that continues the text before it ("That way, …", "which means …") starts no slide while both fit one.
    const glued = (a: number): boolean => continuesUnit(shown[atoms[a - 1][1] - 1], shown[atoms[a][0]])
    const parts = partsWithin(atoms.length, (a, b) => fitsPart(atoms[a][0], atoms[b - 1][1]), false, glued).map(([a, b]): [number, number] => [atoms[a][0], atoms[b - 1][1]])
    const fitsShown = (units: ShownUnit[]): boolean => fits(mergeBlocks(units.filter((unit) => !said.has(unit))), heading, options.budget, lines)
    const joined = joinSlimParts(joinThinParts(parts, (from, to) => isThinBody(mergeBlocks(shown.slice(from, to))), fitsPart, cutsOf(shown, atoms)), shown, fitsShown, said)
    // One short line that joins no slide (an opener, or a sentence between two full slides) is
    // said, not shown: it goes to the notes of the slide it opens, so that no slide only leads
    // into the next. Not on a section's first slide after its divider: the divider shows it
    // (sections.ts, withDividerLine).
    const demoted = new Set<Unit>(said)
    if (soloNext && joined.length && layout === 'default') {
      const [from, to] = joined[joined.length - 1]
      const part = shown.slice(from, to)
      const riders = (units: ShownUnit[]): Unit[] => [...(from === 0 ? leading : []), ...units.flatMap((unit) => owner.get(unit)!)]
      const closing = part[part.length - 1]
      if (part.every((unit) => unit.kind === 'flow' && !said.has(unit)) && hasRoom(mergeBlocks([...part, soloNext]), (blocks) => fits(blocks, heading, options.budget), options.maxCodeLines)) {
        // The run's last part shares the slide of the solo unit after it (a table, a diagram).
        joined.pop()
        forSolo.push(...riders(part))
        if (from === 0) leading.length = 0
      } else if (closing.kind === 'flow' && closing.leadIn) {
        // A lead-in into a solo unit that has a lead of its own (a list's subtitle) is said
        // with that unit, never left closing this slide.
        forSolo.push(...owner.get(closing)!.map((unit) => (isShown(unit) ? toNotes(unit) : unit)))
        if (to - from === 1) joined.pop()
        else joined[joined.length - 1] = [from, to - 1]
      }
    }
    const keepFirst = divider && slides.length === 0
    for (let n = joined.length - 1; n >= 0; n--) {
      const [from, to] = joined[n]
      const openers = shown.slice(from, to)
      // Never one item of a longer list: "2." and "3." on the slides without "1." would read as a loss.
      const items = (chunk: number, among: Unit[]): number => among.filter((other) => other.kind === 'flow' && other.chunk === chunk).length
      const wholeList = (unit: ShownUnit): boolean => unit.kind === 'flow' && (unit.chunk === undefined || items(unit.chunk, units) === items(unit.chunk, openers))
      if (!openers.every(wholeList)) continue
      // A line that follows on from the part before it is said with that part (it may be longer
      // than a thin line); any other thin line is said with the part it opens.
      if (n > 0 && openers.every((unit) => unit.kind === 'flow' && !unit.leadIn && !unit.opener) && followsOn(openers[0].block) && isThinBody(mergeBlocks(openers), FOLLOW_ON_WORDS)) {
        openers.forEach((unit) => demoted.add(unit))
        joined.splice(n - 1, 2, [joined[n - 1][0], to])
        continue
      }
      // One line that opens code too long to share a slide with it ("Use a subquery to …") is
      // said with that code rather than shown alone before it.
      const opensCode = soloNext?.block.type === 'code' && n === joined.length - 1 && openers.length === 1 && openers[0].kind === 'flow' && !openers[0].leadIn && isThinBody(mergeBlocks(openers), FOLLOW_ON_WORDS)
      if (!isThinBody(mergeBlocks(openers)) && !opensCode) continue
      if (n === 0 && keepFirst) continue
      if (n + 1 < joined.length) {
        openers.forEach((unit) => demoted.add(unit))
        joined.splice(n, 2, [from, joined[n + 1][1]])
      } else if (soloNext) {
        openers.forEach((unit) => demoted.add(unit))
      } else if (closes && n > 0 && openers.every((unit) => unit.kind === 'flow' && !unit.leadIn && !unit.opener && !marked(unit))) {
        // The section's last line, with no room on the slide before: said there.
        openers.forEach((unit) => demoted.add(unit))
        joined.splice(n - 1, 2, [joined[n - 1][0], to])
      }
    }
    // The first part may trail the slide before it: a conclusion, a back-reference, one short line.
    if (lastSlide && joined.length && layout === 'default') {
      const fitsSlide = (blocks: SlideBlock[]): boolean => fits(blocks, heading, options.budget)
      // The first part's first line alone explains the code or table before it: it joins that
      // slide, the rest of the part keeps its own (when that is not left one thin line).
      const [head, end] = joined[0]
      const line = shown.slice(head, head + 1)
      // (Not a line that leads into the table or the list of two items or more after it: "There are two ways to …".)
      const into = shown[head + 1]
      const leadsOn = into !== undefined && (into.kind === 'group' || (into.kind === 'flow' && into.chunk !== undefined && !wholeChunk(into, units, [into])))
      if (end - head > 1 && !leadsOn && explainsStructure(lastSlide, line) && !isThinBody(mergeBlocks(shown.slice(head + 1, end))) && wholeChunk(line[0], units, line) && trailUnits(lastSlide, line, fitsSlide, options.maxCodeLines) === 'joins') {
        const previous = slides[slides.length - 1]
        lastSlide = [...lastSlide, ...leading, ...owner.get(line[0])!]
        slides[slides.length - 1] = { ...slideOf(title, lastSlide, fallback, slides.length > 1), title: previous.title }
        joined[0] = [head + 1, end]
        leading.length = 0
      }
      const [from, to] = joined[0]
      const part = shown.slice(from, to)
      const partUnits = [...leading, ...part.flatMap((unit) => owner.get(unit)!)]
      // A run of definitions shown whole (every unit of its group is in this part).
      const group = part[0]?.kind === 'group' ? part[0].group : undefined
      const wholeTable = group !== undefined && units.filter((unit) => unit.kind === 'group' && unit.group === group).length === part.length
      let trail = trailUnits(lastSlide, part, fitsSlide, options.maxCodeLines, wholeTable)
      // A line that points back at a table whose long lead-in leaves it no room: the lead-in's
      // first sentences go to a slide before, and the line joins the table with its last one.
      const shed = trail === 'apart' && part.every((unit) => unit.kind === 'flow' && !unit.leadIn && !unit.opener) && followsOn(part[0].block) ? shedLead(lastSlide, part, fitsSlide) : undefined
      if (shed) {
        const previous = slides[slides.length - 1]
        slides[slides.length - 1] = { ...slideOf(title, [shed.opener], fallback, slides.length > 1), title: previous.title }
        lastSlide = [...shed.units, ...partUnits]
        slides.push(slideOf(title, lastSlide, fallback, true))
        joined.shift()
        leading.length = 0
        trail = 'apart'
      }
      // The section's last line, short and with no room on the slide before: said there, so
      // that no slide only trails the one before (its text is in that slide's notes).
      // Not after an image (the line is that slide's only text), nor a line the note marks.
      const image = lastSlide.some((unit) => isShown(unit) && (unit.block.type === 'image' || unit.block.type === 'missing-image'))
      if (trail === 'apart' && closes && !image && joined.length === 1 && !soloNext && isThinBody(mergeBlocks(part)) && part.every((unit) => unit.kind === 'flow' && !unit.leadIn && !unit.opener && !marked(unit) && wholeChunk(unit, units, part))) trail = 'said'
      if (trail !== 'apart') {
        joined.shift()
        leading.length = 0
        const previous = slides[slides.length - 1]
        slides[slides.length - 1] = trail === 'joins' ? { ...slideOf(title, [...lastSlide, ...partUnits], fallback, slides.length > 1), title: previous.title } : withNotes(previous, partUnits.map((unit) => (isShown(unit) ? toNotes(unit) : unit)))
        if (trail === 'joins') lastSlide = [...lastSlide, ...partUnits]
      }
    }
    joined.forEach(([from, to], index) => {
      const slideUnits = shown.slice(from, to).flatMap((unit) => owner.get(unit)!.map((u) => (demoted.has(u) ? toNotes(u) : u)))
      const all = index === 0 ? [...leading, ...slideUnits] : slideUnits
      // A part of demoted openers only (before a solo unit) rides into that unit's slide.
      if (all.every((unit) => !isShown(unit))) carry.push(...all)
      else push(all)
    })
    carry.push(...forSolo)
    run = []
  }

  for (const [at, unit] of units.entries()) {
    switch (unit.kind) {
      case 'break':
        // `<!-- slide: break -->`: what follows starts a new slide.
        flushRun()
        lastSlide = undefined
        continue
      case 'layout':
        flushRun()
        layout = unit.layout
        lastSlide = undefined
        continue
      case 'solo': {
        const before = slides.length
        flushRun(unit)
        // A step of a procedure (a lead-in and its command) joins the steps on the slide before
        // when they all fit: a short procedure is one slide.
        // (A line right after the step that would explain it must fit there too: it is not pushed off its slide.)
        const after = units.slice(at + 1).find(isShown)
        const explained = after?.kind === 'flow' && !after.leadIn && after.chunk === undefined && isThinBody([after.block], FOLLOW_ON_WORDS) ? [after] : []
        if (slides.length === before && lastSlide && isStep(unit) && lastSlide.filter(isShown).every(isStep) && hasRoom(mergeBlocks([...lastSlide, unit, ...explained]), (blocks) => fits(blocks, heading, options.budget), options.maxCodeLines)) {
          const previous = slides[slides.length - 1]
          lastSlide = [...lastSlide, ...carry, unit]
          carry = []
          slides[slides.length - 1] = { ...slideOf(title, lastSlide, fallback, slides.length > 1), title: previous.title }
          continue
        }
        push([unit])
        continue
      }
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
  flushRun(undefined, true)
  if (carry.length && slides.length) slides[slides.length - 1] = withNotes(slides[slides.length - 1], carry)
  return slides
}

/**
 * Where a run may be cut: where an atom starts, and between any two items of a list that is
 * split anyway (it spans several atoms), so a thin part can borrow a neighbour's last item.
 */
function cutsOf(shown: ShownUnit[], atoms: Array<[number, number]>): number[] {
  const chunkAt = (at: number): number | undefined => {
    const unit = shown[at]
    return unit?.kind === 'flow' && !unit.leadIn ? unit.chunk : undefined
  }
  const spans = new Map<number, number>()
  for (const [from] of atoms) {
    const chunk = chunkAt(from)
    if (chunk !== undefined) spans.set(chunk, (spans.get(chunk) ?? 0) + 1)
  }
  const cuts = new Set(atoms.map(([from]) => from))
  for (let at = 1; at < shown.length; at++) {
    const chunk = chunkAt(at)
    if (chunk !== undefined && chunkAt(at - 1) === chunk && (spans.get(chunk) ?? 0) > 1) cuts.add(at)
  }
  return [...cuts].sort((a, b) => a - b)
}

/** Whether a unit is one step of a procedure: code with the lead-in that introduces it. */
function isStep(unit: Unit): boolean {
  return unit.kind === 'solo' && unit.block.type === 'code' && unit.lead !== undefined && showsCode([unit])
}

/** Whether a unit's text holds a part the note marks (bold, a highlight): such a line is shown, never only said. */
function marked(unit: ShownUnit): boolean {
  const runs = unit.block.type === 'bullets' ? unit.block.items.flatMap((item) => item.runs) : 'runs' in unit.block ? unit.block.runs : []
  return runs.some((run) => run.strong || run.tags?.some((tag) => tag === 'mark' || tag === 'b' || tag === 'strong'))
}

/** Whether a unit is not one item of a longer list (`among` all units) that `part` shows only some of. */
function wholeChunk(unit: Unit, among: Unit[], part: Unit[]): boolean {
  if (unit.kind !== 'flow' || unit.chunk === undefined) return true
  const items = (units: Unit[]): number => units.filter((other) => other.kind === 'flow' && other.chunk === unit.chunk).length
  return items(among) === items(part)
}

/**
 * A list's split (see partsWithin; `led`: the first part with its lead-in) between whole items:
 * the sub-bullets of one item (`joins(at)`: unit `at` continues the item of unit `at - 1`) stay
 * together, as one unit would (a part of one item is taken as it is).
 */
function partsBetweenItems(count: number, fitsPart: (from: number, to: number) => boolean, joins: (at: number) => boolean, led: boolean): Array<[number, number]> {
  const items: Array<[number, number]> = []
  for (let at = 0; at < count; at++) {
    if (at > 0 && joins(at)) items[items.length - 1][1] = at + 1
    else items.push([at, at + 1])
  }
  return partsWithin(items.length, (a, b) => b - a === 1 || fitsPart(items[a][0], items[b - 1][1]), led).map(([a, b]): [number, number] => [items[a][0], items[b - 1][1]])
}

/** Whether a unit shows one bullet with no sub-bullets (and is no piece of a longer item). */
function isBareBullet(unit: ShownUnit | undefined): boolean {
  return unit?.kind === 'flow' && unit.piece === undefined && unit.block.type === 'bullets' && unit.block.items.length === 1 && !unit.block.items[0].children.length
}

/** Whether two units are sub-bullets of one list item (see listUnits). */
function samePiece(before: ShownUnit | undefined, unit: ShownUnit | undefined): boolean {
  return before?.kind === 'flow' && unit?.kind === 'flow' && unit.piece !== undefined && unit.piece === before.piece
}

/** Whether flow text (a paragraph's bullets, not a list's items) grammatically continues the flow text before it. */
function continuesUnit(before: ShownUnit, unit: ShownUnit): boolean {
  if (before.kind !== 'flow' || unit.kind !== 'flow' || unit.leadIn || unit.opener || unit.chunk !== undefined) return false
  const block = unit.block
  const runs = block.type === 'bullets' ? block.items[0]?.runs : block.type === 'paragraph' ? block.runs : undefined
  return runs !== undefined && continuesRuns(runs)
}

/** A unit as notes only: what it showed is said by the speaker (its notes keep the text). */
function toNotes(unit: Unit): Unit {
  const notes = 'notes' in unit && unit.notes ? unit.notes : isShown(unit) ? blockText(unit.block) : ''
  return notesOnly(notes, unit.range)
}

function blockText(block: SlideBlock): string {
  if (block.type === 'bullets') return block.items.map((item) => runsText(item.runs)).join(' ')
  return 'runs' in block ? runsText(block.runs) : ''
}

/**
 * A lead-in paragraph of several sentences that does not fit with what it introduces: its last
 * sentence (the one that leads in) stays a lead-in, the sentences before it become `opener`
 * units, so the lead-in can keep its list whole while the openers go to the slide before.
 */
export function splitLongLeads(run: Unit[], fitsLead: (blocks: SlideBlock[]) => boolean): Unit[] {
  const out: Unit[] = []
  for (let i = 0; i < run.length; i++) {
    const unit = run[i]
    if (unit.kind !== 'flow' || !unit.leadIn || unit.block.type !== 'paragraph') {
      out.push(unit)
      continue
    }
    const rest = run.slice(i + 1).filter(isShown)
    const chunkOf = (u: ShownUnit): number | undefined => (u.kind === 'flow' ? u.chunk : u.kind === 'group' ? -u.group : undefined)
    const chunk = rest[0] ? chunkOf(rest[0]) : undefined
    let end = 1
    if (chunk !== undefined) while (end < rest.length && chunkOf(rest[end]) === chunk) end++
    const introduced = rest.slice(0, end)
    const sentences = splitSentences(unit.block.runs)
    const blocks = mergeBlocks(introduced)
    if (!introduced.length || sentences.length < 2 || fitsLead([unit.block, ...blocks])) {
      out.push(unit)
      continue
    }
    const lead: SlideBlock = { type: 'paragraph', runs: sentences[sentences.length - 1] }
    // A table too long for one slide: the leading sentence goes with its first rows, and the
    // sentences before it may then take a slide of their own (rather than a one-row first part).
    const table = introduced.length > 2 && introduced[0].kind === 'group' && fitsLead([lead, ...mergeBlocks(introduced.slice(0, 2))])
    if (!fitsLead([lead, ...blocks]) && !table) {
      out.push(unit)
      continue
    }
    const before = sentences.slice(0, -1).flatMap((sentence, k) => (k ? [{ text: ' ' }, ...sentence] : sentence))
    const bullets: SlideBlock = { type: 'bullets', ordered: false, start: 1, items: condenseParagraph(before).map((runs) => ({ runs, children: [] })) }
    out.push(opener(bullets, unit.notes, unit.range), flow(lead, '', unit.range, true))
  }
  return out
}

/**
 * The pieces a run of shown units may be split between, as [from, to) ranges. A lead-in (with
 * the sentences it opens with, its `opener` units) joins what it introduces: the items of one
 * list (one `chunk`), one run of definitions, or the one unit after it. In order of preference:
 * 1. all of it on one slide;
 * 2. the openers on a piece of their own (packUnits joins them to the slide before, says a short
 *    one in the notes, or the section divider shows it), the lead-in with the whole run;
 * 3. a run too long for one slide split evenly between its items, the lead-in (and the openers,
 *    when every part still fits) with the first part; but a run of definitions (a table) that
 *    would leave a one-row part stays whole on a slide of its own, its lead-in `said` there.
 * Note: the budget is never stretched for this: `lectern check` fails a slide past it.
 * Note: a lead-in is never a piece of its own, and a run that fits with its lead-in is never cut.
 */
export function atomsOf(shown: ShownUnit[], fitsPart: (from: number, to: number) => boolean, said = new Set<ShownUnit>()): Array<[number, number]> {
  const atoms: Array<[number, number]> = []
  // A run of definitions is one chunk as well (negative numbers, apart from a list's line).
  const chunkOf = (unit: ShownUnit): number | undefined => (unit.kind === 'flow' ? unit.chunk : unit.kind === 'group' ? -unit.group : undefined)
  // A lead-in's own opening sentences, or one short line right before it, open it.
  const isOpener = (unit: ShownUnit): boolean => unit.kind === 'flow' && (Boolean(unit.opener) || isThinBody([unit.block]))
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
    const whole = (from: number): boolean => fitsPart(from, end)
    if (end - i === 1 || whole(i)) atoms.push([i, end])
    else if (k > i && (end - k === 1 || whole(k))) atoms.push([i, k], [k, end])
    else {
      // The openers go with the first part when every part still fits, else on a piece of their own.
      // The sub-bullets of one item part only where that leaves fewer lone items (see
      // partsWithin); under a lead-in, never (its list splits between whole items).
      const split = (from: number): Array<[number, number]> => {
        const fitsItems = (a: number, b: number): boolean => fitsPart(a === 0 ? from : j + a, j + b)
        const joins = (a: number): boolean => samePiece(shown[j + a - 1], shown[j + a])
        let cuts = partsBetweenItems(end - j, fitsItems, joins, j > from)
        // Without a lead-in, a slide of one bullet alone (an item without sub-bullets) is avoided
        // by parting an item between its sub-bullets (the item repeated), when that takes no more slides.
        const alone = (parts: Array<[number, number]>): boolean => parts.some(([a, b]) => b - a === 1 && isBareBullet(shown[j + a]))
        if (j === from && alone(cuts)) {
          const parted = partsWithin(end - j, fitsItems)
          if (parted.length <= cuts.length && !alone(parted)) cuts = parted
        }
        return cuts.map(([a, b], n): [number, number] => [n === 0 ? from : j + a, j + b])
      }
      const withOpeners = k > i ? split(i) : []
      const pieces = split(k)
      // A run of definitions is a table: rather than leave it a one-row part, it stays whole on
      // a slide of its own, and its lead-in is said with it (a lead-in never closes the slide
      // before its table); the openers, if any, are a piece of their own.
      const loneParts = (cuts: Array<[number, number]>): number => cuts.filter(([a, b]) => b - a === 1 || (a <= k && b - j === 1)).length
      const lone = loneParts(pieces) > 0
      if (shown[j].kind === 'group' && lone && fitsPart(j, end)) {
        shown.slice(k, j).forEach((unit) => said.add(unit))
        if (k > i) atoms.push([i, k])
        atoms.push([k, end])
      } else if (withOpeners.length && withOpeners.every(([a, b]) => fitsPart(a, b)) && (shown[j].kind !== 'group' || loneParts(withOpeners) <= loneParts(pieces))) atoms.push(...withOpeners)
      else {
        if (k > i) atoms.push([i, k])
        atoms.push(...pieces)
      }
    }
    i = end
  }
  return atoms
}

/**
 * Parts of a run with no part that is one thin line (see isThinBody) beside another part: a
 * thin part joins the part after it when both fit one slide, else the part before it, else it
 * takes the last atoms of the part before (`cuts` are where atoms start) when they fit with it.
 * Note: a thin part that fits with neither stays (the section may still place it, see
 * sections.ts); its text is never dropped here.
 */
export function joinThinParts(parts: Array<[number, number]>, isThin: (from: number, to: number) => boolean, fitsPart: (from: number, to: number) => boolean, cuts: number[] = []): Array<[number, number]> {
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
    } else {
      // Neither neighbour has room for it: the slide before gives it its last atoms instead.
      const cut = n > 0 ? cuts.filter((c) => c > out[n - 1][0] && c < from).reverse().find((c) => fitsPart(c, to)) : undefined
      if (cut !== undefined) {
        out[n - 1] = [out[n - 1][0], cut]
        out[n] = [cut, to]
      }
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

function slideOf(title: string, units: Unit[], fallback: LineRange, continued: boolean): SlidePlan {
  const body = mergeBlocks(units)
  const shown = units.filter(isShown)
  // A structure with a line trailing it (see trailUnits) is still that structure's slide.
  const solos = shown.filter((unit) => unit.kind === 'solo')
  // (A procedure's steps, each a lead-in and its code, are a code slide too.)
  const kind = kindOf(shown.length === 1 ? shown[0] : solos.length === 1 || (solos.length && shown.every(isStep)) ? solos[0] : undefined, body)
  let lines: LineRange | undefined
  for (const unit of units) if (unit.range) lines = lines ? mergeLines(lines, unit.range) : { ...unit.range }
  return {
    kind,
    layout: layoutOf(kind),
    title: continued ? `${title}${CONTINUED}` : title,
    body,
    // Said once: a diagram drawn from the paragraph beside it has that paragraph's notes too.
    notes: [...new Set(units.map((unit) => ('notes' in unit ? unit.notes : '')).filter(Boolean))].join('\n\n'),
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
