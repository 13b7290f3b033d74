import type { List, ListItem, Paragraph, RootContent } from 'mdast'
import type { Section } from '../../types.js'
import { countWords, plainText, runsText, toRuns } from '../../text.js'
import { definitionOf, gist } from '../condense.js'

/** Words a diagram node shows. */
export const LABEL_WORDS = 5

const NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8 }
const LAYER_WORDS = /\b(\d+|two|three|four|five|six|seven|eight)\s+(?:main\s+|distinct\s+|logical\s+)?(layers|levels|tiers)\b/i
const LAYER_HEADING = /\b(?:layers?|stack|tiers?)\b/i
const BOTTOM_FIRST = /\b(?:bottom(?:\s+|-)(?:to|up)|from the bottom|lowest first|starting (?:at|from) the bottom)\b/i
const TOP_FIRST = /\b(?:top(?:\s+|-)(?:to|down)|from the top|highest first)\b/i
const BOTTOM_WORDS = /\b(?:hardware|physical|bare metal|infrastructure|cpu|silicon|host machine)\b/i

/** A short label for a list item: its term if it is a definition, else its gist. */
export function itemLabel(item: ListItem): string {
  const first = item.children[0]
  if (!first || first.type !== 'paragraph') return ''
  const runs = toRuns(first.children)
  const definition = definitionOf(runs)
  if (definition) return runsText(definition.term)
  return shortLabel(runsText(runs))
}

/** A node label: the text up to its first clause break ("Applications, each running…" → "Applications"). */
export function shortLabel(text: string): string {
  const first = text.replace(/\s*\([^)]*\)/g, '').split(/[,;:(]\s|\s[—–-]\s|\.\s/)[0].trim().replace(/[.;,:]+$/, '')
  return runsText(gist([{ text: first }], LABEL_WORDS + 2))
}

/** The number of layers a sentence announces ("has four layers"), if any. */
function announcedLayers(text: string): number | undefined {
  const match = LAYER_WORDS.exec(text)
  if (!match) return undefined
  const word = match[1].toLowerCase()
  return NUMBERS[word] ?? Number(word)
}

/**
 * Layers: a paragraph that announces "N layers" followed by a list of N items, or such a
 * sentence that lists them inline ("four layers: hardware, OS, engine, apps"), or a list under a
 * heading about layers or a stack. Returns the layers top first.
 */
export function findLayers(
  paragraph: Paragraph | undefined,
  list: List | undefined,
  heading: string,
): { layers: string[]; fromList: boolean } | undefined {
  const text = paragraph ? plainText(paragraph) : ''
  const count = announcedLayers(text)
  let layers: string[] | undefined
  let fromList = false
  if (list && !list.ordered && list.children.length >= 3 && list.children.length <= 8) {
    if ((count && count === list.children.length) || (!count && LAYER_HEADING.test(heading) && /\blayers?|stack|tiers?\b/i.test(text))) {
      layers = list.children.map(itemLabel)
      fromList = true
    }
  }
  if (!layers && count) {
    const inline = new RegExp(`${LAYER_WORDS.source}[^:]*:\\s*([^.]+)`, 'i').exec(text)
    if (inline) {
      const items = inline[3].split(/,\s*(?:and\s+)?|\s+and\s+/).map((item) => item.trim()).filter(Boolean)
      if (items.length === count) layers = items
    }
  }
  if (!layers || layers.some((layer) => !layer || countWords(layer) > 6)) return undefined
  const order = `${heading} ${text}`
  const bottomFirst = BOTTOM_FIRST.test(order) || (!TOP_FIRST.test(order) && BOTTOM_WORDS.test(layers[0]) && !BOTTOM_WORDS.test(layers[layers.length - 1]))
  return { layers: bottomFirst ? [...layers].reverse() : layers, fromList }
}

const STEP_CUES = /\b(?:what happens|steps?|process|lifecycle|life cycle|workflow|sequence|flow|pipeline|how .+ works|in order|stages?|phases?)\b/i

/**
 * Numbered steps: an ordered list of 3 to 10 items, when the section title or the sentence before
 * the list says it is a process ("What happens when…", "steps", "lifecycle", "workflow").
 */
export function findSteps(list: List, heading: string, before: RootContent | undefined): string[] | undefined {
  if (!list.ordered || list.children.length < 3 || list.children.length > 10) return undefined
  const lead = before?.type === 'paragraph' ? plainText(before) : ''
  if (!STEP_CUES.test(heading) && !STEP_CUES.test(lead)) return undefined
  // Steps keep more words than other labels: the flowchart wraps them over several lines.
  const steps = list.children.map((item) => {
    const first = item.children[0]
    return first?.type === 'paragraph' ? runsText(gist(toRuns(first.children), 9)) : ''
  })
  return steps.every((step) => step && countWords(step) <= 10) ? steps : undefined
}

const ROLE_WORDS = /\b(?:control plane|master|worker|nodes?|client|server|registry|host|frontend|front end|backend|back end|database|data plane|agent|edge|hub)\b/i

/**
 * Architecture with roles: sibling subsections named by a role ("Control plane components",
 * "Worker node components") that each list at least two components.
 */
export function findGroups(section: Section): Array<{ name: string; nodes: string[] }> | undefined {
  const groups: Array<{ name: string; nodes: string[] }> = []
  for (const child of section.children) {
    if (!ROLE_WORDS.test(child.title)) continue
    const list = child.blocks.find((block): block is List => block.type === 'list')
    if (!list || list.children.length < 2 || list.children.length > 8) continue
    const nodes = list.children.map(itemLabel)
    if (nodes.some((node) => !node || countWords(node) > LABEL_WORDS)) continue
    groups.push({ name: child.title.replace(/\s+components?$/i, ''), nodes })
  }
  return groups.length >= 2 ? groups : undefined
}

const KINDS = /\b(?:objects?|types?|kinds?|resources?|components?|parts?|concepts?|building blocks|primitives|categories|services|tools|features|modes)\b/i

/**
 * A section whose subsections are kinds of one thing ("Kubernetes objects": Pods, Services,
 * Deployments, Volumes) → an overview tree. Needs 3 to 8 short subsection titles.
 */
export function findKinds(section: Section): string[] | undefined {
  if (!KINDS.test(section.title)) return undefined
  const titles = section.children.map((child) => child.title)
  if (titles.length < 3 || titles.length > 8) return undefined
  return titles.every((title) => countWords(title) <= 4) ? titles : undefined
}
