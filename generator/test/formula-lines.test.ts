import { describe, expect, it } from 'vitest'
import { inertTex } from '../src/dialects/math.js'
import { deckOf } from './helpers.js'

const waves = [
  '# Waves',
  '',
  '## Relations',
  '',
  '- Main result',
  '    - For a damped wave we have $x(t)=A e^{-\\gamma t}\\cos(\\omega t)$',
  '        - A is the start amplitude.',
  '    - Equivalently, ',
  '      $$',
  '      x(t)=\\Re\\left(A e^{(i\\omega-\\gamma)t}\\right)',
  '      $$',
  '        - This form is easier to differentiate.',
  '    - Physically',
  '        - Energy leaks away at a steady rate.',
  '',
].join('\n')

describe('a line that leads into the display formula under it', () => {
  it('shows the formula with its line, not the line alone', () => {
    const deck = deckOf(waves)
    const bullets = deck.slides.flatMap((slide) => slide.body.flatMap((block) => (block.type === 'bullets' ? block.items.flatMap((item) => [item, ...item.children]) : [])))
    const line = bullets.find((item) => item.runs.some((run) => run.text.startsWith('Equivalently')))
    expect(line?.runs.at(-1)).toEqual({ text: 'x(t)=\\Re\\left(A e^{(i\\omega-\\gamma)t}\\right)', math: true })
    expect(deck.markdown).toMatch(/^\s*- Equivalently, \$x\(t\)=\\Re\\left\(A e\^\{\(i\\omega-\\gamma\)t\}\\right\)\$$/m)
  })

  it('keeps a whole sentence before a formula as it was (only a lead-in takes the formula)', () => {
    const deck = deckOf(waves.replace('Equivalently, ', 'The same motion can be written with a complex exponential, which many people find easier to work with in practice.'))
    expect(deck.markdown).not.toMatch(/in practice\.? \$x\(t\)/)
  })
})

describe('TeX as the deck prints it', () => {
  it.each([
    ['a sign at the end', '\\phi_<', '\\phi_\\lt'],
    ['space at both ends', '  a+b  ', 'a+b'],
    ['a sign at the start', '>0', '\\gt 0'],
  ])('has no white space at either end, which would leave the formula as text (%s)', (_, tex, printed) => {
    expect(inertTex(tex)).toBe(printed)
  })

  it('keeps an escaped space at the end', () => {
    expect(inertTex('a\\ ')).toBe('a\\ ')
  })

  it('prints a formula ending in a sign without a space before the closing dollar', () => {
    const deck = deckOf('# Sets\n\n## Order\n\n- This gives us $a_<$ and $a_>$ for the two halves.\n')
    expect(deck.markdown).toContain('$a_\\lt$ and $a_\\gt$')
  })
})
