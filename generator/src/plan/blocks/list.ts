import type { Image, List, ListItem, Paragraph, PhrasingContent, Text } from 'mdast'
import { paragraphUnits } from './paragraph.js'
import type { BulletItem, Run, SlideBlock } from '../../types.js'
import { codeMarkedText, countWords, normalizeRuns, plainText, runsText, toRuns } from '../../text.js'
import { LEADING_MARKERS } from '../../grammar/en.js'
import { BULLET_WORDS, definitionOf, shortenSentence, withSubject } from '../condense.js'
import { itemPoint, itemThought, type ItemThought } from '../item-thought.js'
import { fits, isThinBody, partsWithin } from '../budget.js'
import { measureBlocks } from '../measure.js'
import { notesFor } from '../notes.js'
import { closingUnit, flow, MAX_PARTS, notesOnly, rangeOf, type Unit, type UnitContext } from '../unit.js'
import { imageUnit } from './image.js'
import { codeUnits } from './code.js'
import { commands } from '../diagrams/series.js'
import { announces } from '../point.js'
import { definitionListUnits, isDefinitionList } from './definitions.js'

/** Words a sub-bullet is shortened towards. */
const SUB_BULLET_WORDS = 12

/** What a list item shows: `**Term**: text` for a definition, else its point sentence (and its caveat), shortened by grammar. */
export function itemRuns(item: ListItem, maxWords: number, complete = true): Run[] {
  const first = item.children[0]
  if (first && first.type === 'paragraph') {
    const runs = toRuns(ownLine(first.children.filter((c) => c.type !== 'image')))
    const definition = definitionOf(runs)
    if (definition) return [...definition.term, { text: ': ' }, ...shortenSentence(definition.explanation, Math.max(maxWords - countWords(runsText(definition.term)), 4))]
    const formula = ledFormula(runs, item.children[1])
    if (formula) return formula
    return itemPoint(runs, maxWords, complete)
  }
  if (first && first.type !== 'list') return shortenSentence([{ text: notesFor(first).replace(/\s+/g, ' ') }], maxWords)
  return []
}

/** Most words of a line that leads into the display formula under it ("Equivalently,", "We then get:"). */
const FORMULA_LEAD_WORDS = 8

/**
 * An item whose line only leads into a display formula written under it, in the same item
 * ("- Equivalently,⏎  $$ … $$"): the line and the formula are one bullet (the formula as inline
 * math). Without it the bullet said "Equivalently" and the slide lost the formula it announces.
 */
function ledFormula(runs: Run[], next: ListItem['children'][number] | undefined): Run[] | undefined {
  if (next?.type !== 'math' || !next.value.trim()) return undefined
  const text = runsText(runs).trim()
  if (!/[,:：]$/u.test(text) || countWords(text) > FORMULA_LEAD_WORDS) return undefined
  return [...normalizeRuns(runs), { text: ' ' }, { text: next.value.replace(/\s*\n\s*/g, ' ').trim(), math: true }]
}

/**
 * An item's own text when the note ran the next sentence onto it without a blank line: a line
 * that ends without punctuation, followed by a line that starts a new sentence with a capital
 * ("Amygdala - emotion⏎Critically, the cortex …"), shows its first line only (the notes keep both).
 */
