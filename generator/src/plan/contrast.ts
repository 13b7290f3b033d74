import type { Nodes } from 'mdast'
import type { Run, Section, SlideBlock } from '../types.js'
import { countWords, plainText, sentences } from '../text.js'
import { gist } from './condense.js'

/**
 * Comparisons written as contrasts, in prose or bullets: "Containers emulate an OS, whereas VMs
 * emulate hardware", "Unlike VMs, containers share the host kernel", "Containers start faster
 * than VMs". When at least two such sentences in a section contrast the same two subjects, they
 * become a table with a column per subject. Note: a sentence that names only one side's
 * property ("faster than VMs") leaves the other cell as "—"; no table comes from one sentence.
 */
export interface Contrast {
  block: Extract<SlideBlock, { type: 'comparison' }>
  notes: string
}

/** Names that mean the same subject. */
const ALIASES: Array<[RegExp, string]> = [
  [/^(?:vms?|virtual machines?|virtual-machines?|guests?)$/i, 'Virtual machines'],
  [/^(?:containers?|docker containers?|linux containers?)$/i, 'Containers'],
  [/^(?:bare[- ]metal(?: servers?)?|physical (?:servers?|machines?))$/i, 'Bare metal'],
  [/^(?:images?|container images?|docker images?)$/i, 'Images'],
  [/^(?:pods?)$/i, 'Pods'],
  [/^(?:deployments?)$/i, 'Deployments'],
  [/^(?:statefulsets?)$/i, 'StatefulSets'],
  [/^(?:hypervisors?)$/i, 'Hypervisors'],
  [/^(?:type[- ]1 hypervisors?)$/i, 'Type 1 hypervisors'],
  [/^(?:type[- ]2 hypervisors?)$/i, 'Type 2 hypervisors'],
]

const ARTICLE = /^(?:the|a|an|each|every|all|most|many|traditional|regular|normal)\s+/i

/** A subject's canonical name, or a tidied form of the phrase when no alias matches. */
export function subjectName(phrase: string): string | undefined {
  const clean = phrase.trim().replace(ARTICLE, '').replace(/[,;:.]+$/, '').trim()
  if (!clean || countWords(clean) > 3) return undefined
  for (const [pattern, name] of ALIASES) if (pattern.test(clean)) return name
  // Unknown subjects: a plural noun or a capitalised name, one to three words.
  if (/^[A-Z][\w-]*(?:\s+[\w-]+){0,2}$/.test(clean) || /^[a-z][\w-]*s$/.test(clean)) {
    const name = clean.charAt(0).toUpperCase() + clean.slice(1)
    return name.replace(/s$/, '').length > 2 ? name : undefined
  }
  return undefined
}

