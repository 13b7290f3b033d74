import { describe, expect, it } from 'vitest'
import { alignNamedLines } from '../src/plan/align.js'
import { outlineOf } from './structure-helpers.js'

const text = (runs: Array<{ text: string }> | undefined): string => (runs ? runs.map((run) => run.text).join('') : '—')

/** `Name: sentences` lines, where some sentences open with what the named thing does. */
const TAXES = [
  '# Public finance',
  '',
  '## Kinds of tax',
  '',
  'Income tax: the base is income. the rate is progressive.',
  'Sales tax: funds local roads because shops collect it daily. the base is spending. the rate is flat.',
  'Wealth tax: narrows the gap between rich and poor. the base is net assets.',
  '',
].join('\n')

describe('named lines: what each thing does is a row of its own', () => {
  it('puts the clauses that open with a verb in one row, in the note\'s order, with "—" where a line says none', () => {
    const found = alignNamedLines(outlineOf(TAXES).sections[0])!
    expect(found.names).toEqual(['Income tax', 'Sales tax', 'Wealth tax'])
    expect(found.rows.map((row) => row.aspect)).toEqual(['Base', 'Rate', 'What it does'])
    expect(found.rows[2].cells.map(text)).toEqual(['—', 'funds local roads', 'narrows the gap between rich and poor'])
    // The other rows keep their labels and cells.
    const base = found.rows.find((row) => /base/i.test(row.aspect))!
    expect(base.cells.map(text)).toEqual(['income', 'spending', 'net assets'])
  })

  it.each([
    ['an infinitive opening is no statement of what a thing does', 'Income tax: the base is income. the rate is progressive.\nSales tax: fund roads. the base is spending. the rate is flat.\n'],
    ['a past-tense opening tells history, not what it does', 'Income tax: the base is income. the rate is progressive.\nSales tax: started in wartime. the base is spending. the rate is flat.\n'],
  ])('%s', (_, lines) => {
    const found = alignNamedLines(outlineOf(`# Public finance\n\n## Kinds\n\n${lines}`).sections[0])
    expect(found?.rows.some((row) => row.aspect === 'What it does')).toBe(false)
  })
})
