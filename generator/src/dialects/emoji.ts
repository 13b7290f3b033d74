import type { Root } from 'mdast'
import { gemoji } from 'gemoji'
import { rewriteText } from './phrasing.js'

/**
 * A shortcode as GitHub writes it, `:name:`, standing apart from the words around it (not the
 * `12:30:15` of a time, not `a:b:c`). Names are letters, digits, `_`, `+` and `-`.
 */
export const SHORTCODE = /(?<![\p{L}\p{N}:]):([a-z0-9_+-]+):(?![\p{L}\p{N}])/gu

let byName: Map<string, string> | undefined

/** The emoji GitHub shows for a shortcode's name (`warning` → ⚠️), if it knows the name. */
export function emojiOf(name: string): string | undefined {
  if (!byName) {
    byName = new Map()
    for (const entry of gemoji) for (const alias of entry.names) byName.set(alias, entry.emoji)
  }
  return byName.get(name.toLowerCase())
}

/** Text with each shortcode GitHub knows (`:warning:`) shown as its emoji; other `:words:` stay as written. */
export function replaceShortcodes(text: string): string {
  if (!text.includes(':')) return text
  return text.replace(SHORTCODE, (whole, name: string) => emojiOf(name) ?? whole)
}

/**
 * Emoji shortcodes (GitHub, and the notes apps that follow it) as the emoji they stand for, in
 * text only: code and math keep what they say.
 */
export function applyEmoji(tree: Root): void {
  rewriteText(tree, (node) => {
    const value = replaceShortcodes(node.value)
    return value === node.value ? undefined : [{ ...node, value }]
  })
}
