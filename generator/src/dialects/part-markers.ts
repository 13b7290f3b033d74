import type { Heading, Paragraph, Root } from 'mdast'
import { plainText } from '../text.js'

/** A numbered part label on a line of its own: "1- Causes", "2) The treaty" (a "1." line is a list already). */
const PART_MARKER = /^(\d{1,2})\s*[-–)]\s+(\S.{0,79})$/u
/** Fewest part labels that make a note's parts. */
const MIN_PARTS = 2

/**
 * Numbered part labels as headings: when a note's top-level lines "1- …", "2- …" number its
 * parts in order (one short line each, no closing stop) above deeper headings, each becomes a
 * heading one level above the note's shallowest one, so its part is a section of the talk and
 * not a stray line.
 * Note: a note whose shallowest heading is `#` keeps the lines as written (no level is free).
 */
export function applyPartMarkers(tree: Root): void {
  const markers: Array<{ index: number; node: Paragraph }> = []
  tree.children.forEach((node, index) => {
    if (node.type !== 'paragraph') return
    const text = plainText(node).trim()
    const match = PART_MARKER.exec(text)
    if (match && !text.includes('\n') && !/[.!?:;,。]$/u.test(text) && Number(match[1]) === markers.length + 1) markers.push({ index, node })
  })
  if (markers.length < MIN_PARTS) return
  const depths = tree.children.filter((node): node is Heading => node.type === 'heading').map((heading) => heading.depth)
  if (!depths.length) return
  const depth = Math.min(...depths) - 1
  if (depth < 1) return
  for (const { index, node } of markers) {
    tree.children[index] = { type: 'heading', depth: depth as Heading['depth'], children: node.children, position: node.position }
  }
}
