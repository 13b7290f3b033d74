import type { RootContent } from 'mdast'
import type { Run, Section, SlideBlock } from '../types.js'
import { countWords, normalizeRuns, runsText, toRuns } from '../text.js'
import { definitionOf, gist, shortenSentence, splitSentences } from './condense.js'
import { notesFor } from './notes.js'
import { contentLemmas, samePhrase, termsOf, tidySubject } from './phrase.js'
import { COMPARATIVE_SWAPS } from '../grammar/en.js'
import { alignNamedLines, alignSiblingLists, alignSiblingProse, linesOf, type Aligned } from './align.js'
import { findLabelledProse, findParallel } from './parallel.js'
import { findSides } from './sides.js'

/** Words a comparison cell aims for; a whole phrase that needs more keeps them (never "…"). */
export const CELL_WORDS = 8
/** Most words a cell shows before it falls back to its first clause. */
const CELL_MAX = 14
/** Columns a comparison may have: more subjects than this are a list of topics, not a comparison. */
const MAX_SUBJECTS = 5
/** Words a subject's name or an aspect's label may have (longer ones are sentences or questions). */
const NAME_WORDS = 6
/** Most rows a summary table (subjects as rows) may have: more siblings than this are a catalogue. */
const MAX_ROWS = 12
/** Words a summary cell aims for: it sums up what the siblings' own slides say in full. */
const SUMMARY_WORDS = 6

/** A title that can name a column or a row: short, not a question, not a numbered step ("Step 2"). */
function isName(text: string): boolean {
  const clean = text.trim()
  return Boolean(clean) && countWords(clean) <= NAME_WORDS && !/\?\s*$/.test(clean) && !/^\S+\s+\d+\b|^\d+[.)]/.test(clean)
}

/** The key an aspect is matched by: its content words as lemmas ("Use cases" → "use case"). */
export function aspectKey(name: string): string {
  return contentLemmas(name).join(' ')
}

/**
 * A cell's text: a phrase of the note, shortened by whole clauses, never cut inside one with
 * "…". Note: a phrase longer than CELL_WORDS is kept whole up to CELL_MAX words.
 */
export function phraseCell(text: string | Run[], words = CELL_WORDS): Run[] {
  const runs = typeof text === 'string' ? [{ text }] : text
  if (runsText(runs).trim() === '—') return [{ text: '—' }]
  const first = normalizeRuns(splitSentences(runs)[0] ?? runs)
  const whole = shortenSentence(first, Number.MAX_SAFE_INTEGER)
  if (countWords(runsText(whole)) <= words) return whole
  const short = gist(whole, words)
  if (!runsText(short).includes('…')) return short
  const clause = shortenSentence(whole, Math.max(CELL_MAX, words))
  return runsText(clause).includes('…') ? whole : clause
}

export interface Comparison {
  block: Extract<SlideBlock, { type: 'comparison' }>
  /** Blocks that the comparison table replaces (not shown again on other slides). */
  consumed: Set<RootContent>
  notes: string
  title: string
  /** The sibling sections compared, when the subjects are sections (in note order). */
  sections?: Section[]
  /** Placed after the section's subsections (which keep their own slides), not before them. */
  after?: boolean
  /** A summary of many siblings (subjects as rows): shown after them even when it takes several slides. */
  summary?: boolean
  /** The note's own sentence that opens the comparison (its block went into the table): shown above it. */
  lead?: string
}

/** One labelled statement about a subject: "Isolation: full, per guest". */
interface Entry {
  label: string
  runs: Run[]
}

interface Subject {
  name: string
  entries: Entry[]
  /** Blocks the entries came from, and the text the speaker notes keep. */
  blocks: RootContent[]
  notes: string
  section?: Section
}

/**
 * Labelled entries of a block: list items, paragraphs or soft-wrapped lines of one paragraph
 * that read `Label: text` or `**Label** text`. A line without a label continues the entry above.
 */
function entriesOf(block: RootContent): Entry[] {
  const entries: Entry[] = []
  const add = (runs: Run[], continues: boolean): void => {
    const definition = definitionOf(runs)
    if (definition) entries.push({ label: runsText(definition.term).trim(), runs: definition.explanation })
    else if (continues && entries.length) entries[entries.length - 1].runs.push({ text: ' ' }, ...runs)
  }
  if (block.type === 'paragraph') for (const line of linesOf(block)) add(line, true)
  if (block.type === 'list') {
    for (const item of block.children) {
      const first = item.children[0]
      if (first?.type === 'paragraph') add(toRuns(first.children), false)
    }
  }
  return entries
}

