import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Nodes, PhrasingContent } from 'mdast'
import { VFile } from 'vfile'
import { parseNote } from '../src/parse.js'
import { estimateWords, plainText, readingTree, toRuns } from '../src/text.js'

const root = path.resolve(import.meta.dirname, '../..')
const fixtures = path.join(root, 'generator/test/fixtures')

/** Every note the repo has: the example notes and each fixture's note. */
function notes(): string[] {
  const own = readdirSync(path.join(root, 'notes')).filter((name) => name.endsWith('.md')).map((name) => path.join(root, 'notes', name))
  const cases = readdirSync(fixtures).flatMap((name) => {
    const note = path.join(fixtures, name, 'note.md')
    try {
      readFileSync(note)
      return [note]
    } catch {
      return []
    }
  })
  return [...own, ...cases]
}

function nodesOf(node: Nodes, out: Nodes[] = []): Nodes[] {
  out.push(node)
  if ('children' in node) for (const child of node.children) nodesOf(child as Nodes, out)
  return out
}

describe('readingTree (plainText and toRuns remembered by node)', () => {
  const trees = notes().map((note) => parseNote(new VFile({ path: note, value: readFileSync(note, 'utf8') })).tree)

  it('gives the text and runs the uncached functions give, for every node of every note and fixture', () => {
    let checked = 0
    for (const tree of trees) {
      const all = nodesOf(tree)
      const plain = all.map((node) => plainText(node))
      const runs = all.map((node) => ('children' in node ? JSON.stringify(toRuns(node.children as PhrasingContent[])) : ''))
      readingTree(() => {
        // Twice: the second round is served from what the first remembered.
        for (let round = 0; round < 2; round++) {
          all.forEach((node, i) => {
            expect(plainText(node)).toBe(plain[i])
            if ('children' in node) expect(JSON.stringify(toRuns(node.children as PhrasingContent[]))).toBe(runs[i])
            checked++
          })
        }
      })
    }
    expect(checked).toBeGreaterThan(2000)
  })

  it('gives each caller runs of its own: changing one result leaves the next call alone', () => {
    const tree = parseNote(new VFile({ value: 'Ricardo argued that **trade** gains come from *comparative* advantage.\n' })).tree
    const paragraph = tree.children[0] as { children: PhrasingContent[] }
    readingTree(() => {
      const first = toRuns(paragraph.children)
      const text = JSON.stringify(first)
      first[0].text = 'changed by a caller'
      first.push({ text: ' and more' })
      expect(JSON.stringify(toRuns(paragraph.children))).toBe(text)
    })
  })

  it('forgets everything once the work is done (a changed tree is read afresh)', () => {
    const tree = parseNote(new VFile({ value: 'The Magna Carta was sealed in 1215.\n' })).tree
    const paragraph = tree.children[0] as { children: Array<{ type: string; value: string }> }
    readingTree(() => expect(plainText(tree)).toBe('The Magna Carta was sealed in 1215.'))
    paragraph.children[0].value = 'The Treaty of Westphalia was signed in 1648.'
    readingTree(() => expect(plainText(tree)).toBe('The Treaty of Westphalia was signed in 1648.'))
  })
})

/** The estimate as first written: white-space tokens with a letter or digit and no CJK, plus each CJK character. */
function splitEstimate(text: string): number {
  let tokens = 0
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(token)) tokens++
  return tokens + (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0)
}

describe('estimateWords (one pass over the text)', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['Osmosis moves water across a membrane.', 6],
    [' leading and trailing\tspaces\n', 4],
    ['GDP – 3.5 % in 2024', 4],
    ['光合作用 needs light', 6],
    ['naïve café résumé', 3],
    ['𝒳 and 𝟙 count', 4],
    ['a\u00a0b\u2003c\u3000d', 4],
  ])('counts %j as %i', (text, count) => {
    expect(estimateWords(text)).toBe(count)
    expect(splitEstimate(text)).toBe(count)
  })

  it('agrees with splitting at white space on random text of letters, digits, marks, spaces and CJK', () => {
    const pieces = fc.constantFrom('a', 'Z', '7', ' ', '  ', '\t', '\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '-', '.', '%', 'é', 'ß', '’', '–', '光', 'か', 'カ', '한', '𝒳', '😀', '\ud800', '\u0301', '٣', 'Ω')
    fc.assert(fc.property(fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')), (text) => estimateWords(text) === splitEstimate(text)), { numRuns: 3000 })
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => estimateWords(text) === splitEstimate(text)), { numRuns: 3000 })
  })
})
