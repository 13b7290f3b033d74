import type { Heading, Nodes, Root } from 'mdast'
import { parseSync } from '@slidev/parser'
import { VFile } from 'vfile'
import { markdownReader } from './markdown.js'
import { parseNote } from './parse.js'
import { isNotesOnly } from './dialects/phrasing.js'
import { collapse, plainText, sentences } from './text.js'
import { DANGLING_END_WORDS, EXAMPLE_OPENERS, SUBORDINATORS } from './grammar/en.js'
import { isEnglish } from './grammar/index.js'
import { THIN_WORDS } from './plan/budget.js'
import { FOLLOW_ON_WORDS, followsOnText } from './plan/follow.js'
import { rawMarkup } from './markup.js'
import { TITLE_MAX_CHARS } from './plan/titles.js'

/** One piece of slide text the lint names, with where it is and why. */
export interface LintFinding {
  slide: number
  title: string
  /** `note.md:line` of the sentence it came from (or of the slide's first source line). */
  where: string
  rule: 'ellipsis' | 'subordinate' | 'dangling-end' | 'open-enumeration' | 'open-parenthesis' | 'lost-number' | 'cut-sentence' | 'thin-slide' | 'raw-markup' | 'long-title'
  text: string
}

export interface LintReport {
  /** Bullets and table cells read (on content slides and takeaways). */
  items: number
  /** Items with at least one finding. */
  flagged: number
  findings: LintFinding[]
  thinSlides: number
}

/** Slides whose text is not the note's (cover, agenda, dividers, end): not linted. */
const UNLINTED = new Set(['cover', 'agenda', 'section', 'end'])
const SUBORDINATE = new RegExp(`^(?:${SUBORDINATORS.map(escape).join('|')})\\b`, 'i')
const DANGLING = new Set(DANGLING_END_WORDS)
/** A number standing alone (not the digit of a name such as `eth0`). */
const NUMBER = /(?<![\p{L}\d.,])\d+(?:[.,:]\d+)*(?![\p{L}\d])/gu
/** A source that goes on with a list after the cut: ", memory and disk", " and disk". */
const ENUMERATION_GOES_ON = /^\s*(?:,\s*[^,.;:()]{1,40}?(?:,|\s(?:and|or)\s)|(?:and|or|nor)\s)/i

/** What is left of a source after an optional part's opener: ", such as A and B", " e.g. A, B", ", which could be A or B". */
const EXAMPLE_LIST = new RegExp(`^\\s*,?\\s*(?:${[...EXAMPLE_OPENERS, 'which', 'who', 'whose'].map(escape).join('|')})(?![\\p{L}])`, 'iu')

interface NoteSentence {
  text: string
  line: number
}

/**
 * Lint the text of a deck's slides against its note: bullets and cells that read as cut
 * sentences (an added "…", a lone subordinate clause, a dangling last word, a cut inside a list
 * or parentheses, a number of the source left out), thin slides (one short line that the
 * next slide continues), a notes app's markup left on any slide (`markup.ts`), and content
 * slide titles longer than `TITLE_MAX_CHARS`.
 */
