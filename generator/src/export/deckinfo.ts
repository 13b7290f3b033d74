import { parseSync } from '@slidev/parser'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import type { Nodes } from 'mdast'

export interface SlideInfo {
  number: number
  title: string
  kind: string
  /** Speaker notes as plain text (the deck's escaping undone). */
  notes: string
}

export interface DeckInfo {
  title: string
  author?: string
  slides: SlideInfo[]
}

/** What the exporters need to know of a deck: its title, author, and each slide's title, kind and notes. */
export function readDeckInfo(markdown: string, fallbackTitle: string): DeckInfo {
  const parsed = parseSync(markdown, 'slides.md')
  const head = parsed.slides[0]?.frontmatter ?? {}
  return {
    title: (typeof head.title === 'string' && plainTitle(head.title)) || fallbackTitle,
    author: typeof head.author === 'string' && head.author.trim() ? head.author : undefined,
    slides: parsed.slides.map((slide, index) => ({
      number: index + 1,
      title: plainTitle(String(slide.title ?? '')),
      kind: typeof slide.frontmatter.kind === 'string' ? slide.frontmatter.kind : 'content',
      notes: (slide.note ?? '').replace(/--&gt;/g, '-->').replace(/--!&gt;/g, '--!>').replace(/&lt;/g, '<'),
    })),
  }
}

/**
 * A title as the plain text a reader sees: the markdown is parsed, its text and code kept, its
 * HTML (our `<span v-pre>` wrapper, or tags in a hand-written deck) dropped.
 */
export function plainTitle(markdown: string): string {
  const parts: string[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value)
    else if (node.type === 'break') parts.push(' ')
    else if ('children' in node) for (const child of node.children) walk(child)
  }
  walk(titleParser.parse(markdown))
  return parts.join('').replace(/\s+/g, ' ').trim()
}

const titleParser = unified().use(remarkParse)
