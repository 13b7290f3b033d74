import { describe, expect, it } from 'vitest'
import { capLongWords, countWords, sentences } from '../src/text.js'
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

describe('decodeNote', () => {
  it('strips a UTF-8 byte order mark and turns CRLF into LF', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('# Hi\r\nthere\r\n')])
    expect(decodeNote(bytes, 'x.md').text).toBe('# Hi\nthere\n')
  })
  it('reads Windows-1252 bytes when the note is not UTF-8', () => {
    const latin1 = Uint8Array.from([...'Un caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65]))
    expect(decodeNote(latin1, 'x.md').text).toBe('Un café crème')
  })
  it.each([
    ['Itâ€™s a â€œcontainerâ€\x9d â€” not a VM', 'It’s a “container” — not a VM'],
    ['cafÃ© and naÃ¯ve', 'café and naïve'],
    ['Ã¢â‚¬â„¢ twice', '’ twice'],
    ['real accents stay: naïve Æsir déjà', 'real accents stay: naïve Æsir déjà'],
  ])('repairs mojibake in %j', (input, expected) => {
    const decoded = decodeNote(new TextEncoder().encode(input), 'x.md')
    expect(decoded.text).toBe(expected)
    expect(decoded.repairedLines.length).toBe(input === expected ? 0 : 1)
  })

  it('reads UTF-16 with a byte order mark', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, 0x48, 0x00, 0xe9, 0x00])
    expect(decodeNote(bytes, 'x.md').text).toBe('Hé')
  })

  it('refuses a binary file, naming it', () => {
    expect(() => decodeNote(new Uint8Array([0x50, 0x4b, 0x00, 0x01]), 'notes/x.md')).toThrow(/notes\/x\.md: not a text file/)
  })
})

describe('capLongWords', () => {
  it.each([
    ['a URL of ordinary length is shown whole', 'see https://example.org/guides/gardening/soil/ph-and-nutrients-for-tomatoes.html today'],
    ['a sentence in a script without spaces is never cut', '光合作用把光能转化为化学能，并把二氧化碳和水合成葡萄糖，同时释放氧气，这个过程主要发生在叶绿体中的类囊体膜和基质里面，分为光反应和暗反应两个阶段，光反应产生能量载体，暗反应固定碳。'],
  ])('%s', (_, text) => {
    expect(capLongWords(text)).toBe(text)
  })

  it('cuts only a word longer than a slide line can hold many times over', () => {
    const word = 'x'.repeat(3000)
    const out = capLongWords(`a ${word} b`)
    expect(out.length).toBeLessThan(200)
    expect(out).toMatch(/^a x+… b$/)
  })
})
