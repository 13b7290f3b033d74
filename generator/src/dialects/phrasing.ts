import type { Html, List, ListItem, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast'
import { ANSWER_LABELS } from '../grammar/en.js'

/** An inline piece kept for the speaker notes only (toRuns leaves it out; plain text keeps it). */
export function notesOnlyInline(value: string, position?: Text['position']): Html {
  return { type: 'html', value, position, data: { lectern: 'notes' } as Html['data'] }
}

/** Is this an inline piece that only the speaker notes show? */
export function isNotesOnly(node: Nodes): boolean {
  return node.type === 'html' && (node.data as { lectern?: string } | undefined)?.lectern === 'notes'
}

/** A block kept for the speaker notes only: an HTML comment, as the planner treats one. */
export function notesOnlyBlock(text: string, position?: RootContent['position']): Html {
  return { type: 'html', value: `<!-- ${text.trim()} -->`, position }
}

/**
 * Rewrite every text node (outside code) with `rewrite`, which returns its replacement or
 * undefined to keep it. Replacements are not visited again.
 */
export function rewriteText(tree: Root, rewrite: (node: Text, parent: Parent) => PhrasingContent[] | undefined): void {
  const visit = (parent: Parent): void => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i] as Nodes
      if (child.type === 'text') {
        const out = rewrite(child, parent)
        if (out) {
          parent.children.splice(i, 1, ...(out as Parent['children']))
          i += out.length - 1
        }
      } else if ('children' in child) visit(child as Parent)
    }
  }
  visit(tree)
}

/** For each string, whether some text node (as `rewriteText` visits them) contains it. */
export function textIncludes(tree: Root, needles: string[]): boolean[] {
  const found = needles.map(() => false)
  const visit = (parent: Parent): void => {
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'text') needles.forEach((needle, i) => (found[i] ||= child.value.includes(needle)))
      else if ('children' in child) visit(child as Parent)
    }
  }
  visit(tree)
  return found
}

/**
 * Split a text node's value by a global pattern: text between matches stays text, each match
 * becomes what `replace` returns.
 */
export function splitText(node: Text, pattern: RegExp, replace: (match: RegExpExecArray) => PhrasingContent[]): PhrasingContent[] | undefined {
  pattern.lastIndex = 0
  const out: PhrasingContent[] = []
  let last = 0
  let match: RegExpExecArray | null
  let matched = false
  while ((match = pattern.exec(node.value))) {
    matched = true
    if (match.index > last) out.push({ type: 'text', value: node.value.slice(last, match.index), position: node.position })
    out.push(...replace(match))
    last = match.index + match[0].length
    if (match[0].length === 0) pattern.lastIndex++
  }
  if (!matched) return undefined
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last), position: node.position })
  return out
}

/** The note's source text of a node (exact, from its offsets), or undefined. */
export function sourceOf(node: Nodes, source: string): string | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : source.slice(start, end)
}

/** A paragraph left with nothing but notes-only pieces (and white space) becomes a notes-only block. */
export function liftNotesOnly(parent: Parent): void {
  const children = parent.children as RootContent[]
  children.forEach((child, index) => {
    // In a list item the planner reads the first paragraph's runs, which leave notes-only pieces out.
    if (child.type === 'paragraph' && parent.type !== 'listItem') {
      const kept = child.children.filter((node) => !(node.type === 'text' && !node.value.trim()) && node.type !== 'break')
      if (kept.length && kept.every((node) => isNotesOnly(node))) {
        children[index] = notesOnlyBlock(kept.map((node) => (node as Html).value).join(' '), child.position)
      }
    } else if ('children' in child) liftNotesOnly(child as Parent)
  })
}

/** A paragraph with nothing to show: only white space and notes-only pieces. */
function showsNothing(node: RootContent | undefined): node is Paragraph {
  return node?.type === 'paragraph' && node.children.every((child) => (child.type === 'text' && !child.value.trim()) || child.type === 'break' || isNotesOnly(child))
}

/**
 * List items left with nothing to show (a property line, a comment) leave their list: their
 * sub-items take their place, and their notes-only pieces move to the item before (or after).
 */
export function dropEmptyItems(parent: Parent): void {
  for (const child of parent.children as RootContent[]) {
    if ('children' in child) dropEmptyItems(child as Parent)
    if (child.type !== 'list') continue
    const kept: ListItem[] = []
    let carried: PhrasingContent[] = []
    for (const item of child.children) {
      const [first, ...rest] = item.children
      if (!showsNothing(first) || !rest.every((node) => node.type === 'list')) {
        if (carried.length && item.children[0]?.type === 'paragraph') item.children[0].children.push(...carried)
        else if (carried.length) kept.push(carriedItem(carried))
        carried = []
        kept.push(item)
        continue
      }
      // A space before each piece keeps the notes' words apart ("…exactly. reference:: 2").
      const notes = first.children.filter((node) => isNotesOnly(node)).flatMap((node): PhrasingContent[] => [{ type: 'text', value: ' ' }, node])
      const promoted = (rest as List[]).flatMap((list) => list.children)
      const previous = kept[kept.length - 1]?.children[0]
      if (!promoted.length && previous?.type === 'paragraph') previous.children.push(...notes)
      else carried.push(...notes)
      // Promoted items are checked like any other (they may be empty too).
      child.children.splice(child.children.indexOf(item) + 1, 0, ...promoted)
    }
    if (carried.length) {
      const previous = kept[kept.length - 1]?.children[0]
      if (previous?.type === 'paragraph') previous.children.push(...carried)
      else kept.push(carriedItem(carried))
    }
    child.children = kept
  }
}

