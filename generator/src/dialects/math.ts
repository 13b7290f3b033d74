import type { Code, InlineCode, Nodes, Parent, Root, Text } from 'mdast'
import type { InlineMath, Math } from 'mdast-util-math'
import katex from 'katex'
import type { VFile } from 'vfile'
import { markdownReader } from '../markdown.js'
import { walk } from './phrasing.js'

/**
 * KaTeX options shared with the theme (themes/lectern/setup/katex.ts): `trust: false` keeps
 * `\href`, `\url`, `\htmlClass` and the other trust-dependent commands inert.
 */
export const KATEX_OPTIONS = { trust: false, strict: 'ignore', maxExpand: 1000, maxSize: 20 } as const

/**
 * Math as the note's author meant it: `$…$` under pandoc's rule (no space after the opening
 * `$` or before the closing one, no digit right after the closing one; anything else is text,
 * so "costs $5 and $10" stays prose), `$$…$$` (and `\(…\)`, `\[…\]`) alone in a paragraph as
 * display math, and TeX that KaTeX cannot parse as code with a warning.
 */
export function applyMath(tree: Root, file: VFile): void {
  const source = texDelimiters(String(file.value ?? ''))
  walk(tree, (node, parent, index) => {
    if (node.type === 'inlineMath') {
      // Already checked: a display formula that opens a list item (below).
      if ((node.data as { display?: boolean } | undefined)?.display) return
      const raw = sliceOf(node, source)
      const ticks = /^\$+/.exec(raw)?.[0].length ?? 1
      const inner = raw.slice(ticks, raw.length - ticks)
      const after = node.position?.end.offset !== undefined ? source.charAt(node.position.end.offset) : ''
      if (ticks === 1 && (/^\s|\s$/.test(inner) || /\d/.test(after) || !inner.trim())) {
        parent.children[index] = { type: 'text', value: raw, position: node.position } as Text
        return
      }
      if (ticks >= 2 && parent.type === 'paragraph' && parent.children.length === 1) {
        // `$$ x $$` alone in a paragraph: display math, as it reads.
        parent.children[index] = checked({ ...node, value: inner.trim() }, file, true)
        return
      }
      parent.children[index] = checked(node, file, false)
    } else if (node.type === 'math') {
      // `$$\begin{aligned}` … `\end{aligned}$$`: the opening line's rest is TeX, not a fence's meta,
      // and a closing `$$` glued to the last line is a delimiter.
      const whole = node.meta ? `${node.meta}\n${node.value}` : node.value
      const cut = whole.indexOf('$$')
      const value = cut >= 0 ? whole.slice(0, cut) : whole
      const math = checked({ ...node, meta: null, value }, file, true)
      // A list item is shown by its first paragraph: a formula that opens an item is that paragraph.
      const opensItem = parent.type === 'listItem' && index === 0
      parent.children[index] = !opensItem
        ? math
        : math.type === 'math'
          ? { type: 'paragraph', position: math.position, children: [{ type: 'inlineMath', value: math.value, position: math.position, data: { display: true } as InlineMath['data'] }] }
          : { type: 'paragraph', position: math.position, children: [{ type: 'inlineCode', value: math.value, position: math.position }] }
      // Without a closing fence the math ran on to the end of its block: what follows the
      // glued `$$` is the note's text again (positions are lost; lines are not).
      const tail = cut >= 0 ? whole.slice(cut + 2) : ''
      if (tail.trim()) parent.children.splice(index + 1, 0, ...(withoutPositions(markdownReader.parse(tail) as Root).children as Parent['children']))
    }
  })
  // A paragraph that holds only display math is a math block (in a list item it stays the
  // item's text: the planner shows an item by its first paragraph).
  walk(tree, (node, parent, index) => {
    if (node.type !== 'paragraph' || node.children.length !== 1 || parent.type === 'listItem') return
    const only = node.children[0] as Nodes
    if (only.type === 'inlineMath' && only.data && (only.data as { display?: boolean }).display) {
      parent.children[index] = { type: 'math', value: only.value, position: node.position } as Math
    }
  })
}

