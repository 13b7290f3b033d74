import type { List, ListItem, RootContent } from 'mdast'
import type { Run, Section, SlideBlock } from '../types.js'
import { toRuns } from '../text.js'
import { definitionOf, gist } from './condense.js'
import { notesFor } from './notes.js'

/** Words a comparison cell may keep. */
export const CELL_WORDS = 8

/**
 * Aspect names that mean the same thing. Matching is by meaning of the words, not spelling:
 * "Resource usage" ≈ "Overhead" ≈ "Footprint" (all say what a thing costs to run), "Startup
 * time" ≈ "Boot time", "Typical use" ≈ "Use case" ≈ "Best for". Note: "Performance" is kept
 * apart from "Startup time": a thing can start fast and still run slowly.
 */
const SYNONYMS: string[][] = [
  ['resource usage', 'resource', 'resources', 'overhead', 'footprint', 'resource consumption', 'efficiency', 'resource use', 'cost', 'memory usage', 'memory'],
  ['startup time', 'startup', 'start time', 'boot time', 'boot', 'start up time', 'startup speed', 'launch time'],
  ['isolation', 'security', 'security isolation', 'isolation level', 'sandboxing'],
  ['portability', 'portable', 'mobility'],
  ['typical use', 'use case', 'use cases', 'best for', 'when to use', 'usage', 'typical use case', 'typical uses', 'good for', 'used for'],
  ['definition', 'what it is', 'overview', 'description', 'summary'],
  ['size', 'image size', 'disk size', 'disk usage', 'storage size'],
  ['operating system', 'os', 'guest os', 'kernel', 'guest operating system'],
  ['performance', 'speed', 'runtime performance'],
  ['management', 'tooling', 'tools', 'administration'],
  ['scalability', 'scaling', 'scale'],
  ['cost', 'price', 'pricing'],
]

const CANONICAL = new Map<string, string>()
for (const group of SYNONYMS) for (const name of group) if (!CANONICAL.has(stem(name))) CANONICAL.set(stem(name), group[0])

function stem(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .join(' ')
}

/** The canonical name of an aspect, so that synonyms compare equal. */
export function aspectKey(name: string): string {
  const key = stem(name)
  return CANONICAL.get(key) ?? key
}

export interface Comparison {
  block: Extract<SlideBlock, { type: 'comparison' }>
  /** Lists that the comparison table replaces (not shown again on other slides). */
  consumed: Set<RootContent>
  notes: string
  title: string
}

interface Subject {
  title: string
  list: List
  aspects: Map<string, { label: string; explanation: Run[] }>
}

/** A list's definition items (`**Key**: value`), keyed by aspect; undefined if it is not such a list. */
function definitionList(list: List): Map<string, { label: string; explanation: Run[] }> | undefined {
  const aspects = new Map<string, { label: string; explanation: Run[] }>()
  let definitions = 0
  for (const item of list.children) {
    const first = item.children[0]
    if (first?.type !== 'paragraph') continue
    const definition = definitionOf(toRuns(first.children))
    if (!definition) continue
    definitions++
    const label = definition.term.map((run) => run.text).join('')
    const key = aspectKey(label)
    if (!aspects.has(key)) aspects.set(key, { label, explanation: definition.explanation })
  }
  return definitions >= 2 && definitions >= list.children.length * 0.6 ? aspects : undefined
}

/**
 * Find comparisons among a section's subsections: siblings whose `**Aspect**: value` lists share
 * at least two aspects become one table (aspects as rows, subjects as columns); parallel lists
 * such as "Benefits of A" / "Benefits of B" become a table with a column per subject.
 * Note: with fewer than two shared aspects there is no table: no table beats a wrong one.
 */
export function findComparison(section: Section): Comparison | undefined {
  return aspectComparison(section) ?? parallelComparison(section)
}

function aspectComparison(section: Section): Comparison | undefined {
  const subjects: Subject[] = []
  for (const child of section.children) {
    for (const block of child.blocks) {
      if (block.type !== 'list') continue
      const aspects = definitionList(block)
      if (aspects) {
        subjects.push({ title: child.title, list: block, aspects })
        break
      }
    }
  }
  if (subjects.length < 2) return undefined
  const counts = new Map<string, number>()
  for (const subject of subjects) for (const key of subject.aspects.keys()) counts.set(key, (counts.get(key) ?? 0) + 1)
  const shared = [...counts.values()].filter((count) => count >= 2).length
  if (shared < 2) return undefined
  // Keep subjects that share at least two aspects with the others.
  const kept = subjects.filter((subject) => [...subject.aspects.keys()].filter((key) => (counts.get(key) ?? 0) >= 2).length >= 2)
  if (kept.length < 2) return undefined
  const order: string[] = []
  for (const subject of kept) for (const key of subject.aspects.keys()) if (!order.includes(key)) order.push(key)
  const rows = order.map((key) => {
    const label = kept.find((subject) => subject.aspects.has(key))!.aspects.get(key)!.label
    return {
      aspect: label,
      cells: kept.map((subject) => {
        const entry = subject.aspects.get(key)
        return entry ? gist(entry.explanation, CELL_WORDS) : [{ text: '—' }]
      }),
    }
  })
  return {
    title: section.depth === 0 ? kept.map((s) => s.title).join(' vs ') : section.title,
    block: { type: 'comparison', subjects: kept.map((s) => s.title), showAspects: true, rows },
    consumed: new Set(kept.map((subject) => subject.list)),
    notes: kept.map((subject) => `${subject.title}:\n\n${notesFor(subject.list)}`).join('\n\n'),
  }
}

const PARALLEL = /^(.+?)\s+(?:of|for|with|in)\s+(.+)$/i

function parallelComparison(section: Section): Comparison | undefined {
  const groups = new Map<string, Array<{ subject: string; title: string; list: List }>>()
  for (const child of section.children) {
    const match = PARALLEL.exec(child.title)
    const list = child.blocks.find((block): block is List => block.type === 'list')
    if (!match || !list) continue
    const key = stem(match[1])
    const group = groups.get(key) ?? []
    group.push({ subject: capitalise(match[2]), title: child.title, list })
    groups.set(key, group)
  }
  for (const [, group] of groups) {
    if (group.length < 2) continue
    const prefix = PARALLEL.exec(group[0].title)![1]
    const rowsCount = Math.max(...group.map((entry) => entry.list.children.length))
    const rows = Array.from({ length: rowsCount }, (_, i) => ({
      aspect: '',
      cells: group.map((entry) => {
        const item: ListItem | undefined = entry.list.children[i]
        const first = item?.children[0]
        if (!item || first?.type !== 'paragraph') return [{ text: '' }]
        return gist(toRuns(first.children), CELL_WORDS)
      }),
    }))
    return {
      title: `${capitalise(prefix)}: ${group.map((entry) => entry.subject).join(' vs ')}`,
      block: { type: 'comparison', subjects: group.map((entry) => entry.subject), showAspects: false, rows },
      consumed: new Set(group.map((entry) => entry.list)),
      notes: group.map((entry) => `${entry.title}:\n\n${notesFor(entry.list)}`).join('\n\n'),
    }
  }
  return undefined
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
