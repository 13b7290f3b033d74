/** Property tests: on random markdown mixing every construct, the generator never throws, Slidev
 * reads its deck back into the planned slides, and every sentence of the note is in the deck. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseSync } from '@slidev/parser'
import { deckOf } from './helpers.js'
import { sentenceCoverage } from '../src/coverage.js'

const word = fc.constantFrom(
  'container', 'kernel', 'image', 'Docker', 'pods', 'réseau', 'café', '容器', 'نواة', '😀', 'x\u200by', 'e\u0301',
  '{{ 6 * 7 }}', '{{', '}}', '{% raw %}', '<b>bold</b>', '<script>alert(1)</script>', '-->', '<!--', '::right::',
  '$x$', '|', '`code`', '**strong**', '*em*', '[link](javascript:alert(1))', '[ok](https://example.com)', '&amp;',
  'v-html="x"', '@click="y"', '\\', '#', '---', '***',
)
const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => `${words.join(' ')}.`)
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '))
const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.array(word, { minLength: 1, maxLength: 4 })).map(([level, words]) => `${'#'.repeat(level)} ${words.join(' ')}`)
const list = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 3 }), paragraph), { minLength: 1, maxLength: 9 })
  .map((items) => {
    let depth = 0
    return items
      .map(([wanted, text], i) => {
        depth = i === 0 ? 0 : Math.min(wanted, depth + 1)
        return `${'  '.repeat(depth)}- ${text}`
      })
      .join('\n')
  })
const code = fc.tuple(fc.constantFrom('', 'js', 'yaml', 'mermaid', 'plantuml', 'js {monaco-run}'), fc.array(paragraph, { minLength: 1, maxLength: 4 }))
  .map(([lang, lines]) => `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``)
const table = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 9 }), word).map(([cols, rows, w]) => {
  const row = (r: number) => `| ${Array.from({ length: cols }, (_, c) => `${w.replace(/\|/g, 'pipe')} r${r}c${c}`).join(' | ')} |`
  return [row(0), `| ${Array.from({ length: cols }, () => '---').join(' | ')} |`, ...Array.from({ length: rows }, (_, r) => row(r + 1))].join('\n')
})
const block = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 3, arbitrary: heading },
  { weight: 3, arbitrary: list },
  { weight: 1, arbitrary: code },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: fc.constantFrom('---', '<!-- slide: break -->', '<!-- a comment -->', '<details><summary>More</summary>hidden</details>', '> [!note] a callout.', '![[embed]] and [[link]].') },
)
const note = fc.tuple(fc.option(fc.constantFrom('---\ntitle: T\n---\n', '---\ntitle: [bad\n---\n', '---\nbudget: { words: 30, lines: 4 }\n---\n')), fc.array(block, { maxLength: 14 }))
  .map(([front, blocks]) => `${front ?? ''}${blocks.join('\n\n')}\n`)

describe('any note', () => {
  it('gives a deck Slidev reads back into the planned slides, with every sentence kept', () => {
    fc.assert(
      fc.property(note, (text) => {
        const deck = deckOf(text)
        const parsed = parseSync(deck.markdown, 'slides.md')
        expect(parsed.slides.length).toBe(deck.slides.length)
        parsed.slides.forEach((slide, i) => expect(slide.frontmatter.layout).toBe(deck.slides[i].layout))
        expect(sentenceCoverage(text, deck.markdown).missing).toEqual([])
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150), seed: Number(process.env.PROPERTY_SEED ?? 20261122) },
    )
  }, 120_000)
})