/** A lead-in that names a subject: "Prokaryotic cells:" or a paragraph that is one bold phrase. */
function leadInName(block: RootContent): string | undefined {
  if (block.type !== 'paragraph') return undefined
  const runs = normalizeRuns(toRuns(block.children))
  const text = runsText(runs).trim()
  if (!text || text.includes('\n') || countWords(text) > 6) return undefined
  const bold = runs.length === 1 && runs[0].strong
  if (!text.endsWith(':') && !bold) return undefined
  return tidySubject(text.replace(/[:：]\s*$/, '').replace(/^\*+|\*+$/g, ''))
}

/** Subjects that sibling sections describe: each child's labelled lines and its subsection titles. */
function sectionSubjects(section: Section): Subject[] {
  return section.children.map((child) => {
    const entries: Entry[] = []
    const blocks: RootContent[] = []
    const titles = new Map<RootContent, string>()
    for (const block of child.blocks) {
      const found = entriesOf(block)
      if (found.length) {
        entries.push(...found)
        blocks.push(block)
      }
    }
    for (const grandchild of child.children) {
      if (!isName(grandchild.title)) continue
      const first = grandchild.blocks.find((block) => block.type === 'paragraph' || block.type === 'list')
      const runs = first ? firstStatement(first) : undefined
      if (!first || !runs) continue
      entries.push({ label: grandchild.title, runs })
      blocks.push(first)
      titles.set(first, grandchild.title)
    }
    const notes = [child.title, ...blocks.flatMap((block) => [titles.get(block), notesFor(block)])].filter(Boolean).join('\n\n')
    return { name: tidySubject(child.title), entries, blocks, notes, section: child }
  })
}

/** The first thing a paragraph or list says. */
function firstStatement(block: RootContent): Run[] | undefined {
  if (block.type === 'paragraph') return toRuns(block.children)
  if (block.type === 'list') {
    const first = block.children[0]?.children[0]
    return first?.type === 'paragraph' ? toRuns(first.children) : undefined
  }
  return undefined
}

/** Subjects introduced inside one section by parallel lead-ins, each followed by labelled lines. */
function leadInSubjects(section: Section): Subject[] {
  const subjects: Subject[] = []
  const blocks = section.blocks
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]
    // A paragraph whose first line is one bold phrase and whose other lines are labelled.
    if (block.type === 'paragraph') {
      const lines = linesOf(block)
      if (lines.length >= 3 && lines[0].length === 1 && lines[0][0].strong) {
        const entries: Entry[] = []
        for (const line of lines.slice(1)) {
          const definition = definitionOf(line)
          if (definition) entries.push({ label: runsText(definition.term).trim(), runs: definition.explanation })
        }
        if (entries.length >= 2) {
          subjects.push({ name: tidySubject(runsText(lines[0])), entries, blocks: [block], notes: notesFor(block) })
          continue
        }
      }
    }
    const name = leadInName(block)
    const next = blocks[i + 1]
    if (!name || !next) continue
    const entries = entriesOf(next)
    if (entries.length < 2) continue
    subjects.push({ name, entries, blocks: [block, next], notes: `${notesFor(block)}\n\n${notesFor(next)}` })
    i++
  }
  return subjects
}

/**
 * The opening of a statement when it starts with a verb ("Regulated by adenosine" → label
 * "Regulated by", rest "adenosine"): parallel items about two subjects often open alike.
 */
function verbOpening(runs: Run[]): Entry | undefined {
  const text = runsText(runs).trim()
  const terms = termsOf(text)
  if (!terms.length || !terms[0].tags.has('Verb')) return undefined
  let end = 1
  if (terms[end]?.tags.has('Preposition') || terms[end]?.tags.has('Particle')) end++
  if (end >= terms.length) return undefined
  const words = text.split(/\s+/)
  const label = words.slice(0, end).join(' ')
  const rest = words.slice(end).join(' ')
  return rest ? { label: label.charAt(0).toUpperCase() + label.slice(1), runs: [{ text: rest }] } : undefined
}

/**
 * Subjects that are the bold openings of a list's items, each with sub-items that open alike:
 * "- **Process A** is … / - Regulated by X" and "- **Process B** is … / - Regulated by Y".
 */
