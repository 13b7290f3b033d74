import { describe, expect, it } from 'vitest'
import { Memo } from '../src/memo.js'

describe('a bounded memo', () => {
  it('works a value out once per key, and again only after it starts over past its limit', () => {
    const memo = new Memo<string, number>(2)
    const calls: string[] = []
    const length = (text: string): number => (calls.push(text), text.length)
    expect(memo.get('moss', length)).toBe(4)
    expect(memo.get('moss', length)).toBe(4)
    expect(memo.get('fern', length)).toBe(4)
    expect(calls).toEqual(['moss', 'fern'])
    // A third key starts the memo again: the first is worked out anew, with the same answer.
    expect(memo.get('lichen', length)).toBe(6)
    expect(memo.get('moss', length)).toBe(4)
    expect(calls).toEqual(['moss', 'fern', 'lichen', 'moss'])
  })

  it('remembers answers that are false or undefined', () => {
    const memo = new Memo<string, boolean | undefined>(10)
    let calls = 0
    expect(memo.get('a', () => (calls++, false))).toBe(false)
    expect(memo.get('a', () => (calls++, true))).toBe(false)
    expect(memo.get('b', () => (calls++, undefined))).toBeUndefined()
    expect(memo.get('b', () => (calls++, true))).toBeUndefined()
    expect(calls).toBe(2)
  })
})
