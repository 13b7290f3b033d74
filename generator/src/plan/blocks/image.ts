import type { Image } from 'mdast'
import type { SlideBlock } from '../../types.js'
import { capLongWords } from '../../text.js'
import { rangeOf, solo, type Unit, type UnitContext } from '../unit.js'

/** An image: shown when its file resolves, else a box naming it (and a warning). */
export function imageUnit(image: Image, context: UnitContext, notes: string): Unit {
  const alt = image.alt ?? ''
  const resolution = context.options.assets.get(image.url) ?? { status: 'missing', reason: 'not resolved' }
  const range = rangeOf(image)
  const imageNotes = notes || `Image: ${alt} (${image.url})`
  if (resolution.status === 'ok') return solo({ type: 'image', src: resolution.deckPath, alt }, imageNotes, range)
  context.file.message(`image \`${image.url}\` is not shown: ${resolution.reason}; the slide shows its alt text and path instead`, {
    place: image.position,
    ruleId: 'image',
    source: 'lectern',
  })
  // The slide shows the address cut short; the warning and the notes keep it whole.
  const block: SlideBlock = {
    type: 'missing-image',
    caption: [{ text: 'Image not shown: ' }, { text: alt || 'no description', strong: true }],
    detail: [{ text: capLongWords(image.url, 60), code: true }, { text: ` — ${resolution.reason}` }],
  }
  return solo(block, imageNotes, range)
}
