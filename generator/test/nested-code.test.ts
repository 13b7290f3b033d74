/**
 * Code written under a list item (the command or query the item introduces) shows on the slide
 * after the item, once, not only in the speaker notes. Notes are written for these tests.
 */
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'

const note = [
  '# Backups',
  '',
  '## Nightly copy',
  '',
  '- Copy the photo folder to the spare disk:',
  '',
  '    ```sh',
  '    rsync -a ~/photos /mnt/spare/',
  '    ```',
  '',
  '    - Only changed files travel the second time.',
  '',
].join('\n')

describe('code under a list item', () => {
  const deck = deckOf(note)
  const shown = deck.slides.filter((slide) => slide.kind !== 'cover' && slide.kind !== 'takeaways')
  const codes = shown.flatMap((slide) => slide.body.flatMap((block) => (block.type === 'code' ? [block] : [])))

  it('shows the code on a slide', () => {
    expect(codes).toHaveLength(1)
    expect(JSON.stringify(codes[0])).toContain('rsync -a ~/photos /mnt/spare/')
  })

  it('keeps the item and its code on one slide, and the code once in the notes', () => {
    const slide = shown.find((s) => s.body.some((block) => block.type === 'code'))!
    expect(slide.body.some((block) => block.type === 'bullets')).toBe(true)
    expect(slide.notes.split('rsync -a').length - 1).toBe(1)
  })
})
