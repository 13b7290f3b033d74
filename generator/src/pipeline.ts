import type { Image, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { parseNote } from './parse.js'
import { outlineSections } from './outline.js'
import { defaultPlanOptions, planSlides } from './plan/index.js'
import { emitDeck } from './emit/index.js'
import type { AssetResolution, Deck, Outline, PlanOptions } from './types.js'

/**
 * The whole generator, in order: parse → outline → plan → emit. Pure: it reads nothing and
 * writes nothing. Note: images are resolved through `settings.resolveImage`, which the command
 * supplies (it looks at the file system); tests pass their own.
 */
export function generateDeck(file: VFile, settings: GenerateSettings): Deck & { outline: Outline } {
  const { tree, meta } = parseNote(file)
  const outline = outlineSections(tree, meta, file)
  const assets = new Map<string, AssetResolution>()
  for (const url of imagesIn(tree)) {
    assets.set(url, settings.resolveImage?.(url) ?? { status: 'unsupported', reason: 'images are not resolved here' })
  }
  const planOptions: PlanOptions = { ...defaultPlanOptions, ...settings.plan, assets }
  const slides = planSlides(outline, planOptions, file)
  const markdown = emitDeck(slides, { theme: settings.theme, notePath: settings.notePath }, outline.title, meta.author)
  return { markdown, slides, outline }
}

export interface GenerateSettings {
  theme: string
  notePath: string
  /** How an image URL written in the note resolves (exists, missing, outside the notes, remote). */
  resolveImage?: (url: string) => AssetResolution
  plan?: Partial<Omit<PlanOptions, 'assets'>>
}

/** Every image URL in a note, in order of first use. */
export function imagesIn(tree: Root): string[] {
  const urls: string[] = []
  visit(tree, 'image', (node: Image) => {
    if (!urls.includes(node.url)) urls.push(node.url)
  })
  return urls
}
