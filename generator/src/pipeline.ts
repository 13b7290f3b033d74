import type { Nodes, Root } from 'mdast'
import type { VFile } from 'vfile'
import { parseNote } from './parse.js'
import { outlineSections } from './outline.js'
import { defaultPlanOptions, planSlides } from './plan/index.js'
import { emitDeck } from './emit/index.js'
import { fitSlot, readMinutes } from './plan/slot.js'
import type { AssetResolution, Budget, Deck, NoteMeta, Outline, PlanOptions } from './types.js'
import { readingTree } from './text.js'
import { withTagsAhead } from './grammar/index.js'
import { textsToTag } from './tag-ahead.js'
import type { HelperUse } from './helper-thread.js'

/**
 * The whole generator, in order: parse → outline → plan → emit. Pure: it reads nothing and
 * writes nothing. Note: images are resolved through `settings.resolveImage`, which the command
 * supplies (it looks at the file system); tests pass their own.
 */
export function generateDeck(file: VFile, settings: GenerateSettings): Deck & { outline: Outline } {
  const { tree, meta, helper } = parseNote(file, { helper: settings.helperThread ?? 'idle-core' })
  try {
    // From here on the tree is only read: its nodes' text is worked out once (text.ts).
    return readingTree(() => {
      if (!helper) return deckOf(tree, meta, file, settings)
      // A long note's helper thread tags its English sentences while the planner works.
      helper.tagAhead(textsToTag(tree))
      return withTagsAhead(helper.takeTags, () => deckOf(tree, meta, file, settings))
    })
  } finally {
    helper?.close()
  }
}

function deckOf(tree: Root, meta: NoteMeta, file: VFile, settings: GenerateSettings): Deck & { outline: Outline } {
  const outline = outlineSections(tree, meta, file)
  const assets = new Map<string, AssetResolution>()
  for (const url of imagesIn(tree)) {
    assets.set(url, settings.resolveImage?.(url) ?? { status: 'unsupported', reason: 'images are not resolved here' })
  }
  const base = { ...defaultPlanOptions, ...settings.plan }
  const budget = noteBudget(meta.extra.budget, base.budget, file, meta.places?.budget)
  const diagrams = readDiagrams(meta.extra.diagrams, base.diagrams, file, meta.places?.diagrams)
  const skip = readSkip(meta.extra.skip, file, meta.places?.skip)
  const planOptions: PlanOptions = { ...base, budget, diagrams, skip, assets }
  const minutes = settings.plan?.minutes ?? readMinutes(meta.extra.minutes, file, meta.places?.minutes)
  const planned = planSlides(outline, planOptions, file)
  const slides = minutes ? fitSlot(planned, minutes) : planned
  const theme = typeof meta.extra.theme === 'string' && meta.extra.theme.trim() ? (settings.resolveTheme?.(meta.extra.theme.trim()) ?? settings.theme) : settings.theme
  const markdown = emitDeck(
    slides,
    { theme, notePath: settings.notePath, noteFromDeck: settings.noteFromDeck, budget },
    outline.title,
    meta.author,
  )
  return { markdown, slides, outline }
}

export interface GenerateSettings {
  theme: string
  notePath: string
  /** A theme named in the note's frontmatter, as the deck should refer to it. */
  resolveTheme?: (value: string) => string
  /** The note's path relative to the deck folder, recorded for `lectern check`. */
  noteFromDeck?: string
  /** How an image URL written in the note resolves (exists, missing, outside the notes, remote). */
  resolveImage?: (url: string) => AssetResolution
  plan?: Partial<Omit<PlanOptions, 'assets'>>
  /** When a long note gets a helper thread that parses and tags ahead (helper-thread.ts); the deck is the same either way. */
  helperThread?: HelperUse
}

/**
 * Every image URL in a note, in order of first use. Note: a plain walk of the tree, in the order
 * `unist-util-visit` takes (it costs a tenth of visit's, which tracks every node's ancestors).
 */
export function imagesIn(tree: Root): string[] {
  const urls = new Set<string>()
  const walk = (node: Nodes): void => {
    if (node.type === 'image') urls.add(node.url)
    else if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(tree)
  return [...urls]
}

/**
 * The density budget: the note's frontmatter `budget: { words, lines }` over the project's.
 * Note: a budget that is not a pair of positive whole numbers is a warning, and the project's is used.
 */
export function noteBudget(value: unknown, fallback: Budget, file: VFile, place: { line: number; column: number } = { line: 1, column: 1 }): Budget {
  if (value === undefined) return fallback
  const budget = { ...fallback }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    let ok = true
    for (const key of ['words', 'lines'] as const) {
      const entry = (value as Record<string, unknown>)[key]
      if (entry === undefined) continue
      if (typeof entry === 'number' && Number.isInteger(entry) && entry > 0) budget[key] = entry
      else ok = false
    }
    if (ok) return budget
  }
  file.message('frontmatter `budget` must look like `budget: { words: 60, lines: 7 }` (positive whole numbers); the default is used', {
    place,
    ruleId: 'budget',
    source: 'lectern',
  })
  return fallback
}

/**
 * Frontmatter `diagrams: true | false | on | off`. Note: any other value (`diagrams: maybe`) is a
 * warning and the default is kept, rather than read as "on" without a word.
 */
function readDiagrams(value: unknown, fallback: boolean, file: VFile, place: { line: number; column: number } = { line: 1, column: 1 }): boolean {
  if (value === undefined || value === null) return fallback
  if (typeof value === 'boolean') return value
  if (typeof value === 'string' && /^(?:on|off)$/i.test(value.trim())) return value.trim().toLowerCase() === 'on'
  file.message(`frontmatter \`diagrams\` must be true, false, on or off; the default (${fallback ? 'on' : 'off'}) is used`, {
    place,
    ruleId: 'diagrams',
    source: 'lectern',
  })
  return fallback
}

/** Frontmatter `skip: [Section title, …]` (or one title). */
function readSkip(value: unknown, file: VFile, place: { line: number; column: number } = { line: 1, column: 1 }): string[] {
  if (value === undefined || value === null) return []
  const list = Array.isArray(value) ? value : [value]
  if (list.every((entry) => typeof entry === 'string')) return list.map((entry) => entry.trim().toLowerCase())
  file.message('frontmatter `skip` must be a section title or a list of them; it is ignored', {
    place,
    ruleId: 'skip',
    source: 'lectern',
  })
  return []
}
