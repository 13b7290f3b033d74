import { markdownReader } from './markdown.js'
import type { Nodes, Root } from 'mdast'
import { parseSync } from '@slidev/parser'
import { VFile } from 'vfile'
import { parseNote } from './parse.js'
import { collapse, plainText, sentences } from './text.js'
import { directiveOf } from './plan/units.js'

const markdown = markdownReader

export interface Coverage {
  total: number
  found: number
  missing: string[]
}

/**
 * Which sentences of a note appear, word for word, in a deck (slide text or speaker notes).
 * Sentences are taken block by block from the note's text, so a sentence never spans a heading,
 * a bullet or a table cell; white space is compared collapsed.
 */
export function sentenceCoverage(noteText: string, deckMarkdown: string): Coverage {
  const note = parseNote(new VFile({ value: noteText }))
  const wanted = noteSentences(note.tree)
  const haystack = deckText(deckMarkdown)
  const missing = wanted.filter((sentence) => !haystack.includes(sentence))
  return { total: wanted.length, found: wanted.length - missing.length, missing }
}

/** The sentences of a note, block by block. */
export function noteSentences(tree: Root): string[] {
  const out: string[] = []
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        for (const sentence of sentences(plainText(node))) out.push(sentence)
        return
      case 'html': {
        // Directives (`<!-- slide: break -->`) are instructions to lectern, not text of the talk;
        // other comments count by their inner text.
        if (directiveOf(node.value)) return
        const value = /^\s*<!--[\s\S]*-->\s*$/.test(node.value) ? node.value.replace(/^\s*<!--\s*|\s*-->\s*$/g, '') : node.value
        for (const line of value.split('\n')) if (line.trim()) out.push(collapse(line))
        return
      }
      case 'code':
        for (const line of node.value.split('\n')) if (line.trim()) out.push(collapse(line))
        return
      case 'yaml':
        return
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) visit(child)
    }
  }
  visit(tree)
  return out
}

/** All text of a deck as one string: slide text (markdown stripped) and speaker notes. */
export function deckText(deckMarkdown: string): string {
  const deck = parseSync(deckMarkdown, 'slides.md')
  const parts: string[] = []
  for (const slide of deck.slides) {
    parts.push(stripMarkdown(slide.content))
    if (slide.note) parts.push(unescapeNotes(slide.note))
  }
  return collapse(parts.join(' \n '))
}

function stripMarkdown(content: string): string {
  const tree = markdown.parse(content) as Root
  const lines: string[] = []
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') lines.push(plainText(node))
    else if (node.type === 'code') lines.push(node.value)
    else if ('children' in node) for (const child of node.children as Nodes[]) visit(child)
  }
  visit(tree)
  return lines.join('\n')
}

function unescapeNotes(note: string): string {
  return note.replace(/--&gt;/g, '-->').replace(/--!&gt;/g, '--!>').replace(/&lt;/g, '<')
}