/**
 * TeX as the deck prints it, so that it stays TeX through markdown-it and Vue: `{{`/`}}` get a
 * space between the braces (Vue would interpolate them; TeX ignores the space), `|` becomes
 * `\vert` (a table cell would end at it), `<` and `>` become `\lt` and `\gt` (no `<!--` or tag
 * can appear in the slide's markdown, where Slidev looks for the speaker notes' comment), and
 * math nested in text (`\colorbox{…}{$x$}`) is written `\(x\)`, since a `$` inside would end
 * the formula early in the slide's markdown. White space at either end goes (an escaped `\ `
 * stays): markdown-it reads `$x $` as text, not math, and `\lt ` at the end made one.
 */
export function inertTex(tex: string): string {
  return tex
    .replace(/(?<!\\)\$([^$]*?)(?<!\\)\$/g, '\\($1\\)')
    .replace(/</g, '\\lt ')
    .replace(/>/g, '\\gt ')
    .replace(/\{(?=\{)/g, '{ ')
    .replace(/\}(?=\})/g, '} ')
    .replace(/\\\|/g, '\\Vert ')
    .replace(/\|/g, '\\vert ')
    .replace(/^\s+/, '')
    .replace(/(?<!\\)\s+$/, '')
}

/**
 * The math node itself when KaTeX renders it, else the TeX as code and a warning.
 * Note: the TeX is checked as the deck prints it (`inertTex`): Slidev puts TeX that KaTeX
 * rejects into the page as raw HTML, so no such TeX may reach it.
 */
function checked<T extends InlineMath | Math>(node: T, file: VFile, display: boolean): T | InlineCode | Code {
  const problem = katexProblem(node.value, display) ?? katexProblem(inertTex(node.value), display)
  if (!problem) {
    if (display && node.type === 'inlineMath') return { ...node, data: { ...node.data, display: true } } as T
    return node
  }
  file.message(`math cannot be rendered (${problem}); it is shown as code: fix the TeX to render it`, {
    place: node.position,
    ruleId: 'math',
    source: 'lectern',
  })
  if (node.type === 'math') return { type: 'code', lang: 'latex', value: node.value, position: node.position }
  return { type: 'inlineCode', value: node.value, position: node.position }
}

/** KaTeX's parser alone: a fifteenth of rendering's time, and parse errors are what can go wrong. */
const parseOnly = (katex as unknown as { __parse?: (tex: string, options: object) => unknown }).__parse

/**
 * KaTeX's parse error for this TeX (first line), or undefined when it renders.
 * Note: uses KaTeX's parser (`__parse`) when this version has it, else renders.
 */
export function katexProblem(tex: string, display: boolean): string | undefined {
  const options = { ...KATEX_OPTIONS, displayMode: display, throwOnError: true }
  try {
    if (typeof parseOnly === 'function') parseOnly(tex, options)
    else katex.renderToString(tex, options)
    return undefined
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return message.replace(/^KaTeX parse error:\s*/, '').split('\n')[0].slice(0, 120)
  }
}

function sliceOf(node: Nodes, source: string): string {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return `$${(node as InlineMath).value}$`
  return source.slice(start, end)
}


function withoutPositions<T extends Nodes>(node: T): T {
  delete node.position
  if ('children' in node) for (const child of node.children as Nodes[]) withoutPositions(child)
  return node
}

/**
 * LaTeX's own delimiters, `\(…\)` and `\[…\]`, rewritten to `$$…$$` before parsing (same length,
 * so every position stays true). Note: only when the content looks like TeX (a backslash, `^`,
 * `_` or `{`), so that escaped brackets such as `\[sic\]` stay text; code is left alone.
 */
export function texDelimiters(text: string): string {
  if (!text.includes('\\(') && !text.includes('\\[')) return text
  const lines = text.split('\n')
  let fence: string | undefined
  const prose: boolean[] = lines.map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1]
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker
      return false
    }
    return !fence
  })
  // Join prose runs (a display formula spans lines), rewrite, split back.
  const out = [...lines]
  let i = 0
  while (i < lines.length) {
    if (!prose[i]) {
      i++
      continue
    }
    let j = i
    while (j < lines.length && prose[j]) j++
    const block = lines.slice(i, j).join('\n')
    const rewritten = block.replace(/(`+)[\s\S]*?\1|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g, (match, ticks: string | undefined, inline?: string, display?: string) => {
      if (ticks) return match
      const tex = inline ?? display ?? ''
      return /[\\^_{]/.test(tex) ? `$$${tex}$$` : match
    })
    out.splice(i, j - i, ...rewritten.split('\n'))
    i = j
  }
  return out.join('\n')
}
