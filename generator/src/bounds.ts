import type { Nodes, Root } from 'mdast'

/**
 * Bounds on what micromark is asked to read, so that a small hostile note cannot take minutes:
 * its emphasis resolution is quadratic in the `*`/`_` runs of one paragraph (40 KB of `*_` took
 * 30 s), link resolution in its `[` and `]` (each `]` looks back for its `[`: 66,000 took over a
 * minute), block quotes nest one level per `>` (50,000 took 30 s, then overflowed the stack),
 * and list items nest one level per indent (400 levels took 7 s, 3,000 did not finish in 10 min).
 * Past a bound, the characters are kept as plain text: before parsing they are swapped for
 * private-use stand-ins (one UTF-16 unit each, so every position stays true), and swapped back
 * in the tree's values afterwards. Each bound that applies is a warning with its place.
 */

/** Block quote levels read as quotes; deeper `>` are text. */
export const MAX_QUOTE_DEPTH = 16
/** List levels read as nested lists; a deeper item's marker is text (its line joins the item above). */
export const MAX_LIST_DEPTH = 16
/** `*`/`_` runs, and `[`/`]`, per paragraph read as markup; the rest are text. */
export const MAX_MARKERS = 2000

export interface BoundWarning {
  line: number
  column: number
  reason: string
}

export interface BoundedText {
  /** The text to parse: same length as the input. */
  text: string
  /** Put the protected characters back into the parsed tree's values. */
  restore: (tree: Root) => void
  warnings: BoundWarning[]
}

const GUARDED = ['>', '*', '_', '[', ']', '-', '+', '.', ')']

/** Swap the markers past each bound for stand-ins (see the module note). */
export function boundMarkdown(text: string): BoundedText {
  const standIns = pickStandIns(text)
  const lines = text.split('\n')
  const warnings: BoundWarning[] = []
  let changed = false
  let fence: string | undefined
  let runs = 0
  let brackets = 0
  let warnedRuns = false
  let warnedBrackets = false
  // The content columns of the open list items, outermost first (see listDepth).
  const items: number[] = []
  let warnedDepth = false
  let blank = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1]
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker
      continue
    }
    if (fence) continue
    // A new paragraph: after a blank line, or at a line that starts another block.
    if (!line.trim() || /^\s{0,3}(?:[-*+]\s|\d{1,9}[.)]\s|#|>|\|)/.test(line)) {
      runs = 0
      brackets = 0
      warnedRuns = warnedBrackets = false
    }
    const chars = line.split('')
    let deepItem = false
    const item = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/.exec(line)
    if (item) {
      const indent = columns(item[1])
      while (items.length && indent < items[items.length - 1]) items.pop()
      if (items.length >= MAX_LIST_DEPTH) {
        // Too deep: the marker becomes text, so the line continues the item above it.
        deepItem = true
        const at = item[1].length + item[2].length - 1
        chars[at] = standIns.get(line[at])!
        if (!warnedDepth) warnings.push({ line: i + 1, column: at + 1, reason: `a list nested more than ${MAX_LIST_DEPTH} levels deep; deeper items are kept as text of the item above` })
        warnedDepth = true
      } else items.push(indent + item[2].length + Math.max(1, columns(item[3])))
    } else if (line.trim() && blank) {
      // After a blank line, a line indented less than an item's content closes that item.
      const indent = columns(/^[ \t]*/.exec(line)![0])
      while (items.length && indent < items[items.length - 1]) items.pop()
    }
    blank = !line.trim()
    const quote = /^(?:[ \t]*>)+/.exec(line)?.[0] ?? ''
    let depth = 0
    let from = quote.length
    for (let c = 0; c < quote.length; c++) {
      if (quote[c] !== '>') continue
      depth++
      if (depth === MAX_QUOTE_DEPTH + 1) from = c
      if (depth > MAX_QUOTE_DEPTH) chars[c] = standIns.get('>')!
    }
    if (depth > MAX_QUOTE_DEPTH) {
      warnings.push({ line: i + 1, column: from + 1, reason: `block quote nested ${depth} levels deep; the first ${MAX_QUOTE_DEPTH} are read as quotes, the other ${depth - MAX_QUOTE_DEPTH} ">" are kept as text` })
    }
    for (let c = quote.length; c < chars.length; c++) {
      const ch = chars[c]
      if (ch === '*' || ch === '_') {
        if (line[c - 1] !== ch) runs++
        if (runs > MAX_MARKERS) {
          chars[c] = standIns.get(ch)!
          if (!warnedRuns) warnings.push({ line: i + 1, column: c + 1, reason: `a paragraph with more than ${MAX_MARKERS} runs of * and _; from here they are kept as plain characters, not emphasis` })
          warnedRuns = true
        }
      } else if (ch === '[' || ch === ']') {
        brackets++
        if (brackets > MAX_MARKERS) {
          chars[c] = standIns.get(ch)!
          if (!warnedBrackets) warnings.push({ line: i + 1, column: c + 1, reason: `a paragraph with more than ${MAX_MARKERS} "[" and "]"; from here they are kept as plain characters, not links` })
          warnedBrackets = true
        }
      }
    }
    if (warnedRuns || warnedBrackets || depth > MAX_QUOTE_DEPTH || deepItem) {
      lines[i] = chars.join('')
      changed = true
    }
  }
  if (!changed) return { text, restore: () => undefined, warnings }
  const back = new Map([...standIns].map(([original, standIn]) => [standIn, original]))
  const pattern = new RegExp(`[${[...back.keys()].join('')}]`, 'g')
  const fix = (value: string): string => value.replace(pattern, (ch) => back.get(ch)!)
  return { text: lines.join('\n'), restore: (tree) => restoreTree(tree, fix), warnings }
}

/** The width of leading white space, tabs to the next multiple of 4 (as CommonMark counts). */
function columns(space: string): number {
  let width = 0
  for (const ch of space) width = ch === '\t' ? width + 4 - (width % 4) : width + 1
  return width
}

/** Private-use characters the note does not hold, one per guarded marker. */
function pickStandIns(text: string): Map<string, string> {
  const map = new Map<string, string>()
  for (let code = 0xf8ff; map.size < GUARDED.length && code >= 0xe000; code--) {
    const ch = String.fromCharCode(code)
    if (!text.includes(ch)) map.set(GUARDED[map.size], ch)
  }
  return map
}

/** Iterative, so a deep tree cannot overflow the stack. */
function restoreTree(tree: Root, fix: (value: string) => string): void {
  const stack: Nodes[] = [tree]
  while (stack.length) {
    const node = stack.pop()! as Nodes & Record<string, unknown>
    for (const key of ['value', 'url', 'title', 'alt', 'label'] as const) {
      if (typeof node[key] === 'string') node[key] = fix(node[key] as string)
    }
    if ('children' in node) stack.push(...(node.children as Nodes[]))
  }
}
