import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { Run, Section } from '../../types.js'
import { phraseCell } from '../compare.js'
import { countWords, plainText, runsText, sentences, toRuns } from '../../text.js'
import { definitionOf, gist } from '../condense.js'
import { ADJUNCT_PREPOSITIONS, BOTTOM_FIRST, CRITERIA_CUES, CYCLE_CUES, LAYER_NOUNS, NUMBER_WORDS, PROCESS_CUES, PROCESS_OPENERS, SEQUENCE_FIRST, STEP_NOUNS, SEQUENCE_LAST, SEQUENCE_NEXT, TOP_FIRST, TRIGGER_OPENERS, alternation } from '../../grammar/en.js'
import { contentLemmas, headNoun, isNoun, isVerb, samePhrase, splitSubject, termsOf, type Term } from '../phrase.js'

/** Words a diagram node shows. */
export const LABEL_WORDS = 5
/** Words a step of a process keeps (the flowchart wraps them over several lines). */
const STEP_WORDS = 9
/** Most words a step may keep when no shorter whole clause exists. */
const STEP_MAX = 16
/** Most characters a step shows: Mermaid nodes cut longer labels. */
const STEP_CHARS = 60
/** Most characters a step keeps when a shorter label would lose its verb's complement. */
const STEP_LONG_CHARS = 100

