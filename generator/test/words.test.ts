import { describe, expect, it } from 'vitest'
import { wordsOf } from '../src/grammar/words.js'
import { tagSentence } from '../src/grammar/index.js'
import { isNounPhrase, samePhrase, splitSubject, termsOf } from '../src/plan/phrase.js'

const word = (text: string, which: string) => wordsOf(text).find((w) => w.text === which)

describe('words for structure detection (wink-nlp tags, mended by rules)', () => {
  it.each([
    ['geography: a plural subject, then a base form', 'Glaciers move slowly down the valley.', 'Glaciers', 'move slowly down the valley.'],
    ['biology: a compound subject', 'Plant cells store starch in plastids.', 'Plant cells', 'store starch in plastids.'],
    ['economics: a singular subject, then an -s verb with its object', 'The central bank raises rates in a boom.', 'Central bank', 'raises rates in a boom.'],
    ['medicine: a participle after an article modifies the noun', 'A resting heart beats slowly.', 'Resting heart', 'beats slowly.'],
    ['law: a hyphenated modifier stays one word', 'Fixed-term contracts end on a set date.', 'Fixed-term contracts', 'end on a set date.'],
    ['history: a participle opening the subject', 'Conquered provinces paid tribute to Rome.', 'Conquered provinces', 'paid tribute to Rome.'],
  ])('finds the subject (%s)', (_, sentence, subject, rest) => {
    expect(splitSubject(sentence)).toEqual({ subject, rest })
  })

  it.each([
    ['a command', 'Restart the server now'],
    ['a label before a colon', 'Outcome: the court dismissed the claim'],
    ['a pronoun', 'They move slowly'],
  ])('finds no subject in %s', (_, text) => {
    expect(splitSubject(text)).toBeUndefined()
  })

  it('keeps what the note wrote as one word: identifiers, contractions, numbers with units', () => {
    expect(wordsOf('ROW_NUMBER() numbers rows').map((w) => w.text)).toEqual(['ROW_NUMBER', 'numbers', 'rows'])
    expect(word("Roots don't grow", "don't")?.tags.has('Negative')).toBe(true)
    expect(word('Prices rose 5% in 2020', '5%')?.tags.has('Value')).toBe(true)
    expect(word("The cell's wall", "cell's")?.tags.has('Possessive')).toBe(true)
    expect(word("It's late", "It's")?.tags.has('Possessive')).toBe(false)
  })

  it('folds punctuation into the words around it', () => {
    const words = wordsOf('The loop (nephron loop), in short.')
    expect(words.map((w) => [w.pre, w.text, w.post])).toEqual([
      ['', 'The', ' '],
      ['', 'loop', ' '],
      ['(', 'nephron', ' '],
      ['', 'loop', '), '],
      ['', 'in', ' '],
      ['', 'short', '.'],
    ])
  })

  it('lemmatises a sentence-initial plural the model took for a name like the same word inside a sentence', () => {
    expect(word('Cells divide', 'Cells')?.lemma).toBe(word('Most cells divide', 'cells')?.lemma)
    expect(word('Partitioning helps', 'Partitioning')?.lemma).toBe('partition')
  })

  it.each([
    ['Key observations', true],
    ['Elastic Compute Cloud', true],
    ['Servers restart at night', false],
  ])('reads "%s" as a noun phrase: %s', (text, expected) => {
    expect(isNounPhrase(text)).toBe(expected)
  })

  it('tells phrases apart by a negation and matches them across number', () => {
    expect(samePhrase('Light reactions', 'light reaction')).toBe(true)
    expect(samePhrase('Non-binding treaty', 'Binding treaty')).toBe(false)
  })

  it('parses each text once: the same text gives the same cached words and tags', () => {
    const text = 'Tectonic plates drift a few centimetres a year.'
    expect(termsOf(text)).toBe(termsOf(text))
    expect(tagSentence(text)).toBe(tagSentence(text))
  })
})