function itemSubjects(section: Section): Subject[] {
  for (const block of section.blocks) {
    if (block.type !== 'list') continue
    const subjects: Subject[] = []
    for (const item of block.children) {
      const first = item.children[0]
      if (first?.type !== 'paragraph') continue
      const runs = normalizeRuns(toRuns(first.children))
      if (!runs[0]?.strong || runs.length < 2) continue
      const entries: Entry[] = []
      const head = verbOpening(runs.slice(1))
      if (head) entries.push(head)
      for (const child of item.children.slice(1)) {
        if (child.type !== 'list') continue
        for (const sub of child.children) {
          const paragraph = sub.children[0]
          if (paragraph?.type !== 'paragraph') continue
          const subRuns = toRuns(paragraph.children)
          const definition = definitionOf(subRuns)
          const entry = definition ? { label: runsText(definition.term).trim(), runs: definition.explanation } : verbOpening(subRuns)
          if (entry) entries.push(entry)
        }
      }
      subjects.push({ name: tidySubject(runsText([runs[0]])), entries, blocks: [], notes: '' })
    }
    if (subjects.filter((subject) => subject.entries.length >= 2).length >= 2) {
      return subjects.map((subject) => ({ ...subject, blocks: [block], notes: notesFor(block) }))
    }
  }
  return []
}

/**
 * Two aspect labels name the same aspect once each subject's own words are set aside: the same
 * lemmas ("Use cases" / "Use case"), one inside the other with its head noun, or labels of the
 * same length that differ in one word ("Why demand slopes downward" / "Why supply slopes upward").
 */
export function sameAspect(a: string, b: string, subjects: string[] = []): boolean {
  const own = new Set(subjects.flatMap((subject) => contentLemmas(subject)))
  const strip = (label: string): string[] => contentLemmas(label).filter((word) => !own.has(word))
  const ka = strip(a)
  const kb = strip(b)
  // Labels of function words only ("Is", "Has") match when written alike.
  if (!ka.length && !kb.length) return a.trim().toLowerCase() === b.trim().toLowerCase()
  if (!ka.length || !kb.length) return false
  if (ka.join(' ') === kb.join(' ')) return true
  if (sameGradedAspect(ka, kb)) return true
  // Titles built on one frame around each subject's name may differ in one more word; plain
  // labels may not ("Memory use" is not "Disk use").
  const framed = ka.length < contentLemmas(a).length && kb.length < contentLemmas(b).length
  if (framed && ka.length >= 2 && ka.length === kb.length && ka.filter((word, i) => word !== kb[i]).length === 1) return true
  return samePhrase(ka.join(' '), kb.join(' '))
}

/** Shortest shared start of two words that counts as one stem ("flexib-"). */
const STEM_CHARS = 5

/** Whether a label grades its aspect with a comparative word ("Less flexible", "More secure"). */
export function isGraded(label: string): boolean {
  return label.trim().toLowerCase().split(/\s+/).some((word) => COMPARATIVE_SWAPS[word] !== undefined)
}

/**
 * A graded label and the aspect it grades, one word each once the comparative is set aside:
 * "Less flexible" / "Flexibility", "More secure" / "Security" (a shared stem of most of the
 * shorter word). Note: only with a comparative on one side; "Memory" is not "Memorial".
 */
function sameGradedAspect(ka: string[], kb: string[]): boolean {
  const ungraded = (words: string[]): string[] => words.filter((word) => COMPARATIVE_SWAPS[word] === undefined)
  const [a, b] = [ungraded(ka), ungraded(kb)]
  if ((a.length === ka.length) === (b.length === kb.length) || a.length !== 1 || b.length !== 1) return false
  const [x, y] = [a[0], b[0]]
  let shared = 0
  while (shared < x.length && shared < y.length && x[shared] === y[shared]) shared++
  return shared >= STEM_CHARS && shared >= Math.min(x.length, y.length) * 0.7
}

/**
 * The words that tell subjects apart: "Merging with Git" / "Rebasing with Git" → "Merging",
 * "Rebasing". Aspect labels lose only these words, never the ones all subjects share.
 */
function distinctive(names: string[]): string[] {
  const lemmas = names.map((name) => contentLemmas(name))
  const common = lemmas.reduce((acc, words) => acc.filter((word) => words.includes(word)))
  return names.map((name, i) => {
    const own = name.split(/\s+/).filter((word) => contentLemmas(word).some((lemma) => lemmas[i].includes(lemma) && !common.includes(lemma)))
    return own.length ? own.join(' ') : name
  })
}