const NUMBER = `\\d+|${Object.keys(NUMBER_WORDS).join('|')}`
const LAYER_WORDS = new RegExp(`\\b(${NUMBER})\\s+(?:\\w+\\s+)?(${alternation(LAYER_NOUNS)})\\b`, 'i')
const LAYER_HEADING = new RegExp(`\\b(?:${alternation(LAYER_NOUNS)})\\b`, 'i')
const BOTTOM_CUE = new RegExp(`\\b(?:${alternation(BOTTOM_FIRST)})\\b`, 'i')
const TOP_CUE = new RegExp(`\\b(?:${alternation(TOP_FIRST)})\\b`, 'i')
const PROCESS_CUE = new RegExp(`\\b(?:${alternation(PROCESS_CUES)})\\b`, 'i')
const PROCESS_OPENER = new RegExp(`^(?:${alternation(PROCESS_OPENERS)})\\b`, 'i')
const ADJUNCTS = new Set(ADJUNCT_PREPOSITIONS)
const CRITERIA_CUE = new RegExp(`\\b(?:${alternation(CRITERIA_CUES)})\\b`, 'i')
const CYCLE_CUE = new RegExp(`\\b(?:${alternation(CYCLE_CUES)})\\b`, 'i')
const FIRST = new RegExp(`^(?:${alternation(SEQUENCE_FIRST)})\\b[,:]?\\s*`, 'i')
const NEXT = new RegExp(`^(?:${alternation(SEQUENCE_NEXT)})\\b[,:]?\\s*`, 'i')
const LAST = new RegExp(`^(?:${alternation(SEQUENCE_LAST)})\\b[,:]?\\s*`, 'i')
const TRIGGER = new RegExp(`^(?:${alternation(TRIGGER_OPENERS)})\\s+([^,]{3,}?),\\s+(.{3,})$`, 'i')
/** Longest sentence read as a step of a sequence set off by an event. */
const SEQUENCE_CHARS = 400
/** "then" inside a sentence, right after its subject and auxiliary: "The clerk then files it", "The clerk will then file it". */
const INNER_THEN = /^((?:[\p{L}\p{N}'’-]+\s+){1,6}?)then\b,?\s*/iu
/** A sentence that holds a trigger of its own ("However, if A, then B"): a new condition, not a next step. */
const CONDITIONAL = new RegExp(`\\b(?:${alternation(TRIGGER_OPENERS)})\\b[^.]*,`, 'i')

/** A short label for a list item: its term if it is a definition, else its gist. */
export function itemLabel(item: ListItem): string {
  const first = item.children[0]
  if (!first || first.type !== 'paragraph') return ''
  const runs = toRuns(first.children)
  const definition = definitionOf(runs)
  if (definition) return runsText(definition.term)
  return shortLabel(runsText(runs))
}

/**
 * An item's label with what its short label cut off, when that was the point: "Water is
 * oxidized, producing oxygen" stays whole rather than "Water is oxidized" (producing what?),
 * as a step label does (see stepLabel). Other labels stay as itemLabel gives them.
 * Note: only the label a shape was accepted on (itemLabel) decides whether a diagram is drawn.
 */
export function shownItemLabel(item: ListItem): string {
  const short = itemLabel(item)
  const first = item.children[0]
  if (!short || !first || first.type !== 'paragraph' || definitionOf(toRuns(first.children))) return short
  const whole = runsText(toRuns(first.children)).trim().replace(/[.!?]+$/, '')
  const terms = termsOf(short)
  const last = terms[terms.length - 1]
  // A clause that stops on its verb ("… is oxidized", "… are produced") while the item goes on.
  // A passive participle the tagger reads as an adjective ("is oxidized") ends its clause too.
  const passive = (term: Term): boolean => term.tags.has('Adjective') && /ed$/i.test(term.text) && terms.some((t) => t.tags.has('Copula'))
  if (!last || !(isVerb(last) || passive(last)) || isNoun(last) || whole.length <= short.length) return short
  const fuller = stepLabel(toRuns(first.children))
  return fuller && fuller.length > short.length && countWords(fuller) <= STEP_MAX ? fuller : short
}

/** A node label: the text up to its first clause break ("Roots, which anchor…" → "Roots"). */
export function shortLabel(text: string): string {
  const first = text.replace(/\s*\([^)]*\)/g, '').split(/[,;:(]\s|\s[—–-]\s|\.\s/)[0].trim().replace(/[.;,:]+$/, '')
  return runsText(gist([{ text: first }], LABEL_WORDS + 2))
}

/** The number of layers a sentence announces ("has four layers"), if any. */
function announcedLayers(text: string): number | undefined {
  const match = LAYER_WORDS.exec(text)
  if (!match) return undefined
  const word = match[1].toLowerCase()
  return NUMBER_WORDS[word] ?? Number(word)
}

/**
 * Layers: a paragraph that announces "N layers" followed by a list of N items, or such a
 * sentence that lists them inline ("three tiers: crust, mantle and core"), or a list under a
 * heading about layers. Returns the layers top first; the note's order unless it says "from the
 * bottom up".
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
  if (list && !list.ordered && list.children.length >= 3 && list.children.length <= 8 && !isContents(list)) {
    if ((count && count === list.children.length) || (!count && LAYER_HEADING.test(heading) && LAYER_HEADING.test(text))) {
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
  const bottomFirst = BOTTOM_CUE.test(order) && !TOP_CUE.test(order)
  return { layers: bottomFirst ? [...layers].reverse() : layers, fromList }
}

/** A step's label: its first sentence, shortened by whole clauses. */
export function stepLabel(text: string | Run[]): string {
  const runs = typeof text === 'string' ? [{ text: sentences(text)[0] ?? text }] : text
  // The longest whole phrase that fits a node; none fits → no label (and no diagram).
  for (const words of [STEP_MAX, STEP_WORDS, 7, 5]) {
    const label = runsText(phraseCell(runs, words))
    if (label.length <= STEP_CHARS && !label.includes('…') && !losesComplement(runsText(runs), label)) return label
  }
  const whole = (sentences(runsText(runs))[0] ?? '').trim().replace(/[.!?]+$/, '')
  return withoutTrailingPhrases(whole, whole.length <= STEP_LONG_CHARS ? whole : undefined)
}

/**
 * Whether a shortened label stops right after its verb group while the sentence goes on with a
 * phrase: "The name node will respond" (with what?) lost the point of the step.
 */
function losesComplement(whole: string, label: string): boolean {
  const full = whole.trim().replace(/[.!?]+$/, '')
  const short = label.trim().replace(/[.!?]+$/, '')
  if (short.length >= full.length) return false
  const terms = termsOf(short)
  const last = terms[terms.length - 1]
  return Boolean(last && isVerb(last) && !isNoun(last) && !/[,;:]/.test(last.post))
}

/**
 * A sentence without its trailing prepositional phrases, deleted whole until it fits a node:
 * "The clerk files the deed with the court for the buyer" → "The clerk files the deed". The
 * phrase right after the verb is its complement ("responds with the list") and stays: a label may
 * then take up to STEP_LONG_CHARS (the node wraps). Only when nothing else fits does a label end
 * on its verb.
 */
function withoutTrailingPhrases(text: string, whole?: string): string {
  const terms = termsOf(text.replace(/[.!?]+$/, ''))
  const cuts: Array<{ label: string; verbEnd: boolean }> = []
  // A label keeps the sentence's finite verb: no cut before "will", "is", "has" and the verb after it.
  let finite = terms.findIndex((term) => term.tags.has('Modal') || term.tags.has('Auxiliary') || term.tags.has('Copula'))
  while (finite >= 0 && finite + 1 < terms.length && isVerb(terms[finite + 1])) finite++
  for (let end = terms.length - 1; end >= Math.max(3, finite + 1); end--) {
    // A second coordinated verb phrase goes whole too: "… into a request and sends it on".
    const coordinated = /^(?:and|but)$/i.test(terms[end].text) && Boolean(terms[end + 1] && isVerb(terms[end + 1]))
    const clause = /[;,]/.test(terms[end - 1].post) && terms[end - 1].post.includes(';')
    // "… to the client" (a new noun phrase), "… to rebuild the index" (a purpose, after a whole clause).
    const to = terms[end].text.toLowerCase() === 'to'
    const target = to && Boolean(terms[end + 1]?.tags.has('Determiner') || (terms[end + 1] && isVerb(terms[end + 1]) && end - 1 > finite && !isVerb(terms[end - 1])))
    if (!ADJUNCTS.has(terms[end].text.toLowerCase()) && !target && !coordinated && !clause) continue
    const kept = terms.slice(0, end)
    const label = kept.map((term, i) => `${term.pre.trim()}${term.text}${i < kept.length - 1 ? term.post.trim() : term.post.trim().replace(/[^"'’”)\]]/g, '')}`).join(' ')
    const last = kept[kept.length - 1]
    const ends = !['Determiner', 'Preposition', 'Conjunction', 'Auxiliary', 'Copula', 'Modal', 'Possessive'].some((tag) => last.tags.has(tag))
    if (ends && (isNoun(last) || isVerb(last) || last.tags.has('Adjective')) && !/[,:]/.test(last.post)) cuts.push({ label, verbEnd: isVerb(last) && !isNoun(last) })
  }
  // Longest first: a cut that keeps the complement within a node, then one within a wrapped node.
  return (
    cuts.find((cut) => !cut.verbEnd && cut.label.length <= STEP_CHARS)?.label ??
    whole ??
    cuts.find((cut) => !cut.verbEnd && cut.label.length <= STEP_LONG_CHARS)?.label ??
    cuts.find((cut) => cut.label.length <= STEP_CHARS)?.label ??
    ''
  )
}

/** A paragraph's phrasing up to its first line break: a lazy continuation line is not part of a step. */
function firstLine(paragraph: Paragraph): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of paragraph.children) {
    if (node.type === 'break') break
    if (node.type === 'text' && node.value.includes('\n')) {
      out.push({ ...node, value: node.value.slice(0, node.value.indexOf('\n')) })
      break
    }
    out.push(node)
  }
  return out
}

/**
 * Whether a list is a table of contents: each item is a link and nothing else (a link to a
 * heading, a page, a file). Note: such a list names places in the note, not steps or parts.
 */
export function isContents(list: List): boolean {
  return list.children.every((item) => {
    const first = item.children[0]
    if (first?.type !== 'paragraph') return false
    const shown = first.children.filter((child) => child.type !== 'text' || child.value.trim())
    return shown.length === 1 && (shown[0].type === 'link' || shown[0].type === 'linkReference')
  })
}

/**
 * Numbered steps: an ordered list of 3 to 10 items, when the section title or the sentence before
 * the list says it is a process ("What happens when…", "steps", "stages", "how …").
 */
export function findSteps(list: List, heading: string, before: RootContent | undefined): string[] | undefined {
  if (!list.ordered || list.children.length < 3 || list.children.length > 10 || isContents(list)) return undefined
  const lead = before?.type === 'paragraph' ? plainText(before) : ''
  if (CRITERIA_CUE.test(lead) || CRITERIA_CUE.test(heading)) return undefined
  const lines = list.children.map((item) => (item.children[0]?.type === 'paragraph' ? firstLine(item.children[0]) : []))
  // A node shows plain text: steps with formulas stay a list, where the formulas render.
  if (lines.some((line) => line.some((node) => node.type === 'inlineMath'))) return undefined
  const cued = PROCESS_CUE.test(heading) || PROCESS_OPENER.test(heading.trim()) || PROCESS_CUE.test(lead)
  if (!cued && !isHandOff(lines.map((line) => runsText(toRuns(line))))) return undefined
  const steps = lines.map((line) => (line.length ? stepLabel(toRuns(line)) : ''))
  return steps.every((step) => step && countWords(step) <= STEP_MAX) ? steps : undefined
}

/**
 * Whether numbered items tell actors handing work on: each item is a clause with a subject, the
 * subjects change, and most later items' subjects were named in the item before (as its object):
 * "The buyer signs the offer" → "The agent gives the offer to the seller" → "The seller signs it".
 * Note: a list of claims about one subject ("Cells divide", "Cells grow") is not a process.
 */
export function isHandOff(items: string[]): boolean {
  const split = items.map((item) => splitSubject(sentences(item)[0] ?? item))
  if (split.some((part) => !part)) return false
  const parts = split as Array<{ subject: string; rest: string }>
  let handed = 0
  for (let k = 1; k < parts.length; k++) {
    const subject = contentLemmas(parts[k].subject)
    const before = new Set(contentLemmas(parts[k - 1].rest))
    const same = samePhrase(parts[k].subject, parts[k - 1].subject)
    if (!same && subject.length && subject.every((word) => before.has(word))) handed++
  }
  return handed >= 2 && handed * 2 >= parts.length - 1
}

/**
 * Whether a process returns to its start: the text after it, or its last step, says so
 * ("… and the cycle begins again", "back to the first stage").
 */
export function isCycle(steps: string[], context: string): boolean {
  if (steps.length < 3) return false
  const last = steps[steps.length - 1]
  return CYCLE_CUE.test(last) || CYCLE_CUE.test(context)
}

/**
 * A process told in prose: three or more sentences that open with sequence words, the first with
 * "First …" and one with "Then …" or "Finally …". Returns the steps without those words.
 */
export function findSequence(text: string): { steps: string[]; cycle: boolean } | undefined {
  const all = sentences(text.replace(/\s+/g, ' '))
  const start = all.findIndex((sentence) => FIRST.test(sentence))
  if (start < 0) return triggeredSequence(all)
  const steps: string[] = []
  let ended = false
  for (const sentence of all.slice(start)) {
    const marker = [FIRST, NEXT, LAST].find((pattern) => pattern.test(sentence))
    if (!marker || ended) break
    const rest = sentence.replace(marker, '')
    steps.push(stepLabel(rest.charAt(0).toUpperCase() + rest.slice(1)))
    if (marker === LAST) ended = true
  }
  if (steps.length < 3 || steps.some((step) => !step)) return undefined
  const after = all.slice(start + steps.length).join(' ')
  return { steps, cycle: isCycle(steps, after) }
}

/**
 * A sequence set off by an event: "When the dam fails, water floods the valley. The town is then
 * evacuated." The trigger, what it causes, and each next sentence that says "then" (or opens
 * with a sequence word) are the steps: two stated relations at least, three steps or more.
 */
function triggeredSequence(all: string[]): { steps: string[]; cycle: boolean } | undefined {
  for (let k = 0; k + 1 < all.length; k++) {
    // Steps are short sentences: a long one is no step (and is not scanned).
    if (all[k].length > SEQUENCE_CHARS || all[k + 1].length > SEQUENCE_CHARS) continue
    const trigger = TRIGGER.exec(all[k].replace(/[.!]+$/, ''))
    // "If A, then B" states a logical consequence, not a step in time.
    if (!trigger || /^then\b/i.test(trigger[2])) continue
    const texts = [trigger[1], trigger[2]]
    for (const sentence of all.slice(k + 1)) {
      if (sentence.length > SEQUENCE_CHARS) break
      const marker = [NEXT, LAST].find((pattern) => pattern.test(sentence))
      const inner = !marker && INNER_THEN.test(sentence) && !CONDITIONAL.test(sentence)
      if (!marker && !inner) break
      texts.push(marker ? sentence.replace(marker, '') : sentence.replace(INNER_THEN, '$1'))
      if (marker === LAST) break
    }
    if (texts.length < 3) continue
    const steps = texts.map((part) => stepLabel(part.charAt(0).toUpperCase() + part.slice(1)))
    if (steps.some((step) => !step)) continue
    return { steps, cycle: isCycle(steps, all.slice(k + texts.length - 1).join(' ')) }
  }
  return undefined
}

/**
 * Parts of a whole with their members: sibling subsections whose titles share a head noun
 * ("Upper house members" / "Lower house members") and each list two to eight short items.
 * Note: sections that merely follow one another are not groups; the shared frame of their titles
 * is what states that they are parts of one whole.
 */
export function findGroups(section: Section): Array<{ name: string; nodes: string[] }> | undefined {
  const candidates: Array<{ title: string; head: string; nodes: string[] }> = []
  for (const child of section.children) {
    const list = child.blocks.find((block): block is List => block.type === 'list')
    if (!list || list.children.length < 2 || list.children.length > 8) continue
    const nodes = list.children.map(itemLabel)
    if (nodes.some((node) => !node || countWords(node) > LABEL_WORDS)) continue
    // A part number ("1. Rank", "2. Dense rank") names no group: the words around it must.
    const words = contentLemmas(child.title).filter((word) => /\p{L}/u.test(word))
    const head = headNoun(child.title)
    if (!head || words.length < 2) continue
    candidates.push({ title: child.title, head, nodes: list.children.map(shownItemLabel) })
  }
  const heads = new Map<string, number>()
  for (const candidate of candidates) heads.set(candidate.head, (heads.get(candidate.head) ?? 0) + 1)
  const shared = [...heads.entries()].find(([, count]) => count >= 2)?.[0]
  if (!shared) return undefined
  const groups = candidates
    .filter((candidate) => candidate.head === shared)
    .map((candidate) => {
      // The shared last word names the frame, not the group: "Upper house members" → "Upper house".
      const words = candidate.title.split(/\s+/)
      const name = contentLemmas(words[words.length - 1])[0] === shared && words.length > 1 ? words.slice(0, -1).join(' ') : candidate.title
      return { name, nodes: candidate.nodes }
    })
  return groups.length >= 2 ? groups : undefined
}

/**
 * A section whose subsections are kinds or parts of it, when at least two of them say so: each
 * opens with a sentence whose subject is its own title and whose predicate names the section's
 * head noun ("## Kinds of rock" → "### Basalt" → "Basalt is a rock that …"). Needs 3 to 8 short
 * subsection titles. Note: a list of headings alone is not a diagram.
 */
export function findKinds(section: Section): string[] | undefined {
  const titles = section.children.map((child) => child.title)
  if (titles.length < 3 || titles.length > 8 || titles.some((title) => countWords(title) > 4)) return undefined
  const whole = new Set(contentLemmas(section.title))
  if (!whole.size) return undefined
  let stated = 0
  for (const child of section.children) {
    const first = child.blocks.find((block) => block.type === 'paragraph' || block.type === 'list')
    const text = first ? plainText(first) : ''
    const split = splitSubject(sentences(text)[0] ?? '', 5)
    if (!split) continue
    const own = samePhrase(split.subject, child.title) || /^(?:it|they|this|these)$/i.test(split.subject)
    if (own && contentLemmas(split.rest).some((word) => whole.has(word))) stated++
  }
  return stated >= 2 && stated * 2 >= titles.length ? titles : undefined
}

/** Most words of a stage's title: a longer one is a topic, not a stage. */
const STAGE_WORDS = 4
const STEP_NOUN = new RegExp(`\\b(?:${alternation(STEP_NOUNS)})s?\\b`, 'i')
/** A cycle cue in any form of its last word: "cycle", "cycles", "cycled", "cycling". */
const CYCLE_FORMS = new RegExp(`\\b(?:${alternation(CYCLE_CUES)})(?:s|d|ing)?\\b`, 'i')

/**
 * Stages told as subsections that return to the start: a section whose opening paragraph says it
 * cycles ("… we cycle through the stages …") and names them as stages (there or in its title).
 * The stages are its subsections in order (a subsection of short sub-stages counts as those),
 * up to the first one whose title repeats the section's own words (a topic about the whole, not
 * a stage). Note: three to eight stages, or no diagram.
 */
export function findStageCycle(section: Section): string[] | undefined {
  const first = section.blocks.find((block): block is Paragraph => block.type === 'paragraph')
  const text = first ? plainText(first) : ''
  if (!text || !CYCLE_FORMS.test(text) || !STEP_NOUN.test(`${section.title} ${text}`)) return undefined
  const steps = new Set(STEP_NOUNS)
  const whole = new Set(contentLemmas(section.title).filter((word) => !steps.has(word)))
  const stages: string[] = []
  for (const child of section.children) {
    if (countWords(child.title) > STAGE_WORDS || contentLemmas(child.title).some((word) => whole.has(word))) break
    const inner = child.children.length >= 2 && child.children.every((grandchild) => countWords(grandchild.title) <= STAGE_WORDS)
    stages.push(...(inner ? child.children.map((grandchild) => grandchild.title) : [child.title]))
  }
  return stages.length >= 3 && stages.length <= 8 ? stages : undefined
}
