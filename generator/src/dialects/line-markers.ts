import type { ListItem, Root } from 'mdast'
import { notesOnlyInline, walk } from './phrasing.js'

/** Symbols some note-takers put before a list item to sort their lines ("& claim", "% aside", "! key"). */
const MARKER = /^([&%!$§@~^])[ \t]+(?=\S)/u

/** How many items must open with the same symbol before it reads as the note's own marker, not text. */
const MARKER_USES = 3

/**
 * A symbol that opens many of a note's list items, followed by a space ("- & Parts serve the
 * whole", "- % an aside"), is the author's way of sorting lines, not words to show: it goes to
 * the speaker notes (a notes-only piece), and the slide shows the line without it. A symbol that
 * opens fewer than three items is left as written: it may be the text itself.
 */
export function applyLineMarkers(tree: Root): void {
  const opened = new Map<string, ListItem[]>()
  walk(tree, (node) => {
    if (node.type !== 'listItem') return
    const first = node.children[0]
    const text = first?.type === 'paragraph' ? first.children[0] : undefined
    const symbol = text?.type === 'text' ? MARKER.exec(text.value)?.[1] : undefined
    if (symbol) opened.set(symbol, [...(opened.get(symbol) ?? []), node])
  })
  for (const items of opened.values()) {
    if (items.length < MARKER_USES) continue
    for (const item of items) {
      const paragraph = item.children[0]
      if (paragraph.type !== 'paragraph') continue
      const text = paragraph.children[0]
      if (text.type !== 'text') continue
      const marker = MARKER.exec(text.value)![0]
      paragraph.children.splice(0, 1, notesOnlyInline(marker, text.position), { ...text, value: text.value.slice(marker.length) })
    }
  }
}
