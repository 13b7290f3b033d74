import type { List, ListItem, Parent, Root, RootContent } from 'mdast'
import { notesOnlyInline } from './phrasing.js'
import { plainText } from '../text.js'

/** A list item that is only a section number: "3", "5.1", "2.4.", with nothing else. */
const SECTION_NUMBER = /^\d+(?:\.\d+)*\.?$/

/**
 * List items that are only a chapter number ("- 3" over its points, "- 5.1"), as outliners
 * write them to follow a book's chapters: the number moves to the speaker notes, and the item's
 * points take its place (dropEmptyItems lifts them), so no slide shows a bare "3".
 * Note: a number item counts as a label only when it, or a number item beside it, holds a list;
 * a list of plain values ("- 12", "- 40") stays as written.
 */
export function applyNumberLabels(tree: Root): void {
  const visit = (parent: Parent): void => {
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'list') relabel(child)
      if ('children' in child) visit(child as Parent)
    }
  }
  visit(tree)
}

function relabel(list: List): void {
  const numbers = list.children.filter(isNumberItem)
  if (!numbers.some((item) => item.children.some((child) => child.type === 'list'))) return
  for (const item of numbers) {
    const first = item.children[0]
    if (first?.type !== 'paragraph') continue
    first.children = [notesOnlyInline(plainText(first).trim(), first.position)]
  }
}

function isNumberItem(item: ListItem): boolean {
  const first = item.children[0]
  return first?.type === 'paragraph' && SECTION_NUMBER.test(plainText(first).trim())
}
