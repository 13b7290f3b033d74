/** Property test of dialects/lines.ts on random notes written one thought a line (and not):
 * cutting paragraphs and lists at line endings never loses, adds or reorders a word or a list
 * number, and every block it makes sits in the note where its words are. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { List, Nodes, Root } from 'mdast'
import { markdownReader } from '../src/markdown.js'
import { applyLines } from '../src/dialects/lines.js'

const word = fc.constantFrom(
  'river', 'Senate', 'enzyme', 'Treaty', 'price', 'e.g.', 'Mr.', '1648', '3', 'über', '潮汐', '**bold words**', '*Slanted*',
  '`code x`', '[a link](https://example.org)', '$x^2$', 'and', 'the', 'of',
)
const ending = fc.constantFrom('.', '?', '!', ':', ',', '', ' and', '.)', '."', '<br>', '  ')
const line = fc.tuple(fc.array(word, { minLength: 1, maxLength: 6 }), ending).map(([words, end]) => words.join(' ') + end)
const paragraph = fc.array(line, { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n'))
const numbered = fc.tuple(fc.integer({ min: 2, max: 6 }), line).map(([n, text]) => `${n}. ${text}`)
const item = fc.tuple(fc.constantFrom('- ', '1. '), line, fc.array(fc.tuple(fc.constantFrom('', '  '), line), { maxLength: 2 }))
const list = fc.tuple(fc.constantFrom('- ', '1. '), fc.array(item, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([marker, items, loose]) =>
  items.map(([, head, more], k) => [`${marker === '1. ' ? `${k + 1}. ` : '- '}${head}`, ...more.map(([indent, text]) => indent + text)].join('\n')).join(loose ? '\n\n' : '\n'),
)
const block = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 3, arbitrary: list },
  { weight: 1, arbitrary: fc.tuple(paragraph, numbered).map(([p, n]) => `${p}\n${n}`) },
  // A numbered line that goes on from the list before it ("3." after items 1–2).
  { weight: 1, arbitrary: fc.tuple(fc.array(line, { minLength: 1, maxLength: 3 }), line, line).map(([items, p, n]) => `${items.map((t, k) => `${k + 1}. ${t}`).join('\n')}\n\nThe next point follows: ${p}.\n${items.length + 1}. ${n}`) },
  { weight: 1, arbitrary: fc.constant('> A quoted line.\n> Another one.') },
  { weight: 1, arbitrary: fc.constant('```\nFirst.\nSecond.\n```') },
)
const note = fc.tuple(fc.array(block, { minLength: 1, maxLength: 6 }), fc.boolean()).map(([blocks, crlf]) => {
  const text = `# Notes\n\n${blocks.join('\n\n')}\n`
  return crlf ? text.replace(/\n/g, '\r\n') : text
})

/** Every word of the tree in order, with each ordered item's number as a word of its own. */
function words(node: Nodes): string[] {
  if (node.type === 'list') {
    const list = node as List
    return list.children.flatMap((child, k) => [...(list.ordered ? [`${(list.start ?? 1) + k}.`] : []), ...words(child)])
  }
  if ('value' in node && typeof node.value === 'string') return node.value.split(/\s+/).filter(Boolean)
  if ('children' in node) return (node.children as Nodes[]).flatMap(words)
  return []
}

describe('one thought a line, on random notes', () => {
  it('loses, adds and reorders no word or list number, and places every block on its own lines', () => {
    let cut = 0
    fc.assert(
      fc.property(note, (text) => {
        const before = markdownReader.parse(text) as Root
        const after = markdownReader.parse(text) as Root
        applyLines(after, text)
        if (after.children.length > before.children.length) cut++
        expect(words(after)).toEqual(words(before))
        let end = -1
        for (const block of after.children) {
          const { start, end: stop } = block.position!
          // Blocks keep the note's order and never overlap.
          expect(start.offset!).toBeGreaterThan(end)
          expect(stop.offset!).toBeGreaterThanOrEqual(start.offset!)
          expect(text.slice(start.offset!, stop.offset!).split(/\r?\n/).length).toBe(stop.line - start.line + 1)
          end = stop.offset!
          // A block's plain words are in the note's text at its place.
          const source = text.slice(start.offset!, stop.offset!)
          for (const w of words(block).filter((w) => /^[\p{L}\p{N}]+$/u.test(w))) expect(source).toContain(w)
        }
      }),
      { numRuns: 200, seed: 41 },
    )
    // The notes are such that many get cut (the property is not met by doing nothing).
    expect(cut).toBeGreaterThan(40)
  })
})