export function lintDeck(deckMarkdown: string, noteText: string, notePath: string): LintReport {
  const note = noteSentencesWithLines(noteText)
  // The note's language decides which rules apply (one sentence is too short to tell).
  const english = isEnglish(note.map((s) => s.text).join(' '))
  const deck = parseSync(deckMarkdown, 'slides.md')
  const findings: LintFinding[] = []
  let items = 0
  let flagged = 0
  let thinSlides = 0
  const slides = deck.slides.map((slide) => ({
    kind: String(slide.frontmatter.kind ?? 'content'),
    title: collapse(String(slide.title ?? '')),
    range: sourceRange(slide.frontmatter.source),
    visible: visibleItems(slide.content),
  }))
  slides.forEach((slide, index) => {
    const number = index + 1
    const where = `${notePath}:${slide.range?.start ?? 1}`
    // Markup is read on every slide the audience sees, its title included; the title shows once.
    const { title, bare, subtitles } = slide.visible
    for (const text of [title, ...subtitles]) if (text && rawMarkup(text)) findings.push({ slide: number, title: slide.title, where, rule: 'raw-markup', text })
    if (title && !UNLINTED.has(slide.kind) && [...title].length > TITLE_MAX_CHARS) findings.push({ slide: number, title: slide.title, where, rule: 'long-title', text: title })
    if (UNLINTED.has(slide.kind)) {
      for (const text of bare) if (rawMarkup(text)) findings.push({ slide: number, title: slide.title, where, rule: 'raw-markup', text })
      return
    }
    const candidates = note.filter((s) => slide.range && s.line >= slide.range.start && s.line <= slide.range.end)
    for (const [itemIndex, item] of slide.visible.items.entries()) {
      items++
      // A header or row label ("Caused by", "Git") names a column or an aspect: it is not cut.
      const problems = itemProblems(item, candidates, slide.visible.items.join(' '), english).filter((p) => !((p.rule === 'dangling-end' || p.rule === 'open-enumeration') && slide.visible.labels.has(item)))
      if (rawMarkup(bare[itemIndex])) problems.push({ rule: 'raw-markup', line: undefined })
      if (problems.length) flagged++
      for (const { rule, line } of problems) {
        findings.push({ slide: number, title: slide.title, where: `${notePath}:${line ?? slide.range?.start ?? 1}`, rule, text: item })
      }
    }
    if (isThinSlide(slide, slides[index - 1], slides[index + 1])) {
      thinSlides++
      findings.push({ slide: number, title: slide.title, where: `${notePath}:${slide.range?.start ?? 1}`, rule: 'thin-slide', text: slide.visible.lines.join(' ') })
    }
  })
  return { items, flagged, findings, thinSlides }
}

/** What the thin-slide rule reads of a slide. */
interface SlideShape {
  kind: string
  title: string
  range?: { start: number; end: number }
  visible: Visible
}

/** A slide's title without its continuation marker ("(cont.)", "2/3", `<sup …>2/3</sup>`). */
function baseTitle(title: string): string {
  return title
    .replace(/\s*<sup\b[^>]*>[^<]*<\/sup>\s*$/i, '')
    .replace(/\s*\((?:cont\.|\d+\/\d+)\)$|\s+\d+\/\d+$/, '')
    .trim()
}

/**
 * Whether a slide is thin: it only leads into the next slide or only trails the one before.
 * The shapes: one short line (at most THIN_WORDS words) that ends in ":" or that a slide of the
 * same title continues or follows; one line that follows on from the slide of its title before it
 * ("So …", at most FOLLOW_ON_WORDS words); a slide that ends on a lead-in ("…as follows:") whose list
 * is on the next slide; and a lone leftover of a split block: one bullet or passage (with at
 * most its lead-in or its callout title) cut from the block the slide before shows, short or
 * under half of what that slide shows.
 */
