import { describe, expect, it } from 'vitest'
import { shortenSentence } from '../src/plan/condense.js'
import { runsText } from '../src/text.js'
import type { Run } from '../src/types.js'

describe('shortenSentence (remembered by runs and word limit)', () => {
  const sentence: Run[] = [{ text: 'Inflation, which central banks watch closely, erodes the value of savings held as cash over many years.' }]

  it('gives each caller runs of its own: changing one result leaves the next call alone', () => {
    const first = shortenSentence(sentence, 8)
    const text = runsText(first)
    first[0].text = 'changed by a caller'
    first.push({ text: ' and more' })
    expect(runsText(shortenSentence(sentence, 8))).toBe(text)
  })

  it('tells apart runs that differ only in style, and word limits', () => {
    const bold: Run[] = [{ ...sentence[0], strong: true }]
    expect(shortenSentence(bold, 8)[0].strong).toBe(true)
    expect(shortenSentence(sentence, 8)[0].strong).toBeUndefined()
    expect(runsText(shortenSentence(sentence, 100))).not.toBe(runsText(shortenSentence(sentence, 8)))
  })
})