const VERBISH = /^(?:is|are|was|were|has|have|had|can|cannot|can't|could|will|would|do|does|don't|doesn't|may|might|must|should|need|needs|require|requires|use|uses|run|runs|share|shares|start|starts|boot|boots|emulate|emulates|virtualize|virtualizes|provide|provides|offer|offers|take|takes|include|includes|rely|relies|get|gets|give|gives|contain|contains|package|packages|consume|consumes|isolate|isolates|maintain|maintains|support|supports|come|comes|make|makes|allow|allows|let|lets|carry|carries|bring|brings|sit|sits|depend|depends|work|works|behave|behaves|scale|scales|launch|launches)$/i

/** Discourse markers that sit between a subject and its verb ("Containers, by contrast, share …"). */
const ASIDE = /,\s*(?:on the other hand|by contrast|in contrast|however|instead|meanwhile|for their part|in comparison)\s*,/i

/** Split a clause into its subject (a known or noun-like phrase) and the rest. */
function subjectAndRest(clause: string): { subject: string; rest: string } | undefined {
  const words = clause.replace(ASIDE, '').trim().split(/\s+/)
  for (let i = 1; i <= Math.min(4, words.length - 1); i++) {
    if (VERBISH.test(words[i].replace(/[,;:.]$/, ''))) {
      const subject = subjectName(words.slice(0, i).join(' '))
      if (subject) return { subject, rest: words.slice(i).join(' ') }
    }
  }
  return undefined
}

interface Row {
  cells: Map<string, string>
  sentence: string
}

const TWO_CLAUSES = /^(.+?),?\s+(?:whereas|while|but|in contrast|on the other hand|however)\s*,?\s+(.+)$/i
const UNLIKE = /^unlike\s+([^,]+),\s*(.+)$/i
const ONE_SIDED = /^(.+?)\s+(?:compared (?:to|with)|in contrast to|than|unlike|as opposed to)\s+(.+?)$/i

/** The contrast a sentence draws, as subject → what it says of each; undefined if none. */
export function contrastOf(sentence: string): Row | undefined {
  const text = sentence.trim().replace(/[.!]+$/, '')
  const two = TWO_CLAUSES.exec(text)
  if (two) {
    const a = subjectAndRest(two[1])
    const b = subjectAndRest(two[2])
    if (a && b && a.subject !== b.subject) return { cells: new Map([[a.subject, a.rest], [b.subject, b.rest]]), sentence }
  }
  const unlike = UNLIKE.exec(text)
  if (unlike) {
    const other = subjectName(unlike[1])
    const main = subjectAndRest(unlike[2])
    if (other && main && other !== main.subject) return { cells: new Map([[main.subject, main.rest], [other, '—']]), sentence }
  }
  const one = ONE_SIDED.exec(text)
  if (one) {
    const main = subjectAndRest(one[1])
    const other = subjectName(one[2].replace(/\s+(?:do|does|are|is|can)$/i, ''))
    if (main && other && other !== main.subject) return { cells: new Map([[main.subject, main.rest], [other, '—']]), sentence }
  }
  return undefined
}

/** Short names for what a contrast row is about, from its words. */
const ASPECTS: Array<[RegExp, string]> = [
  [/\b(?:start|boot|launch)/i, 'Startup'],
  [/\b(?:memory|lightweight|heavy|size|resources?|overhead|footprint|disk|cpu|consolidat|density)/i, 'Resources'],
  [/\b(?:secur|isolat|attack)/i, 'Isolation'],
  [/\b(?:portab|move|ship)/i, 'Portability'],
  [/\b(?:os\b|operating system|kernel|hardware|emulat|virtuali)/i, 'What is virtualized'],
  [/\b(?:performance|fast|speed|slow)/i, 'Performance'],
]

function aspectOf(row: Row): string {
  const text = [...row.cells.values()].join(' ')
  return ASPECTS.find(([pattern]) => pattern.test(text))?.[1] ?? ''
}

/** Every sentence of a section's subtree, with its blocks' text. */
function sectionSentences(section: Section): string[] {
  const out: string[] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      for (const sentence of sentences(plainText(node))) out.push(sentence)
      return
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'table') return
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child)
  }
  for (const block of section.blocks) visit(block)
  for (const child of section.children) out.push(...sectionSentences(child))
  return out
}

const PAIR_HEADING = [
  /^(.+?)\s+(?:vs\.?|versus)\s+(.+)$/i,
  /\bbetween\s+(.+?)\s+and\s+(.+)$/i,
  /^(?:comparing|compare)\s+(.+?)\s+(?:and|with|to)\s+(.+)$/i,
  /^(.+?)\s+(?:compared (?:to|with)|and)\s+(.+?)(?:\s+compared)?$/i,
]

/** The two subjects a heading sets against each other ("Git vs GitHub", "Difference between A and B"). */
export function headingPair(title: string): [string, string] | undefined {
  for (const pattern of PAIR_HEADING) {
    const match = pattern.exec(title.trim().replace(/[?:.]+$/, ''))
    if (!match) continue
    const a = subjectName(match[1].replace(/^(?:the\s+)?(?:differences?|contrast)\s+(?:between\s+)?/i, ''))
    const b = subjectName(match[2])
    if (a && b && a !== b) return [a, b]
  }
  return undefined
}

/**
 * Under a heading that names two subjects, sentences about each ("Git is a version control
 * system…", "GitHub is a hosting service…") pair up in order into rows.
 */
