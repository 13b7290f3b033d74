import type { Nodes, PhrasingContent } from 'mdast'
import { ABBREVIATIONS, DANGLING_END_WORDS } from '../grammar/en.js'
import { isNotesOnly } from './phrasing.js'
import type { Line } from './source-lines.js'

/**
 * The shapes of a paragraph's lines that tell whether the author wrote them as separate
 * thoughts: where a line ends a sentence, where the next starts one, explicit breaks, lines of
 * one code span or link, lines that open with a bold label, lines that join the next.
 */

const SENTENCE_END = /[.!?:…。！？：](?:["'”’»)\]])*$/u
/** A letter that can open a sentence: a capital, a digit, or a letter of a script without case. */
const SENTENCE_OPENING = /^["'“‘«(\[]*[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u
const ABBREVIATION = new Set(ABBREVIATIONS)
const JOINING = new Set(DANGLING_END_WORDS)
/** An ordered-list marker at the start of a line ("6. ", "6) "). */
export const LIST_MARKER = /^(\d{1,9})[.)][ \t]+/
/** Words of a bold label at most ("**Rule of law**: …"). */
const LABEL_WORDS = 8

/** A line's words as plain text (notes-only pieces and `<br>` tags left out). */
export function lineText(line: Line): string {
  return (line.text ??= line.nodes.map(plain).join('').trim())
}

function plain(node: Nodes): string {
  if (isNotesOnly(node)) return ''
  if (node.type === 'html') return /^<\/?[a-z][^>]*>$/i.test(node.value.trim()) ? '' : node.value
  if ('value' in node && typeof node.value === 'string') return node.value
  if (node.type === 'image') return node.alt ?? ''
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('')
  return ''
}

/** Does the line end a sentence (". ! ? :" maybe before a closing quote), not an abbreviation? */
export function endsSentence(line: Line): boolean {
  const text = lineText(line)
  if (!SENTENCE_END.test(text)) return false
  const word = /(?:^|[\s(“"'])([\p{L}.]+)\.["'”’»)\]]*$/u.exec(text)?.[1]
  if (!word) return true
  return !(ABBREVIATION.has(word.toLowerCase()) || /^\p{L}$/u.test(word))
}

/** The line's content nodes, white space and formatting tags (`<mark>`) skipped. */
function contentNodes(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.filter((node) => !(node.type === 'text' && !node.value.trim()) && !isNotesOnly(node) && !(node.type === 'html' && /^<\/?[a-z][^>]*>$/i.test(node.value.trim())))
}

/** Does the line open a sentence: a capital, a digit, a caseless letter, or bold, a link or code? */
export function startsSentence(line: Line): boolean {
  return opens(contentNodes(line.nodes)[0])
}

function opens(node: PhrasingContent | undefined): boolean {
  if (!node) return false
  switch (node.type) {
    case 'text':
      return SENTENCE_OPENING.test(node.value.trimStart())
    case 'strong':
    case 'link':
    case 'linkReference':
    case 'inlineCode':
      return true
    case 'emphasis':
    case 'delete':
      return opens(contentNodes(node.children)[0])
    default:
      return false
  }
}

/** Did the author break the line on purpose: a hard break, or a `<br>` at its end? */
export function breaksExplicitly(line: Line): boolean {
  if (line.hard) return true
  const last = line.nodes.filter((node) => !(node.type === 'text' && !node.value.trim()) && !isNotesOnly(node)).at(-1)
  return last?.type === 'html' && /^<br\s*\/?>$/i.test(last.value.trim())
}

/** Is the line one code span or one link, alone (a command, a reference, one a line)? */
export function isLoneItem(line: Line): boolean {
  const nodes = contentNodes(line.nodes).filter((node) => !(node.type === 'html' && /^<br\s*\/?>$/i.test(node.value.trim())) && !(node.type === 'text' && /^[\s.,;]*$/.test(node.value)))
  return nodes.length === 1 && (nodes[0].type === 'inlineCode' || nodes[0].type === 'link' || nodes[0].type === 'linkReference')
}

/** Is the line one bold or italic phrase alone (a title the author set above the lines under it)? */
export function isTitleLine(line: Line): boolean {
  const nodes = contentNodes(line.nodes).filter((node) => !(node.type === 'text' && /^[\s:：]*$/.test(node.value)))
  return nodes.length === 1 && (nodes[0].type === 'strong' || nodes[0].type === 'emphasis')
}

/** Does the line open with a short bold label followed by more text ("**Term**: …", "**Term** — …")? */
export function opensWithLabel(line: Line): boolean {
  const nodes = contentNodes(line.nodes)
  let first = nodes[0]
  // `***Label:***` is emphasis around strong (or the other way round).
  if (first?.type === 'emphasis' && first.children.length === 1 && first.children[0].type === 'strong') first = first.children[0]
  if (first?.type !== 'strong' || nodes.length < 2) return false
  const words = plain(first).trim().split(/\s+/).filter(Boolean)
  return words.length > 0 && words.length <= LABEL_WORDS
}

/**
 * Does the line open with a definition's label: a short bold label with a colon or a dash
 * ("**Term**: …", "**Term:** …", "**Term** — …") or up to five words before a colon ("Stomata: …")?
 * A paragraph of such lines is a run of definitions the planner reads whole.
 */
export function opensWithDefinition(line: Line): boolean {
  const text = lineText(line)
  if (opensWithLabel(line)) {
    const nodes = contentNodes(line.nodes)
    const label = plain(nodes[0]).trim()
    const after = nodes[1]?.type === 'text' ? nodes[1].value : ''
    return /[:：]$/.test(label) || /^\s*(?:[:：]|[—–-]\s)/.test(after)
  }
  const label = /^([^:：.!?;,]{1,48}?)[:：]\s+\S/u.exec(text)?.[1]
  return label !== undefined && label.trim().split(/\s+/).length <= 5 && /^[\p{Lu}\p{N}`]/u.test(text)
}

/** Does the line lead into the next: it ends on a comma, a dash, an open bracket or a joining word? */
export function joinsNext(line: Line): boolean {
  const text = lineText(line)
  if (/[,;(\[{&+/\-–—]$/u.test(text)) return true
  const word = /([\p{L}']+)$/u.exec(text)?.[1]?.toLowerCase()
  return word !== undefined && JOINING.has(word)
}

/** The number of the ordered-list marker the line starts with, if any. */
export function markerNumber(line: Line): number | undefined {
  const first = line.nodes[0]
  if (first?.type !== 'text') return undefined
  const match = LIST_MARKER.exec(first.value)
  return match ? Number(match[1]) : undefined
}