export function ownLine(children: PhrasingContent[]): PhrasingContent[] {
  for (let i = 0; i < children.length; i++) {
    const child = children[i]
    if (child.type !== 'text') continue
    const match = /[^\s.,;:!?([{-]\n(?=\p{Lu})/u.exec(child.value)
    if (match) return [...children.slice(0, i), { ...child, value: child.value.slice(0, match.index + 1) }]
  }
  return children
}

/**
 * An item's direct children in nested lists. A child that is only a connective ("Furthermore:")
 * is no parent of what it introduces: its children take its place (its word stays in the notes).
 */
function childItems(item: ListItem): ListItem[] {
  return item.children
    .filter((child): child is List => child.type === 'list')
    .flatMap((list) => list.children)
    .flatMap((child) => {
      if (!isConnective(child)) return [child]
      const promoted = childItems(child)
      for (const one of promoted) if (!introducedBy.has(one)) introducedBy.set(one, child)
      return promoted
    })
}

/** The connective item ("Furthermore:") whose children took its place, by child. */
const introducedBy = new WeakMap<ListItem, ListItem>()

const CONNECTIVES = new Set(LEADING_MARKERS)

/** Whether an item with children says nothing but a discourse marker ("Furthermore:", "However,"). */
export function isConnective(item: ListItem): boolean {
  const first = item.children[0]
  if (!first || first.type !== 'paragraph' || !item.children.some((child) => child.type === 'list')) return false
  const text = plainText(first).trim().replace(/[\s:：,;.…-]+$/u, '').toLowerCase()
  return CONNECTIVES.has(text)
}

/** An item's descendants, every level, in order. */
function descendants(item: ListItem): ListItem[] {
  return childItems(item).flatMap((child) => [child, ...descendants(child)])
}

/** A bullet with its children, two levels deep: anything deeper folds into the second level. */
function bulletOf(item: ListItem, depth: number, complete = true): BulletItem {
  // The members a top-level line promises ("One such habit is …") are its sub-bullets, when it has none of its own.
  const thought = depth === 0 && complete && !childItems(item).length ? thoughtOf(item) : undefined
  const runs = thought ? thought.runs : itemRuns(item, depth === 0 ? BULLET_WORDS : SUB_BULLET_WORDS, complete)
  const children = depth === 0 ? childItems(item).flatMap((child) => [child, ...descendants(child)]) : []
  const members = [...(thought?.members ?? []), ...(thought?.steps ?? [])].map((member) => ({ runs: member, children: [] }))
  return { runs, children: [...members, ...children.map((child) => ({ runs: itemRuns(child, SUB_BULLET_WORDS, complete), children: [] })).filter((child) => child.runs.length)] }
}

/** Most words a bullet may have to read as a heading (a label such as "Summary") rather than a thought. */
const LABEL_WORDS = 4

/**
 * Whether a bullet shows on the slide: it shows something, and it is no heading left with
 * nothing under it (an item that heads children in the note, none of which shows, whose own
 * text is only a label: "Summary", "Key formula"). Its text stays in the notes.
 */
function showsBullet(item: ListItem, bullet: BulletItem): boolean {
  if (!bullet.runs.length && !bullet.children.length) return false
  return !(childItems(item).length && !bullet.children.length && isLabel(bullet.runs))
}

/**
 * Whether a bullet drilled into need not show where it stands: it is only a label ("Summary")
 * that would stand there with nothing under it (its slides follow, under their subtitle).
 * Note: a thought stays, as the line that leads into those slides.
 */
function headsDrill(bullet: BulletItem): boolean {
  return isLabel(bullet.runs)
}

/** Whether a line is a label, not a thought: a few words with no sentence end, no clause and no formula or code. */
function isLabel(runs: Run[]): boolean {
  const text = runsText(runs).trim()
  return !runs.some((run) => run.math || run.code) && countWords(text) <= LABEL_WORDS && !/[.!?;:,]$/.test(text)
}

/** A plain item's thought with the members its point promises (see itemThought); undefined when it promises none. */
function thoughtOf(item: ListItem): ItemThought | undefined {
  const first = item.children[0]
  if (!first || first.type !== 'paragraph') return undefined
  const runs = toRuns(ownLine(first.children.filter((c) => c.type !== 'image')))
  if (definitionOf(runs)) return undefined
  const thought = itemThought(runs, BULLET_WORDS)
  return thought.members.length || thought.steps?.length ? thought : undefined
}

/**
 * A list's units: one per item, children kept under their parent. An item whose children have
 * children of their own (three levels) becomes its own slides: the item as the subtitle, its
 * children as bullets with theirs beneath. An item too big for one slide is split between its
 * children, the parent repeated at the top of each part.
 */
export function listUnits(list: List, context: UnitContext): Unit[] {
  if (isDefinitionList(list)) return definitionListUnits(list, context)
  // A procedure written as bullets shows its steps numbered, so their order survives a split.
  // (The notes keep the note's own markers.)
  const written = list
  if (isCommandList(list, context.heading)) list = { ...list, ordered: true, start: 1 }
  const budget = context.options.budget
  const units: Unit[] = []
  const ran = new Set<Unit>()
  // What each top-level item shows, for a figure that needs its heading (see withSubject).
  const tops = completedTops(list, context)
  list.children.forEach((item, index) => {
    const marker = written.ordered ? `${(written.start ?? 1) + index}. ` : '- '
    const notes = marker + notesFor(item).replace(/^- /, '')
    const range = rangeOf(item)
    const start = (list.start ?? 1) + index
    const children = childItems(item)
    if (children.some((child) => childItems(child).length)) {
      // Three levels: the item is the subtitle; its children and grandchildren are the two levels shown.
      const subtitle: SlideBlock = { type: 'heading', runs: [...(list.ordered ? [{ text: `${start}. ` }] : []), ...itemRuns(item, BULLET_WORDS)] }
      // An empty item (a bare "-" between groups) shows nothing: no empty bullet.
      const bullets = children.map((child) => bulletOf(child, 0)).filter((bullet, k) => showsBullet(children[k], bullet))
      const block = (items: BulletItem[]): SlideBlock => ({ type: 'bullets', ordered: false, start: 1, items })
      const fitsUnder = (items: BulletItem[]): boolean => fits([subtitle, block(items)], context.titleWords, budget)
      const shownChildren = children.filter((child) => showsBullet(child, bulletOf(child, 0)))
      // A child too long for one slide under the subtitle splits between its own sub-bullets
      // (each piece repeats it); two pieces of one child never share a slide. A child whose own
      // children have children (four levels) is shown as one bullet here instead, and drilled
      // into on slides of its own right after (see `drilled`).
      const owners: number[] = []
      const drills = new Map<number, SlideBlock[]>()
      const pieces = bullets.flatMap((bullet, b) => {
        // (Only beside other children: a slide showing the drilled child alone would say nothing.)
        const cut = fitsUnder([bullet]) || bullet.children.length < 2 ? [[0, bullet.children.length] as [number, number]] : partsWithin(bullet.children.length, (from, to) => fitsUnder([{ runs: bullet.runs, children: bullet.children.slice(from, to) }]))
        const drill = cut.length < 2 || bullets.length < 2 ? undefined : drilled(shownChildren[b], context)
        // Drilled into when that takes fewer slides than the child's pieces would, or as many with no
        // slide of one bullet (it keeps each level under its parent).
        if (drill && (drill.length / 2 < cut.length || (drill.length / 2 === cut.length && !pairs(drill).some(([, shown]) => isThinBody([shown], Infinity))))) {
          drills.set(b, drill)
          owners.push(b)
          return [{ runs: bullet.runs, children: [] }]
        }
        return cut.map(([from, to]) => (owners.push(b), { runs: bullet.runs, children: bullet.children.slice(from, to) }))
      })
      // Runs of pieces between drilled children, each split on its own, the drill-down after it.
      let from = 0
      let first = true
      const emit = (to: number): void => {
        if (to <= from) return
        const run = pieces.slice(from, to)
        const runOwners = owners.slice(from, to)
        // Split evenly between the children (3 + 2, never 4 + 1): a lone leftover under a
        // repeated subtitle reads as a slide of its own.
        // What one connective introduced ("Furthermore:" and its points) stays on one slide when it fits one.
        const glued = (at: number): boolean => {
          const connective = introducedBy.get(shownChildren[runOwners[at]]!)
          return runOwners[at] !== runOwners[at - 1] && connective !== undefined && connective === introducedBy.get(shownChildren[runOwners[at - 1]]!)
        }
        const parts = partsWithin(run.length, (a, b) => new Set(runOwners.slice(a, b)).size === b - a && fitsUnder(run.slice(a, b)), false, glued)
        // A last part that is still one short bullet, after another part of the item: said with
        // the slide before (a lone short line under a repeated subtitle reads as a slide of its own).
        const [lastFrom, lastTo] = parts[parts.length - 1]
        const said = parts.length > 1 && isThinBody([block(run.slice(lastFrom, lastTo))]) ? notesFor(shownChildren[runOwners[lastFrom]]!) : undefined
        for (const [a, b] of said === undefined ? parts : parts.slice(0, -1)) {
          const part = run.slice(a, b)
          const spoken = said !== undefined && b === lastFrom ? [first ? notes : '', said].filter(Boolean).join('\n\n') : first ? notes : ''
          units.push({ kind: 'solo', block: block(part), size: measureBlocks([subtitle, block(part)]), notes: spoken, range, lead: subtitle })
          first = false
        }
        from = to
      }
      pieces.forEach((_, at) => {
        const drill = drills.get(owners[at])
        if (!drill) return
        // A drilled child that is only a label is the subtitle of its slides, not a bullet with nothing under it here.
        const headed = headsDrill(pieces[at])
        emit(headed ? at : at + 1)
        if (headed) from = at + 1
        for (const [lead, bullets] of pairs(drill)) {
          units.push({ kind: 'solo', block: bullets, size: measureBlocks([lead, bullets]), notes: first ? notes : '', range, lead })
          first = false
        }
      })
      emit(pieces.length)
      return
    }
    // A bullet that is only a figure ("53 metres") says what it measures: its heading.
    const whole = withSubject(tops[index], context.heading, tops)
    const block = (bullet: BulletItem): SlideBlock => ({ type: 'bullets', ordered: Boolean(list.ordered), start, items: [bullet] })
    // Split an item whose sub-bullets would not fit on one slide, evenly (3 + 2, never 4 + 1):
    // each part repeats the parent, so a lone leftover sub-bullet would read as a slide of its own.
    const partOf = (from: number, to: number): BulletItem => ({ runs: whole.runs, children: whole.children.slice(from, to) })
    // A part never ends on a sub-bullet that only announces the next one ("… is different in comparison").
    const announcesNext = (to: number): boolean => to < whole.children.length && announces(runsText(whole.children[to - 1].runs))
    const parts = whole.children.length ? partsWithin(whole.children.length, (from, to) => fits([block(partOf(from, to))], context.titleWords, budget) && !(to - from > 1 && announcesNext(to))) : [[0, 0] as [number, number]]
    const first = item.children[0]
    // An item that is only an image shows no empty bullet: its image is shown (or warned about)
    // after the items before it, like an image in a paragraph; its text stays in the notes.
    const images = first?.type === 'paragraph' ? first.children.filter((child): child is Image => child.type === 'image') : []
    // An empty item (a bare "-") shows no empty bullet either.
    if (!showsBullet(item, whole)) units.push(notesOnly(notes, range))
    else if (parts.length === 1 && whole.children.length > 1) {
      // An item that fits one slide is one piece per sub-bullet: the slide shows them as the one
      // item, and a list too long for one slide may part them (the parent repeated) rather than
      // leave an item alone on a slide.
      whole.children.forEach((_, k) => units.push({ kind: 'flow', block: block(partOf(k, k + 1)), size: measureBlocks([block(partOf(k, k + 1))]), notes: k === 0 ? notes : '', range, piece: item }))
    } else parts.forEach(([from, to], n) => units.push(flow(block(partOf(from, to)), n === 0 ? notes : '', range)))
    for (const image of images) units.push(imageUnit(image, context, ''))
    // Code written under an item (the query or command it introduces) shows after it; its text
    // is in the item's notes already.
    for (const child of item.children) {
      if (child.type === 'code') for (const unit of codeUnits(child.value, child.lang ?? '', context, rangeOf(child))) ran.add(units[units.push('notes' in unit ? { ...unit, notes: '' } : unit) - 1])
    }
    // A sentence run onto the item shows after it, as text of its own (its words are in the item's notes).
    const rest = first?.type === 'paragraph' ? first.children.slice(ownLine(first.children).length - 1) : []
    if (first?.type === 'paragraph' && rest.length && ownLine(first.children) !== first.children) {
      const cut = ownLine(first.children)
      const head = cut[cut.length - 1] as Text
      const whole = first.children[cut.length - 1] as Text
      const tail: PhrasingContent[] = [{ ...whole, value: whole.value.slice(head.value.length).replace(/^\s+/, '') }, ...first.children.slice(cut.length)]
      const node: Paragraph = { type: 'paragraph', children: tail, position: first.position }
      for (const unit of paragraphUnits(node, context)) ran.add(units[units.push('notes' in unit ? { ...unit, notes: '' } : unit) - 1])
    }
  })
  // The items of one list stay together on a slide when they fit (see packUnits).
  const chunk = rangeOf(list)?.start ?? 0
  return capList(units.map((unit) => (unit.kind === 'flow' && !ran.has(unit) ? { ...unit, chunk } : unit)), context)
}

/** Most top-level items a list may have for its completions to be weighed item by item (see completedTops). */
const WEIGHED_ITEMS = 40

/**
 * What each top-level item shows: its point with what completes its thought (see itemPoint),
 * item by item while the list still takes no more slides than it does without them.
 * Note: the budget limits the slide; a completed line is not worth a slide more.
 */
function completedTops(list: List, context: UnitContext): BulletItem[] {
  const bare = list.children.map((item) => bulletOf(item, 0, false))
  const full = list.children.map((item) => bulletOf(item, 0))
  const block = (items: BulletItem[]): SlideBlock => ({ type: 'bullets', ordered: Boolean(list.ordered), start: list.start ?? 1, items })
  const slides = (items: BulletItem[]): number => partsWithin(items.length, (from, to) => fits([block(items.slice(from, to))], context.titleWords, context.options.budget)).length
  if (full.every((bullet, i) => runsText(bullet.runs) === runsText(bare[i].runs))) return full
  if (list.children.length > WEIGHED_ITEMS) return bare
  const allowed = slides(bare)
  if (slides(full) <= allowed) return full
  const tops = [...bare]
  full.forEach((bullet, i) => {
    const tried = tops.map((top, k) => (k === i ? bullet : top))
    if (slides(tried) <= allowed) tops[i] = bullet
  })
  return tops
}

/**
 * A child of a three-level item that has levels of its own below its children, shown as slides
 * of its own: the child as the subtitle, its children as bullets with theirs beneath, split
 * evenly between its children. A child of those that is still too deep to fit under it shows as
 * one bullet and is drilled into in turn, right after (an argument nested five levels deep reads
 * as slides of two levels each, every one under its own parent); a child that only leads into
 * one deeper child is shown where it stands, and that deeper child is drilled into instead.
 * Undefined for a child without such levels, or one whose children cannot each be shown so (as
 * lead, bullets pairs in order).
 */
function drilled(child: ListItem | undefined, context: UnitContext, depth = 0): SlideBlock[] | undefined {
  if (!child || depth > MAX_DRILL) return undefined
  const grand = childItems(child)
  const deep = (item: ListItem): boolean => childItems(item).some((next) => childItems(next).length > 0)
  if (grand.length === 1 && deep(grand[0])) return drilled(grand[0], context, depth + 1)
  if (grand.length < 2 || !grand.some((item) => childItems(item).length)) return undefined
  const subtitle: SlideBlock = { type: 'heading', runs: itemRuns(child, BULLET_WORDS) }
  const shown = grand.map((item) => ({ item, bullet: bulletOf(item, 0) })).filter(({ item, bullet }) => showsBullet(item, bullet))
  const block = (items: BulletItem[]): SlideBlock => ({ type: 'bullets', ordered: false, start: 1, items })
  const fitsUnder = (items: BulletItem[]): boolean => fits([subtitle, block(items)], context.titleWords, context.options.budget)
  // Each child fits under the subtitle, or shows as one bullet and is drilled into after it.
  const deeper = new Map<number, SlideBlock[]>()
  const bullets: BulletItem[] = []
  for (const [k, { item, bullet }] of shown.entries()) {
    if (fitsUnder([bullet])) {
      bullets.push(bullet)
      continue
    }
    const drill = deep(item) || (childItems(item).length === 1 && deep(childItems(item)[0])) ? drilled(item, context, depth + 1) : undefined
    if (!drill || !fitsUnder([{ runs: bullet.runs, children: [] }])) return undefined
    deeper.set(k, drill)
    bullets.push({ runs: bullet.runs, children: [] })
  }
  const out: SlideBlock[] = []
  let from = 0
  const emit = (to: number): void => {
    if (to <= from) return
    for (const [a, b] of partsWithin(to - from, (x, y) => fitsUnder(bullets.slice(from + x, from + y)))) out.push(subtitle, block(bullets.slice(from + a, from + b)))
    from = to
  }
  // A child drilled into is the subtitle of its own slides, not a bullet with nothing under it here.
  for (const [k, drill] of deeper) {
    const headed = headsDrill(bullets[k])
    emit(headed ? k : k + 1)
    if (headed) from = k + 1
    out.push(...drill)
  }
  emit(bullets.length)
  return out
}

/** Most levels a drill-down goes below the slide's own subtitle (a guard against pathological nesting). */
const MAX_DRILL = 6

/** Blocks taken two by two. */
function pairs(blocks: SlideBlock[]): Array<[SlideBlock, SlideBlock]> {
  const out: Array<[SlideBlock, SlideBlock]> = []
  for (let i = 0; i + 1 < blocks.length; i += 2) out.push([blocks[i], blocks[i + 1]])
  return out
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

/** Fewest and most items of a bulleted procedure. */
const COMMAND_ITEMS = { min: 3, max: 12 }

/**
 * Whether a bulleted list is a procedure: its heading is a command ("Install the web server",
 * "Repot a fern") and so is every item's first line ("Open the port", "`chmod 0400 key.pem`",
 * "Run `make` to build it"). Note: a list of advice under a heading that names a topic ("Good
 * habits") is no procedure; both the heading and each item must be commands.
 */
function isCommandList(list: List, heading: string): boolean {
  if (list.ordered || list.children.length < COMMAND_ITEMS.min || list.children.length > COMMAND_ITEMS.max) return false
  const title = heading.trim().replace(/[\s:：.]+$/, '')
  if (!title || /[`$\\]/.test(title) || !commands(title)) return false
  const steps = list.children.filter((item) => {
    const first = item.children[0]
    if (first?.type !== 'paragraph') return false
    const line = codeMarkedText(ownLine(first.children)).trim()
    // "run `yum update` to update": a verb before code is a command too.
    return line !== '' && (commands(line) || /^\p{Ll}+\s+`/u.test(line))
  }).length
  // (One item of four or more may be a command the tagger reads as a name: "SSH into the host".)
  return steps === list.children.length || (list.children.length >= 4 && steps === list.children.length - 1)
}