function pairedRows(section: Section, pair: [string, string]): Row[] {
  const about: Record<string, string[]> = { [pair[0]]: [], [pair[1]]: [] }
  for (const sentence of sectionSentences(section)) {
    if (contrastOf(sentence)) continue
    const split = subjectAndRest(sentence.replace(/[.!]+$/, ''))
    if (split && split.subject in about) about[split.subject].push(split.rest)
  }
  const count = Math.min(about[pair[0]].length, about[pair[1]].length)
  return Array.from({ length: count }, (_, i) => ({
    cells: new Map([[pair[0], about[pair[0]][i]], [pair[1], about[pair[1]][i]]]),
    sentence: `${pair[0]} ${about[pair[0]][i]}. ${pair[1]} ${about[pair[1]][i]}.`,
  }))
}

/** Pairs of subjects that notes compare, known by name rather than guessed from grammar. */
const COMPARED = [
  ['Virtual machines', 'Containers'],
  ['Virtual machines', 'Bare metal'],
  ['Containers', 'Bare metal'],
  ['Type 1 hypervisors', 'Type 2 hypervisors'],
  ['Deployments', 'StatefulSets'],
]
const KNOWN = new Set(COMPARED.flat())

/**
 * Without a heading that names them: two known subjects that each start at least two sentences
 * of the section ("VMs include a whole OS. … Containers, by contrast, share the kernel. …").
 */
function knownPair(section: Section): [string, string] | undefined {
  const counts = new Map<string, number>()
  for (const sentence of sectionSentences(section)) {
    const split = subjectAndRest(sentence.replace(/[.!]+$/, ''))
    if (split && KNOWN.has(split.subject)) counts.set(split.subject, (counts.get(split.subject) ?? 0) + 1)
  }
  const often = (name: string): boolean => (counts.get(name) ?? 0) >= 2
  const pair = COMPARED.filter(([a, b]) => often(a) && often(b)).sort(
    (x, y) => (counts.get(y[0])! + counts.get(y[1])!) - (counts.get(x[0])! + counts.get(x[1])!),
  )[0]
  return pair ? [pair[0], pair[1]] : undefined
}

/** A contrast table for a section, from the sentences of its whole subtree, if it has one. */
export function findContrast(section: Section): Contrast | undefined {
  let rows = sectionSentences(section)
    .map(contrastOf)
    .filter((row): row is Row => Boolean(row))
  const pair = headingPair(section.title) ?? knownPair(section)
  if (pair) {
    rows = rows.filter((row) => pair.every((subject) => row.cells.has(subject)))
    rows.push(...pairedRows(section, pair))
    // Under a heading that names the pair, one row with both sides filled is enough.
    if (rows.length === 1 && [...rows[0].cells.values()].every((value) => value !== '—')) rows.push(rows[0])
  }
  if (rows.length < 2) return undefined
  // The pair of subjects contrasted most often.
  const pairs = new Map<string, number>()
  for (const row of rows) {
    const key = [...row.cells.keys()].sort().join('\u0000')
    pairs.set(key, (pairs.get(key) ?? 0) + 1)
  }
  const [best, count] = [...pairs.entries()].sort((a, b) => b[1] - a[1])[0]
  if (count < 2) return undefined
  const subjects = best.split('\u0000')
  // Column order: the subject named first in the first contrast.
  const first = rows.find((row) => [...row.cells.keys()].sort().join('\u0000') === best)!
  const ordered = [...first.cells.keys()]
  const used = rows.filter((row, i) => subjects.every((subject) => row.cells.has(subject)) && rows.indexOf(row) === i)
  const cell = (text: string): Run[] => (text === '—' ? [{ text }] : gist([{ text }], 7))
  const aspects = used.map(aspectOf)
  const showAspects = aspects.filter(Boolean).length >= Math.ceil(used.length / 2)
  return {
    block: {
      type: 'comparison',
      subjects: ordered,
      showAspects,
      rows: used.map((row, i) => ({ aspect: aspects[i], cells: ordered.map((subject) => cell(row.cells.get(subject) ?? '—')) })),
    },
    notes: used.map((row) => `- ${row.sentence}`).join('\n'),
  }
}
