/**
 * Escaping for Slidev markdown. Slide text is markdown compiled as a Vue template, so text from
 * a note must be made inert twice: for markdown-it (backslash escapes) and for Vue (`v-pre`).
 */

import type { Nodes } from 'mdast'
import { readMarkdown } from '../markdown.js'

// ASCII punctuation that markdown-it, its plugins (KaTeX `$`, footnotes `^`, strikethrough `~`)
// or Slidev's syntax could read as markup anywhere in a line.
const INLINE_SPECIAL = /[\\`*_[\]<>&|~$!^{}]/g

/**
 * markdown-it's typographer (on in Slidev) rewrites `--` to –, `...` to …, `(c)` to ©, `+-` to ±
 * and squeezes `!!!!`, `????` and `,,`: escaped characters are left alone, so these are escaped.
 */
const TYPOGRAPHY = /-{2,}|\.{2,}|[!?]{3,}|,{2,}|\+-|\((?=(?:c|tm|r|p)\))/gi

/** Escape plain text for use inside a line of slide markdown. */
export function escapeInline(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (char) => `\\${char}`)
    .replace(TYPOGRAPHY, (run) => run.replace(/./g, (char) => `\\${char}`))
}

/**
 * Escape text that starts a markdown line (a paragraph, a list item's text, a table cell):
 * block markers (`#`, `>`, `-`, `+`, `=`, `1.`) and Slidev's `::slot::` sugar are neutralised.
 */
export function escapeLineStart(escaped: string): string {
  return escaped
    .replace(/^(\s*)([#>+=:-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
}

/** Wrap text that Vue would interpolate (`{{ … }}`) so it stays literal. */
export function guardVue(html: string, raw: string): string {
  return raw.includes('{{') || raw.includes('}}') ? `<span v-pre>${html}</span>` : html
}

/**
 * A title as Slidev markdown for a `title:` field. Slidev pastes a deck's or slide's `title` into
 * a Vue template (the Goto dialog, the table of contents), so it is escaped markdown inside
 * `v-pre`, on one line. Slidev's `<title>` keeps only the text of it, unescaped.
 */
export function escapeTitle(text: string): string {
  return `<span v-pre>${escapeInline(text.replace(/\s+/g, ' ').trim())}</span>`
}

/**
 * A title from a deck as the plain text a reader sees (the inverse of `escapeTitle`): the
 * markdown is parsed, its text and code kept, its HTML (our `v-pre` wrapper, or tags in a
 * hand-written deck) dropped.
 */
export function plainTitle(markdown: string): string {
  const parts: string[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value)
    else if (node.type === 'break') parts.push(' ')
    else if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(readMarkdown(markdown))
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/** A link target as a markdown destination: characters that would end it are percent-encoded. */
export function escapeUrl(url: string): string {
  return url.replace(/[\s()<>\\`{}"']/g, (char) => encodeURIComponent(char).replace(/'/g, '%27'))
}

/**
 * Speaker notes live in an HTML comment that Slidev renders with markdown-it into the presenter
 * view as HTML: `<` must not start a tag, and `-->` must not end the comment early.
 */
export function escapeNotes(text: string): string {
  return text.replace(/</g, '&lt;').replace(/-->/g, '--&gt;').replace(/--!>/g, '--!&gt;')
}

/** A YAML double-quoted scalar that cannot contain a `---` run (Slidev's frontmatter regex stops there). */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(/-{3,}/g, (run) => '\\x2D'.repeat(run.length))
}