export function isThinSlide(slide: SlideShape, previous: SlideShape | undefined, next: SlideShape | undefined): boolean {
  if (UNLINTED.has(slide.kind) || slide.kind === 'takeaways' || slide.visible.other) return false
  const isContent = (other: SlideShape | undefined): boolean => Boolean(other && !UNLINTED.has(other.kind) && other.kind !== 'takeaways')
  const sameAs = (other: SlideShape | undefined): boolean => isContent(other) && baseTitle(other!.title) === baseTitle(slide.title)
  const { lines, bullets } = slide.visible
  const leadIn = (line: string): boolean => /[:：]\s*$/.test(line)
  // One short line that leads on, or that only continues a slide of its own title; a line that
  // follows on from the slide before ("So …", "The table above …") may be a little longer.
  if (lines.length === 1 && words(lines[0]) <= THIN_WORDS && ((leadIn(lines[0]) && isContent(next)) || sameAs(next) || sameAs(previous))) return true
  if (lines.length === 1 && words(lines[0]) <= FOLLOW_ON_WORDS && followsOnText(lines[0]) && sameAs(previous)) return true
  // A lead-in that closes its slide, its list or table on the next one.
  if (slide.visible.endsInLead && sameAs(next)) return true
  // One item left over from a block the slide before shows (their source lines overlap): one
  // bullet, or one passage, besides at most a lead-in or the callout title that slide shows too.
  // It is thin when short, or when under half of what the slide before shows (an uneven split);
  // a split into even halves of a passage too long for one slide is not.
  const overlaps = Boolean(previous?.range && slide.range && slide.range.start <= previous.range.end && previous.range.start <= slide.range.end)
  if (!overlaps || !sameAs(previous)) return false
  const aside = (line: string): boolean => leadIn(line) || /\(cont\.\)$/.test(line) || previous!.visible.paragraphs.includes(line)
  const own = slide.visible.paragraphs.filter((line) => !aside(line))
  const asides = slide.visible.paragraphs.length - own.length
  const item = bullets === 1 && !own.length && asides <= 1 ? lines.find((line) => !slide.visible.paragraphs.includes(line)) : !bullets && own.length === 1 && asides <= 1 ? own[0] : undefined
  if (item === undefined) return false
  // What the slide before shows of the block, without the title or subtitle both slides repeat.
  const before = previous!.visible.lines.filter((line) => !slide.visible.paragraphs.includes(line))
  return words(item) <= THIN_WORDS || 2 * words(item) < words(before.join(' '))
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

/**
 * What is wrong with one bullet or cell, judged against the note sentence it came from. The rules
 * that read words (a dangling last word, a lone subordinate clause, a list going on) are English;
 * in a note in another language (`english` false) only whole sentences are shown, so an item that
 * stops inside its sentence is a cut.
 */
export function itemProblems(item: string, candidates: NoteSentence[], slideText = item, english = true): Array<{ rule: LintFinding['rule']; line?: number }> {
  const problems: Array<{ rule: LintFinding['rule']; line?: number }> = []
  const source = bestSource(item, candidates)
  const itemNorm = normalize(item)
  const sourceNorm = source ? normalize(source.text) : undefined
  // An item that is its source as written is the author's, not a cut.
  if (sourceNorm !== undefined && itemNorm === sourceNorm) return problems
  const line = source?.line
  const trimmed = item.replace(/[.!?]+$/, '').trim()
  if (/(?:…|\.\.\.)$/.test(trimmed) && !(source && /…|\.\.\./.test(source.text))) problems.push({ rule: 'ellipsis', line })
  // The word rules below read English; text in another language is shown as whole sentences
  // only, so there a cut is any item that stops before its sentence ends.
  if (!english) {
    if (source && stopsShort(normalize(trimmed), sourceNorm!)) problems.push({ rule: 'cut-sentence', line })
    if (count(trimmed, '(') > count(trimmed, ')') || count(trimmed, '[') > count(trimmed, ']')) problems.push({ rule: 'open-parenthesis', line })
    if (source && lostNumber(source.text, slideText)) problems.push({ rule: 'lost-number', line })
    return problems
  }
  const lastWord = /([\p{L}']+)[^\p{L}\p{N}]*$/u.exec(trimmed.replace(/(?:…|\.\.\.)$/, ''))?.[1]?.toLowerCase()
  // A lead-in ending in ":" ("It is useful for:") introduces what follows: it is not cut.
  const leadIn = /[:：]\s*$/.test(item)
  // An item of several sentences ends where its last sentence ends: the note may end it there too
  // (a lead-in the author left without its colon).
  const lastSentence = normalize(sentences(trimmed).pop() ?? trimmed)
  const asWritten = (source && sourceNorm!.endsWith(normalize(trimmed))) || candidates.some((c) => normalize(c.text) === lastSentence)
  if (lastWord && DANGLING.has(lastWord) && !leadIn && !asWritten) problems.push({ rule: 'dangling-end', line })
  if (SUBORDINATE.test(trimmed) && !/,\s/.test(trimmed) && source && sourceNorm!.length > itemNorm.length + 3) problems.push({ rule: 'subordinate', line })
  if (count(trimmed, '(') > count(trimmed, ')') || count(trimmed, '[') > count(trimmed, ']')) problems.push({ rule: 'open-parenthesis', line })
  if (source) {
    const stem = normalize(trimmed.replace(/(?:…|\.\.\.)$/, ''))
    const at = sourceNorm!.indexOf(stem)
    const rest = stem && at >= 0 ? sourceNorm!.slice(at + stem.length) : undefined
    // A list of examples or a relative clause left out whole (", including A and B", ", which …") is an optional part, not a cut list.
    if (rest !== undefined && ENUMERATION_GOES_ON.test(rest) && !EXAMPLE_LIST.test(rest)) problems.push({ rule: 'open-enumeration', line })
    if (lostNumber(source.text, slideText)) problems.push({ rule: 'lost-number', line })
  }
  return problems
}

/** Whether the source has a number that the slide does not show anywhere (a neighbouring cell, a sub-bullet counts). */
function lostNumber(source: string, slideText: string): boolean {
  const shown = new Set(slideText.match(NUMBER) ?? [])
  return (source.match(NUMBER) ?? []).some((n) => !shown.has(n))
}

/**
 * Whether an item is the start of its sentence and stops before a word of it: not a label that
 * the sentence goes on from with ":" or a dash ("Definition: …"), nor the sentence itself.
 */
function stopsShort(item: string, source: string): boolean {
  if (!item || item.length >= source.length || !source.startsWith(item)) return false
  const rest = source.slice(item.length)
  return /^(?:,\s*|\s+)\p{L}/u.test(rest) && !/^\s*[:：(—–-]/u.test(rest)
}

/** The note sentence an item most likely came from: the one sharing most of its words. */
function bestSource(item: string, candidates: NoteSentence[]): NoteSentence | undefined {
  const words = wordsOf(item)
  if (!words.length) return undefined
  let best: NoteSentence | undefined
  let bestScore = 0
  for (const candidate of candidates) {
    const pool = new Set(wordsOf(candidate.text))
    const shared = words.filter((w) => pool.has(w)).length / words.length
    // Prefer the shorter of equally good sources (a cell over the sentence quoting it).
    if (shared > bestScore || (shared === bestScore && best && candidate.text.length < best.text.length)) {
      best = candidate
      bestScore = shared
    }
  }
  return bestScore >= 0.6 ? best : undefined
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

function normalize(text: string): string {
  return collapse(text.toLowerCase().replace(/[*_`]/g, '')).replace(/[.!?;:,]+$/, '')
}

function count(text: string, char: string): number {
  return text.split(char).length - 1
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
}

function sourceRange(value: unknown): { start: number; end: number } | undefined {
  const match = typeof value === 'string' ? /:(\d+)-(\d+)$/.exec(value) : null
  return match ? { start: Number(match[1]), end: Number(match[2]) } : undefined
}

/**
 * Every sentence of the note (paragraphs, headings, table cells) with the line it starts on, as a
 * slide could show it: pieces the dialects keep for the speaker notes only (a Logseq
 * `reference:: 5.6` property, a comment) are left out, since no slide ever shows them.
 */
function noteSentencesWithLines(noteText: string): NoteSentence[] {
  const { tree } = parseNote(new VFile({ value: noteText }))
  const out: NoteSentence[] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const line = node.position?.start.line ?? 1
      for (const sentence of sentences(plainText(withoutNotesOnly(node)))) out.push({ text: sentence, line })
      return
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child)
  }
  visit(tree)
  return out
}

/** A node without its notes-only inline pieces (dialects/phrasing.ts), at any depth. */
function withoutNotesOnly(node: Nodes): Nodes {
  if (!('children' in node)) return node
  const children = (node.children as Nodes[]).filter((child) => !isNotesOnly(child)).map(withoutNotesOnly)
  return { ...node, children } as Nodes
}

/** Most words of a first-column cell read as the row's label. */
const ROW_LABEL_WORDS = 3

/** What a slide shows, as the lint reads it. */
interface Visible {
  /** Bullets and cells (every paragraph, list item and table cell). */
  items: string[]
  /** Each item as the viewer reads it outside its code spans and math (what raw markup is looked for in). */
  bare: string[]
  /** The slide's title, outside its code spans, math and part marker. */
  title: string
  /** Headings under the title, outside their code spans and math. */
  subtitles: string[]
  /** Every paragraph's text, list items included. */
  lines: string[]
  /** Paragraphs outside lists (a lead-in, a callout's title). */
  paragraphs: string[]
  /** List items, nested ones included. */
  bullets: number
  /** Code, a table, a diagram or an image. */
  other: boolean
  /** Whether the slide ends on a lead-in paragraph ("…as follows:") after something else. */
  endsInLead: boolean
  labels: Set<string>
}

/** The bullets, cells and paragraph lines a slide shows; `other` when it shows code, a table, a diagram or an image. */
function visibleItems(content: string): Visible {
  const tree = markdownReader.parse(content) as Root
  const items: string[] = []
  const bare: string[] = []
  let title = ''
  const subtitles: string[] = []
  const labels = new Set<string>()
  const lines: string[] = []
  const paragraphs: string[] = []
  let bullets = 0
  let other = false
  let last: string | undefined
  const visit = (node: Nodes, inList: boolean): void => {
    switch (node.type) {
      case 'heading': {
        // A subtitle under the slide's title is a line the viewer reads (the title itself is not).
        if (node.depth === 1 && !title) title = textOutsideCode({ ...node, children: untilPartMarker(node.children) })
        else subtitles.push(textOutsideCode(node))
        const text = node.depth > 1 ? collapse(plainText(node)) : ''
        if (text) {
          lines.push(text)
          paragraphs.push(text)
          last = undefined
        }
        return
      }
      case 'html':
        if (/<img|lectern-missing/.test(node.value)) other = true
        return
      case 'code':
      case 'math':
      case 'image':
        other = true
        last = undefined
        return
      case 'table': {
        // Header cells are labels ("What it is", "Regulated by"), read as cells but never as cut.
        other = true
        last = undefined
        // So are a row's first cells when short ("Caused by", "Regulated by"): the aspect each row compares.
        node.children.forEach((row, index) => {
          row.children.forEach((cell, column) => {
            const text = collapse(plainText(cell))
            if (!text || text === '—') return
            items.push(text)
            bare.push(textOutsideCode(cell))
            if (index === 0 || (column === 0 && row.children.length > 1 && words(text) <= ROW_LABEL_WORDS)) labels.add(text)
          })
        })
        return
      }
      case 'listItem':
        bullets++
        for (const child of node.children) visit(child, true)
        last = undefined
        return
      case 'paragraph': {
        const text = collapse(plainText(node))
        if (!text) return
        items.push(text)
        bare.push(textOutsideCode(node))
        lines.push(text)
        if (!inList) paragraphs.push(text)
        last = inList ? undefined : text
        return
      }
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) visit(child, inList)
    }
  }
  visit(tree, false)
  const endsInLead = last !== undefined && /[:：]\s*$/.test(last) && lines.length > 1
  return { items, bare, title, subtitles, lines, paragraphs, bullets, other, endsInLead, labels }
}

/** A title's pieces before the part marker the deck adds (`<sup class="lectern-part">2/3</sup>`). */
function untilPartMarker(children: Heading['children']): Heading['children'] {
  const at = children.findIndex((child) => child.type === 'html' && /^<sup class="lectern-part">/.test(child.value))
  return at < 0 ? children : children.slice(0, at)
}

/** A node's text as shown, without code spans, math and HTML (the deck's own tags, such as a part marker). */
function textOutsideCode(node: Nodes): string {
  const walk = (child: Nodes): string => {
    if (child.type === 'text') return child.value
    if (child.type === 'break') return ' '
    return 'children' in child ? (child.children as Nodes[]).map(walk).join('') : ''
  }
  return collapse(walk(node))
}

/** One line per finding: `deck: slide N "title" (note.md:line): rule: text`. */
export function formatFinding(deck: string, finding: LintFinding): string {
  return `${deck}: slide ${finding.slide} "${finding.title}" (${finding.where}): ${finding.rule}: ${finding.text}`
}