/** A row's label: the label as the first subject wrote it, without the subject's own words. */
function rowLabel(labels: string[], subjects: string[]): string {
  const own = new Set(subjects.flatMap((subject) => contentLemmas(subject)))
  const words = labels[0].split(/\s+/)
  const kept = words.filter((word) => !contentLemmas(word).some((lemma) => own.has(lemma)))
  const text = (kept.length ? kept : words).join(' ').replace(/[:：]$/, '')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Aspects as rows, subjects as columns; undefined when fewer than two aspects are shared. */
function tableOf(all: Subject[]): { subjects: Subject[]; rows: Array<{ aspect: string; cells: Run[][] }> } | undefined {
  const subjects = all
    .filter((subject) => isName(subject.name))
    .map((subject) => ({ ...subject, entries: subject.entries.filter((entry) => isName(entry.label)) }))
    .filter((subject) => subject.entries.length >= 2)
  if (subjects.length < 2 || subjects.length > MAX_SUBJECTS) return undefined
  const names = distinctive(subjects.map((subject) => subject.name))
  const rows: Array<{ labels: string[]; cells: Map<number, Run[]> }> = []
  subjects.forEach((subject, s) => {
    for (const entry of subject.entries) {
      const row = rows.find((candidate) => !candidate.cells.has(s) && candidate.labels.some((label) => sameAspect(label, entry.label, names)))
      if (row) {
        // A graded label ("Less flexible") is the point of its cell under the plain aspect's row.
        const graded = isGraded(entry.label) && !row.labels.some(isGraded)
        row.cells.set(s, graded ? [{ text: `${entry.label.replace(/[:：]\s*$/, '')}: ` }, ...entry.runs] : entry.runs)
        row.labels.push(entry.label)
      } else rows.push({ labels: [entry.label], cells: new Map([[s, entry.runs]]) })
    }
  })
  const shared = rows.filter((row) => row.cells.size >= 2)
  // Mostly "—" is not a comparison: at least half the rows must be said of two subjects or more.
  if (shared.length < 2 || shared.length * 2 < rows.length) return undefined
  // Keep subjects that take part in at least two shared aspects.
  const kept = subjects.map((_, s) => s).filter((s) => shared.filter((row) => row.cells.has(s)).length >= 2)
  if (kept.length < 2) return undefined
  const keptNames = distinctive(kept.map((s) => subjects[s].name))
  return {
    subjects: kept.map((s) => subjects[s]),
    rows: rows
      .filter((row) => kept.some((s) => row.cells.has(s)))
      .map((row) => ({
        aspect: rowLabel(row.labels, keptNames),
        cells: kept.map((s) => (row.cells.has(s) ? phraseCell(row.cells.get(s)!) : [{ text: '—' }])),
      })),
  }
}

/**
 * Find a comparison in a section: sibling subsections, or subjects introduced by parallel
 * lead-ins, that share at least two labelled aspects (`Label:` lines, `**Label**` items, or
 * subsections with parallel titles) become one table, aspects as rows and subjects as columns.
 * Note: with fewer than two shared aspects there is no table: no table beats a wrong one.
 */
export function findComparison(section: Section): Comparison | undefined {
  for (const candidates of [sectionSubjects(section), leadInSubjects(section), itemSubjects(section)]) {
    if (candidates.length < 2) continue
    const table = tableOf(candidates)
    if (!table) {
      const summary = summaryOf(candidates, section)
      if (summary) return summary
      continue
    }
    const names = table.subjects.map((subject) => subject.name)
    return {
      // Between whole sections of the note: "A vs B" when short, else the note's own title.
      title: section.depth > 0 ? section.title : countWords(names.join(' ')) <= 6 ? names.join(' vs ') : section.title,
      block: { type: 'comparison', subjects: names, showAspects: true, rows: table.rows },
      consumed: new Set(table.subjects.flatMap((subject) => subject.blocks)),
      notes: [...new Set(table.subjects.map((subject) => subject.notes))].join('\n\n'),
      sections: table.subjects.flatMap((subject) => (subject.section ? [subject.section] : [])),
    }
  }
  // Statements without labels of their own, aligned by their shape (plan/align.ts).
  for (const aligned of [alignSiblingLists(section), alignNamedLines(section), alignSiblingProse(section)]) {
    if (aligned) return alignedComparison(aligned, section)
  }
  // Two subjects told of side by side, a bullet or paragraph each (plan/sides.ts).
  const sides = findSides(section)
  if (sides) return alignedComparison(sides, section)
  // Paragraphs that each introduce one thing and rate it on measures of one kind (plan/parallel.ts):
  // the paragraphs keep their slides and the table follows them.
  const parallel = findParallel(section) ?? findLabelledProse(section)
  if (parallel) return { ...alignedComparison({ ...parallel, blocks: [] }, section), after: true }
  return undefined
}

/** A comparison from aligned statements: cells are their phrases, "—" where a subject says nothing. */
function alignedComparison(aligned: Aligned, section: Section): Comparison {
  const { names } = aligned
  return {
    title: section.depth > 0 ? section.title : countWords(names.join(' ')) <= 6 ? names.join(' vs ') : section.title,
    block: {
      type: 'comparison',
      subjects: names,
      showAspects: aligned.rows.every((row) => row.aspect),
      rows: aligned.rows.map((row) => ({ aspect: row.aspect, cells: row.cells.map((cell) => (cell ? phraseCell(cell, CELL_MAX) : [{ text: '—' }])) })),
    },
    consumed: new Set(aligned.blocks),
    notes: aligned.notes,
    sections: aligned.sections ?? [],
    after: aligned.after,
    ...(aligned.lead ? { lead: aligned.lead } : {}),
  }
}

/** A numbered title's name without its number ("3. Monitor mode" → "Monitor mode"). */
const unnumbered = (title: string): string => title.replace(/^\s*\d+[.)]\s+/, '')

