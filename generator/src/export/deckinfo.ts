import { parseSync } from '@slidev/parser'
import { plainTitle } from '../emit/escape.js'

export interface SlideInfo {
  number: number
  title: string
  kind: string
  /** The title of the part this slide opens, when that part has no divider. */
  opens?: string
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
      ...(typeof slide.frontmatter.opens === 'string' && slide.frontmatter.opens.trim() ? { opens: slide.frontmatter.opens } : {}),
      notes: (slide.note ?? '').replace(/--&gt;/g, '-->').replace(/--!&gt;/g, '--!>').replace(/&lt;/g, '<'),
    })),
  }
}
