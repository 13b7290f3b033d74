import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { generateDeck as generateHere } from '../src/pipeline.js'
import { parseMarkdown as parseHere } from '../src/parse.js'
import { cutAtHeadings } from '../src/markdown-pieces.js'
import { scratch, write } from './helpers.js'

// The helper thread runs the compiled module (a worker cannot load TypeScript sources), so these
// tests compare generator/dist, built by `npm test`'s tsc, with the sources, which never start one.
const root = path.resolve(import.meta.dirname, '../..')
const dist = (file: string): Promise<any> => import(path.join(root, 'generator/dist', file))

/** A long note (about 450 KB) from the example notes, each copy numbered so no two sections repeat, as the bench makes one. */
function longNote(): string {
  const notes = path.join(root, 'notes')
  const body = readdirSync(notes)
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(path.join(notes, name), 'utf8').replace(/^---[\s\S]*?---\n/, ''))
  let text = '---\ntitle: Long note\n---\n# Long note\n\n'
  for (let copy = 1; text.length < 450_000; copy++) {
    for (const source of body) text += source.replace(/^(#{1,6}) (.*)$/gm, (_, hashes, title) => `${hashes.length === 1 ? '##' : hashes} ${title} (copy ${copy})`).replace(/\. /g, ` in copy ${copy}. `) + '\n\n'
  }
  return text
}

describe('the helper thread of a long note', () => {
  const text = longNote()

  it('starts no helper for a note of fewer than three chunks, or when told never to', async () => {
    const { startHelper } = await dist('helper-thread.js')
    expect(startHelper(['# A\n', '# B\n'], 'always')).toBeUndefined()
    expect(startHelper(['# A\n', '# B\n', '# C\n'], 'never')).toBeUndefined()
  })

  it('parses chunks on a worker into exactly the trees this thread gives', async () => {
    const { startHelper, parseChunk } = await dist('helper-thread.js')
    const chunks = cutAtHeadings(text, 96 * 1024).map((chunk) => chunk.text)
    expect(chunks.length).toBeGreaterThanOrEqual(4)
    const expected = chunks.map((chunk) => JSON.stringify(parseChunk(chunk)))
    // A worker that starts late takes no chunk: give it longer each try (a busy machine starts threads slowly).
    let workerChunks = 0
    for (let attempt = 1; attempt <= 4 && !workerChunks; attempt++) {
      const helper = startHelper(chunks, 'always')
      try {
        await new Promise((resolve) => setTimeout(resolve, 1500 * attempt))
        const trees = helper.parseChunks()
        workerChunks = helper.workerChunks
        expect(trees.map((tree: unknown) => JSON.stringify(tree))).toEqual(expected)
      } finally {
        helper.close()
      }
    }
    expect(workerChunks).toBeGreaterThan(0)
  }, 180_000)

  it('joins the chunks into the tree one thread gives, positions included', async () => {
    const { parseMarkdown } = await dist('parse.js')
    expect(JSON.stringify(parseMarkdown(text, 'always'))).toBe(JSON.stringify(parseHere(text)))
  }, 120_000)

  it('tags sentences ahead with the very outputs the model gives on this thread', async () => {
    const { startHelper } = await dist('helper-thread.js')
    const { taggerOutputs } = await dist('grammar/index.js')
    const helper = startHelper(
      cutAtHeadings(text, 96 * 1024).map((chunk) => chunk.text),
      'always',
    )
    const sentences = ['Prices rise when demand grows faster than supply.', 'The hypervisor hands each guest a slice of the hardware.', "Glaciers move slowly, but they don't stop."]
    try {
      helper.parseChunks()
      helper.tagAhead(sentences)
      const got = new Map<string, unknown>()
      for (let tries = 0; got.size < sentences.length && tries < 600; tries++) {
        for (const sentence of sentences) if (!got.has(sentence)) got.set(sentence, helper.takeTags(sentence))
        for (const [sentence, outputs] of got) if (!outputs) got.delete(sentence)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect([...got.keys()].sort()).toEqual([...sentences].sort())
      for (const sentence of sentences) expect(got.get(sentence)).toEqual(taggerOutputs(sentence))
      // Each is taken once: the planner's own cache keeps it from there.
      expect(helper.takeTags(sentences[0])).toBeUndefined()
    } finally {
      helper.close()
    }
  }, 120_000)

  it('builds the same slides.md through the CLI with the helper thread always on and never on (LECTERN_HELPER_THREAD)', () => {
    const work = scratch('lectern-helper-')
    write(path.join(work, 'long.md'), text)
    const build = (use: string, out: string) =>
      spawnSync(process.execPath, [path.join(root, 'generator/bin/lectern.js'), 'build', 'long.md', '--out', out, '--offline'], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, LECTERN_HELPER_THREAD: use },
        timeout: 240_000,
      })
    const always = build('always', 'two')
    const never = build('never', 'one')
    expect([always.status, never.status]).toEqual([0, 0])
    const deck = (out: string) => readFileSync(path.join(work, out, 'long', 'slides.md'), 'utf8')
    expect(deck('two').length).toBeGreaterThan(100_000)
    expect(deck('two')).toBe(deck('one'))
    // A value it does not know is said plainly, with what to set instead, and no stack trace.
    const wrong = build('sometimes', 'three')
    expect(wrong.status).toBe(1)
    expect(wrong.stderr).toContain('LECTERN_HELPER_THREAD is "sometimes": set it to always, never or idle-core')
    expect(wrong.stderr).not.toMatch(/\n\s+at /)
  }, 480_000)

  it('gives the deck one thread gives, byte for byte', async () => {
    const { generateDeck } = await dist('pipeline.js')
    const settings = { theme: '../themes/lectern', notePath: 'long.md' }
    const two = generateDeck(new VFile({ path: 'long.md', value: text }), { ...settings, helperThread: 'always' })
    const one = generateHere(new VFile({ path: 'long.md', value: text }), settings)
    expect(two.slides.length).toBeGreaterThan(500)
    expect(two.markdown).toBe(one.markdown)
  }, 300_000)
})