/** An item that only carries notes (a list that had nothing else); the planner shows nothing of it. */
function carriedItem(notes: PhrasingContent[]): ListItem {
  return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: notes }] }
}

/** Visit every node with its parent and index (children may be replaced in place). */
export function walk(node: Nodes, visit: (node: Nodes, parent: Parent, index: number) => void): void {
  if (!('children' in node)) return
  const parent = node as Parent
  for (let i = 0; i < parent.children.length; i++) {
    visit(parent.children[i] as Nodes, parent, i)
    walk(parent.children[i] as Nodes, visit)
  }
}

/** Most words a stray-delimited phrase may have to be read as the author's bold label. */
const STRAY_BOLD_WORDS = 12

/**
 * `__Label __` or `** Label**`: a delimiter pair that CommonMark did not take as emphasis because
 * a space stands inside one of its ends. The author meant bold.
 */
const SPACED_PAIR = /(?<![\p{L}\p{N}\\*_])(\*\*|__)(\s*)(\S(?:[^*_\n]*?\S)?)(\s*)\1(?![*_])(?!(?<=\S\1)[\p{L}\p{N}])/gu

/**
 * A double delimiter left as text at a word's edge: before a capital or a digit after a space or
 * the start ("… restart, **You might …"), after a word before a space or the end ("done** "), or
 * standing as a marker before a sentence ("** You may need …").
 * Inside a word ("snake__case", "2**8") it is the author's text and stays.
 */
const STRAY_DELIMITER = /(?<![\p{L}\p{N}\\*_])(?:\*\*|__)(?=[\p{Lu}\p{N}])|(?<=[\p{L}\p{N}.:!?)])(?:\*\*|__)(?=\s|$)|(?<![^\s])(?:\*\*|__)[ \t]+(?=\p{Lu})/gu

/**
 * Emphasis delimiters that remark left as text (unclosed `**`, `__X __` with a space before the
 * closing pair) reach no slide as raw markers: a spaced pair becomes the bold it was meant to be,
 * a lone marker at a word's edge is removed. Note: only markup goes; every word stays (the notes,
 * read from the same tree, show the words without the markers).
 */
export function applyStrayEmphasis(tree: Root): void {
  rewriteText(tree, (node) => {
    if (!node.value.includes('**') && !node.value.includes('__')) return undefined
    const paired = splitText(node, SPACED_PAIR, (match) => {
      const words = match[3].split(/\s+/).length
      // Both ends tight is emphasis remark would have taken: whatever stopped it, the markers are text.
      if (words > STRAY_BOLD_WORDS || (!match[2] && !match[4])) return [{ type: 'text', value: match[0] }]
      const bold: PhrasingContent = { type: 'strong', children: [{ type: 'text', value: match[3], position: node.position }], position: node.position }
      // "**unphysical. **So …": the space before the closing pair parts the words after it.
      return match[4] ? [bold, { type: 'text', value: ' ', position: node.position }] : [bold]
    })
    const pieces = paired ?? [node]
    let changed = Boolean(paired)
    const out = pieces.map((piece): PhrasingContent => {
      if (piece.type !== 'text') return piece
      const value = piece.value.replace(STRAY_DELIMITER, '')
      if (value === piece.value) return piece
      changed = true
      return { ...piece, value }
    })
    return changed ? out.filter((piece) => piece.type !== 'text' || piece.value) : undefined
  })
}

const ANSWER_LABEL = new RegExp(`^\\s*(?:${ANSWER_LABELS.join('|')})\\s*[:：]\\s*`, 'iu')
/** The bold part is the label word alone (with its colon, maybe). */
const ANSWER_LABEL_WORD = new RegExp(`^\\s*(?:${ANSWER_LABELS.join('|')})\\s*[:：]?\\s*$`, 'iu')

/**
 * "Solution: …" (or `**Answer**: …`) opening the first paragraph under a heading that asks a
 * question: the label only announces that the answer follows, which the question in the title
 * already says, so the slide shows the answer alone. Note: the label stays in the speaker notes
 * (a notes-only piece), so the notes read as the note does.
 */
export function applyAnswerLabels(tree: Root): void {
  tree.children.forEach((node, i) => {
    const heading = tree.children[i - 1]
    if (node.type !== 'paragraph' || heading?.type !== 'heading' || !/\?\s*$/.test(plainOf(heading))) return
    const [first, second] = node.children
    if (first?.type === 'text') {
      const label = ANSWER_LABEL.exec(first.value)
      if (!label || label[0].length === first.value.length) return
      node.children.splice(0, 1, notesOnlyInline(label[0], first.position), { ...first, value: first.value.slice(label[0].length) })
    } else if (first?.type === 'strong' && first.children.length === 1 && first.children[0].type === 'text') {
      // "**Solution:** …" (the colon in the bold) or "**Solution**: …" (after it).
      const inside = first.children[0].value
      const after = second?.type === 'text' ? second.value : ''
      const colon = /[:：]\s*$/u.test(inside) ? '' : (/^\s*[:：]\s*/u.exec(after)?.[0] ?? '')
      if (!ANSWER_LABEL_WORD.test(inside) || (!colon && !/[:：]\s*$/u.test(inside))) return
      const tail = [...(second?.type === 'text' ? [{ ...second, value: after.slice(colon.length).replace(/^\s+/u, '') }] : []), ...node.children.slice(second?.type === 'text' ? 2 : 1)]
      if (!tail.some((child) => child.type !== 'text' || child.value.trim())) return
      node.children = [notesOnlyInline(`${inside}${colon || ' '}`, first.position), ...tail]
    }
  })
}

/** A node's text, as the notes read it. */
function plainOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value
  return 'children' in node ? (node.children as Nodes[]).map(plainOf).join('') : ''
}
