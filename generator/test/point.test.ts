import { describe, expect, it } from 'vitest'
import { condenseParagraph } from '../src/plan/condense.js'
import { headingAffinity, headingTerms, rankSentences } from '../src/plan/point.js'
import { runsText } from '../src/text.js'

describe('what a heading names', () => {
  it.each([
    ['Multi-level Feedback Queue', 'queue', ['MLFQ']],
    ['Comparative Advantage', 'advantage', ['CA']],
    ['Habeas Corpus (HC)', 'corpus', ['HC']],
    ['Tariffs', 'tariff', []],
  ])('%s', (heading, head, acronyms) => {
    const terms = headingTerms(heading)
    expect(terms.head).toBe(head)
    expect(terms.acronyms).toEqual(expect.arrayContaining(acronyms))
  })
})

describe('a sentence that states its heading outranks a minor one', () => {
  it.each([
    ['economics', 'Comparative Advantage', 'Trade between nations has a long history. Comparative advantage means producing at a lower opportunity cost than a rival.', 1],
    ['law', 'Writs of Habeas Corpus', 'Courts were slow in that century. A writ of habeas corpus orders a jailer to bring a prisoner before the judge.', 1],
    ['computing', 'Round Robin Scheduling (RRS)', 'Many ideas were tried first. The RRS gives every process the same slice of time in turn.', 1],
    ['biology', 'Osmosis', 'Osmosis moves water across a membrane. Later experiments measured the pressure it makes.', 0],
  ])('%s', (_subject, heading, paragraph, best) => {
    const sentences = paragraph.split(/(?<=\.)\s+/)
    expect(rankSentences(sentences, [], heading)[0]).toBe(best)
  })

  it('scores nothing without a heading, or for a sentence that does not name it', () => {
    expect(headingAffinity('Prices rose quickly.', '')).toBe(0)
    expect(headingAffinity('Prices rose quickly.', 'Monetary Union')).toBe(0)
  })

  it('shows the defining sentence of a three-sentence paragraph beside its topic sentence (history)', () => {
    const text = 'The league was one answer to the chaos of the era after the war. The league had a council of member states that met in Geneva. It also kept a small staff for its daily work.'
    const bullets = condenseParagraph([{ text }], 16, 60, 'The League').map(runsText)
    expect(bullets).toContain('The league had a council of member states that met in Geneva')
  })
})
