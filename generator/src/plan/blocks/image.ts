import type { Image } from 'mdast'
import { notesOnly, rangeOf, solo, type Unit, type UnitContext } from '../unit.js'

/** An image: shown when its file resolves, else a warning, and its alt text and address go to the speaker notes. */
export function imageUnit(image: Image, context: UnitContext, notes: string): Unit {
  const alt = image.alt ?? ''
  const resolution = context.options.assets.get(image.url) ?? { status: 'missing', reason: 'not resolved' }
  const range = rangeOf(image)
  const imageNotes = notes || `Image: ${alt} (${image.url})`
  if (resolution.status === 'ok') return solo({ type: 'image', src: resolution.deckPath, alt }, imageNotes, range)
  context.file.message(`image \`${image.url}\` is not shown: ${resolution.reason}; its alt text and address are in the speaker notes`, {
    place: image.position,
    ruleId: 'image',
    source: 'lectern',
  })
  // No placeholder for the audience: the slide keeps its other content, the notes name the image.
  // Marked, so that a lead-in to it ("It can be drawn like this:") follows it to the notes.
  return { kind: 'notes-only', notes: notes ? `${notes}\n\nImage not shown: ${alt} (${image.url})` : imageNotes, range, unshown: 'image' }
}
