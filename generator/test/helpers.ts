import { VFile } from 'vfile'
import { parseSync } from '@slidev/parser'
import { generateDeck } from '../src/pipeline.js'
import type { AssetResolution } from '../src/types.js'

/** Run the whole pipeline on a note's text, as the build command does (without the file system). */
export function deckOf(text: string, options: { path?: string; resolveImage?: (url: string) => AssetResolution } = {}) {
  const file = new VFile({ path: options.path ?? 'notes/test.md', value: text })
  const deck = generateDeck(file, {
    theme: '../../themes/lectern',
    notePath: file.path,
    resolveImage: options.resolveImage ?? (() => ({ status: 'missing', reason: 'the file does not exist' })),
    resolveTheme: (value) => value,
  })
  return { ...deck, file, parsed: parseSync(deck.markdown, 'slides.md') }
}
