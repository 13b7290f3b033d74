import { parseSync } from '@slidev/parser'

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
    title: typeof head.title === 'string' && head.title.trim() ? head.title : fallbackTitle,
    author: typeof head.author === 'string' && head.author.trim() ? head.author : undefined,
    slides: parsed.slides.map((slide, index) => ({
      number: index + 1,
      title: cleanTitle(String(slide.title ?? '')),
      kind: typeof slide.frontmatter.kind === 'string' ? slide.frontmatter.kind : 'content',
      notes: (slide.note ?? '').replace(/--&gt;/g, '-->').replace(/--!&gt;/g, '--!>').replace(/&lt;/g, '<'),
    })),
  }
}

/** A slide title as plain text: our `<span v-pre>` wrapper and markdown escapes removed. */
function cleanTitle(title: string): string {
  return title
    .replace(/<\/?span[^>]*>/g, '')
    .replace(/\\(.)/g, '$1')
    .trim()
}
