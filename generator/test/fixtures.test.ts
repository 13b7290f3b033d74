import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseSync } from '@slidev/parser'
import { generateDeck } from '../src/pipeline.js'
import { resolveImage } from '../src/commands/assets.js'
import { sentenceCoverage } from '../src/coverage.js'
import { formatMessages } from '../src/report.js'
import { decodeNote } from '../src/decode.js'

const root = path.resolve(__dirname, 'fixtures')
const cases = readdirSync(root).filter((name) => !name.startsWith('.')).sort()

/** Each fixture folder holds note.md and the deck it must give (update with `vitest -u`). */
describe.each(cases)('fixture %s', (name) => {
  const dir = path.join(root, name)
  const bytes = readFileSync(path.join(dir, 'note.md'))
  let text: string
  try {
    text = decodeNote(bytes, `${name}/note.md`).text
  } catch (error) {
    // A note that cannot give a deck: the expected error is in error.txt.
    it('fails with the expected one-line error', async () => {
      await expect(`${(error as Error).message}\n`).toMatchFileSnapshot(path.join(dir, 'error.txt'))
      expect(existsSync(path.join(dir, 'slides.md'))).toBe(false)
    })
    return
  }
  const file = new VFile({ path: `${name}/note.md`, value: text })
  const deck = generateDeck(file, {
    theme: '../../themes/lectern',
    notePath: file.path,
    resolveImage: (url) => resolveImage(url, dir, new Map()),
  })

  it('gives the expected slides.md', async () => {
    await expect(deck.markdown).toMatchFileSnapshot(path.join(dir, 'slides.md'))
  })

  it('gives the expected plan.json (what the planner decided, before printing)', async () => {
    await expect(`${JSON.stringify(deck.slides, null, 2)}\n`).toMatchFileSnapshot(path.join(dir, 'plan.json'))
  })

  it('gives the expected warnings', async () => {
    await expect(formatMessages(file).join('\n') + '\n').toMatchFileSnapshot(path.join(dir, 'warnings.txt'))
  })

  it('parses back with Slidev into the planned number of slides', () => {
    expect(parseSync(deck.markdown, 'slides.md').slides.length).toBe(deck.slides.length)
  })

  it('keeps every sentence of the note', () => {
    expect(sentenceCoverage(text, deck.markdown).missing).toEqual([])
  })
})