/**
 * Many siblings (more than a table has room for as columns) that each state the same labelled
 * aspects ("Purpose:", "Typical user:" under each of eight sections): one summary table with a
 * row per sibling and a column per aspect that every sibling states. Note: the siblings keep
 * their own slides (they say more than a cell can), so nothing is consumed and the table
 * follows the last of them; an aspect told only as a sub-list (an empty label) is left to them.
 */
function summaryOf(all: Subject[], section: Section): Comparison | undefined {
  if (all.length <= MAX_SUBJECTS) return undefined
  const subjects = all
    .map((subject) => ({ ...subject, name: tidySubject(unnumbered(subject.name)) }))
    .filter((subject) => isName(subject.name) && subject.entries.filter((entry) => isName(entry.label) && runsText(entry.runs).trim()).length >= 2)
  // Nearly every sibling takes part (a closing summary or an overview section may not).
  if (subjects.length <= MAX_SUBJECTS || subjects.length > MAX_ROWS || subjects.length < all.length - 2) return undefined
  const names = subjects.map((subject) => subject.name)
  // Rows show what tells the siblings apart ("Local", "Bridge"); the word all of them share
  // ("mode") names the row column. A parenthesis is another name, left to their own slides.
  const plain = names.map((name) => name.replace(/\s*\([^)]*\)/g, '').trim())
  const rowNames = distinctive(plain)
  const corner = plain[0].split(/\s+/).filter((word) => !rowNames[0].split(/\s+/).includes(word)).join(' ')
  // Aspects every subject states on its own line, in the first subject's order.
  const first = subjects[0].entries.filter((entry) => isName(entry.label) && runsText(entry.runs).trim())
  const columns = first.filter((entry) => subjects.every((subject) => subject.entries.some((other) => sameAspect(other.label, entry.label, names) && runsText(other.runs).trim())))
  if (columns.length < 2 || columns.length >= subjects.length) return undefined
  const cellOf = (subject: Subject, label: string): Run[] => {
    const entry = subject.entries.find((other) => sameAspect(other.label, label, names) && runsText(other.runs).trim())!
    return phraseCell(entry.runs, SUMMARY_WORDS)
  }
  return {
    title: section.title,
    block: {
      type: 'comparison',
      subjects: columns.map((entry) => rowLabel([entry.label], names)),
      showAspects: true,
      rows: subjects.map((subject, s) => ({ aspect: rowNames[s], cells: columns.map((entry) => cellOf(subject, entry.label)) })),
      ...(corner && rowNames.every((name, s) => name !== plain[s]) ? { corner: tidySubject(corner) } : {}),
    },
    consumed: new Set(),
    notes: `${names.join('; ')}: ${columns.map((entry) => rowLabel([entry.label], names).toLowerCase()).join(' and ')} side by side (each has its own slides before).`,
    sections: subjects.flatMap((subject) => (subject.section ? [subject.section] : [])),
    after: true,
    summary: true,
  }
}
