import type { RootContent } from 'mdast'

/** A 1-based, inclusive line range in the note. */
export interface LineRange {
  start: number
  end: number
}

/** Options a note can set in its frontmatter (and a project can default). */
export interface NoteMeta {
  title?: string
  subtitle?: string
  author?: string
  date?: string
  /** Any other frontmatter keys, kept so later stages can read them. */
  extra: Record<string, unknown>
  /** Where each frontmatter key's value starts in the note, for messages about a bad value. */
  places?: Record<string, { line: number; column: number }>
}

/** A heading and everything under it, up to the next heading of the same or a higher level. */
export interface Section {
  depth: number
  title: string
  /** Blocks directly under the heading, before its first subsection. */
  blocks: RootContent[]
  children: Section[]
  /** Lines from the heading to the end of the section's last block. */
  lines: LineRange
  headingLine: number
}

/** The structure of one note: its title, what comes before the first section, and the sections. */
export interface Outline {
  title: string
  /** Where the title came from, for the cover's notes and for messages. */
  titleFrom: 'frontmatter' | 'heading' | 'filename'
  meta: NoteMeta
  /** The text of the lone `#` heading taken as the title's place, when it differs from the title. */
  headingTitle?: string
  /** Blocks before the first section heading (the note's introduction). */
  preamble: RootContent[]
  sections: Section[]
  /** Number of lines in the note. */
  lineCount: number
}

/** Inline text as a slide shows it: plain runs with a little formatting. */
export interface Run {
  text: string
  strong?: boolean
  emphasis?: boolean
  code?: boolean
  /** A link target that is safe to follow (http, https, mailto). */
  href?: string
  /** TeX shown as inline math (KaTeX); `text` is the TeX source, never cut. */
  math?: boolean
  /** Formatting tags from the inline HTML allowlist (`sub`, `mark`, …), outermost first. */
  tags?: InlineTag[]
}

/** Inline HTML that formats text and is shown as such (every attribute dropped). */
export type InlineTag = 'sub' | 'sup' | 'mark' | 'kbd' | 'b' | 'i' | 'em' | 'strong' | 'u' | 's' | 'small' | 'abbr'

/** Callout kinds the theme styles (Obsidian's aliases and GitHub's alerts map to these). */
export type CalloutKind = 'note' | 'tip' | 'warning' | 'danger' | 'info' | 'example' | 'quote' | 'question' | 'success' | 'bug' | 'todo'


export interface BulletItem {
  runs: Run[]
  children: BulletItem[]
}

/** What a slide shows, decided by the planner and printed by the emitter. */
export type SlideBlock =
  | { type: 'bullets'; ordered: boolean; start: number; items: BulletItem[]; columns?: number }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'heading'; runs: Run[] }
  | { type: 'quote'; runs: Run[] }
  | { type: 'code'; lang: string; value: string }
  | { type: 'mermaid'; value: string }
  | { type: 'table'; align: Array<'left' | 'right' | 'center' | null>; header: Run[][]; rows: Run[][][] }
  | { type: 'image'; src: string; alt: string }
  | { type: 'definitions'; header: [Run[], Run[]]; items: Array<{ term: Run[]; gist: Run[] }> }
  | { type: 'diagram'; diagram: Diagram }
  | { type: 'comparison'; subjects: string[]; showAspects: boolean; rows: Array<{ aspect: string; cells: Run[][] }>; corner?: string }
  /** An image that cannot be shown: a caption naming it and a line saying why. */
  | { type: 'missing-image'; caption: Run[]; detail: Run[] }
  /** Display math: TeX source, rendered by KaTeX. */
  | { type: 'math'; value: string }
  /** A callout box (Obsidian, GitHub alerts, Notion asides): its title and its points; `prose`: each point is a paragraph (a passage), not a bullet; `small`: set a size smaller, so that one passage fits one slide. */
  | { type: 'callout'; kind: CalloutKind; title: Run[]; items: BulletItem[]; prose?: boolean; small?: boolean }

/** A diagram drawn from the note's structure; the emitter prints it as Mermaid. */
export type Diagram =
  /** `returns`: what comes back along the chain (dashed), and the node it reaches when not the first. */
  | { kind: 'chain'; nodes: string[]; labels: string[]; returns?: { label: string; to?: string } }
  | { kind: 'layers'; layers: string[] }
  | { kind: 'groups'; groups: Array<{ name: string; nodes: string[] }> }
  | { kind: 'steps'; steps: string[]; start: number }
  | { kind: 'tree'; root: string; children: string[] }
  /** Each level holds the next (outermost first): boxes inside boxes. */
  | { kind: 'nested'; levels: string[] }
  /** Stages that return to the first one. */
  | { kind: 'cycle'; steps: string[] }

export type SlideKind =
  | 'cover'
  | 'agenda'
  | 'section'
  | 'content'
  | 'definitions'
  | 'comparison'
  | 'code'
  | 'table'
  | 'image'
  | 'diagram'
  | 'takeaways'
  | 'end'

/** One planned slide: everything the emitter needs, nothing it has to decide. */
export interface SlidePlan {
  kind: SlideKind
  layout: 'cover' | 'section' | 'default' | 'diagram' | 'comparison' | 'takeaways' | 'two-cols' | 'end'
  /** With the two-cols layout: the index in `body` where the right column starts. */
  rightFrom?: number
  title: string
  /** Small text above a section title, e.g. "Part 2". */
  kicker?: string
  /** Which part of a run of slides with one title this is, e.g. "2/3" (shown small beside the title). */
  part?: string
  /** The title of the talk's part this slide opens, when that part has no divider (it is short). */
  opens?: string
  /**
   * The title a slide of a section shows when the note gives other sections the same title
   * ("Creating an image: Steps"): set by the planner from `distinctTitles`, used by `titleSlides`.
   */
  distinctTitle?: string
  body: SlideBlock[]
  /** Speaker notes: the full text of what the slide stands for, as plain markdown. */
  notes: string
  /** Estimated speaking time in seconds (≈130 words a minute of notes). */
  seconds?: number
  lines: LineRange
}

/** How an image in the note resolves, decided by the command (it checks the file system). */
export type AssetResolution =
  | { status: 'ok'; deckPath: string }
  | { status: 'missing' | 'outside' | 'remote' | 'unsupported'; reason: string }

/** How much a slide may show: words (title and body) and lines of body text. */
export interface Budget {
  words: number
  lines: number
}

export interface PlanOptions {
  budget: Budget
  /** Most table body rows per slide (the word budget may cut a part shorter). */
  maxTableRows: number
  /** Most code lines per slide (the word budget may cut a part shorter). */
  maxCodeLines: number
  /** Image URL (as written in the note) → how it resolves. */
  assets: Map<string, AssetResolution>
  /** Draw diagrams from the note's structure (frontmatter `diagrams: false` turns them off). */
  diagrams: boolean
  /** Section titles (any level, case-insensitive) to leave off the slides (frontmatter `skip`). */
  skip: string[]
  /** Fit the talk into this many minutes; the rest goes to a Backup part (`--minutes`, frontmatter `minutes`). */
  minutes?: number
}

export interface DeckOptions {
  /** Theme path as written in the deck's headmatter (relative to the deck folder). */
  theme: string
  /** The note's path as shown to users, e.g. `notes/cells.md`. */
  notePath: string
  /** The note's path relative to the deck folder (for `lectern check`). */
  noteFromDeck?: string
  budget: Budget
}

export interface Deck {
  markdown: string
  slides: SlidePlan[]
}
