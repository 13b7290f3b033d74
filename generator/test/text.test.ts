import { describe, expect, it } from 'vitest'
import { countWords, sentences, truncateRuns, firstSentenceRuns } from '../src/text.js'
import { decodeNote } from '../src/decode.js'

describe('sentences', () => {
  it.each([
    ['One. Two? Three!', ['One.', 'Two?', 'Three!']],
    ['Docker uses runc. It is small.', ['Docker uses runc.', 'It is small.']],
    ['容器很轻。虚拟机更重。', ['容器很轻。', '虚拟机更重。']],
    ['No final stop', ['No final stop']],
  ])('splits %j into sentences', (text, expected) => {
    expect(sentences(text)).toEqual(expected)
  })
})

describe('countWords', () => {
  it.each([
    ['one two three', 3],
    ['docker run -it ubuntu', 4],
    ['', 0],
  ])('counts the words of %j', (text, expected) => {
    expect(countWords(text)).toBe(expected)
  })
})

describe('truncateRuns', () => {
  it('keeps short text as it is', () => {
    expect(truncateRuns([{ text: 'short text' }], 5)).toEqual([{ text: 'short text' }])
  })
  it('cuts long text at a word and marks the cut', () => {
    const out = truncateRuns([{ text: 'one two three four five six' }], 3)
    expect(out.map((r) => r.text).join('')).toBe('one two three…')
  })
  it('keeps formatting of the runs it keeps', () => {
    const out = truncateRuns([{ text: 'Term', strong: true }, { text: ': a long explanation of the term' }], 3)
    expect(out[0]).toEqual({ text: 'Term', strong: true })
    expect(out.map((r) => r.text).join('')).toBe('Term: a long…')
  })
})

describe('firstSentenceRuns', () => {
  it('keeps only the first sentence of a paragraph', () => {
    const out = firstSentenceRuns([{ text: 'First sentence here. Second one follows.' }])
    expect(out.map((r) => r.text).join('')).toBe('First sentence here.')
  })
})

describe('firstSentenceRuns with code', () => {
  it('does not end a sentence inside a code span', () => {
    const out = firstSentenceRuns([
      { text: 'Run ' },
      { text: "docker inspect --format '{{.State.Status}}'", code: true },
      { text: ' to see it. Then stop.' },
    ])
    expect(out.map((r) => r.text).join('')).toBe("Run docker inspect --format '{{.State.Status}}' to see it.")
  })
})

describe('decodeNote', () => {
  it('strips a UTF-8 byte order mark and turns CRLF into LF', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('# Hi\r\nthere\r\n')])
    expect(decodeNote(bytes, 'x.md')).toBe('# Hi\nthere\n')
  })
  it('reads Windows-1252 bytes when the note is not UTF-8', () => {
    expect(decodeNote(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'x.md')).toBe('café')
  })
  it('refuses a binary file, naming it', () => {
    expect(() => decodeNote(new Uint8Array([0x50, 0x4b, 0x00, 0x01]), 'notes/x.md')).toThrow(/notes\/x\.md: not a text file/)
  })
})
