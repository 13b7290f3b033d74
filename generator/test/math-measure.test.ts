/**
 * Math is measured by what KaTeX draws, not by its TeX source: `\left(`, `\right\rbrace` and
 * `\frac` are no words on the slide. Notes are written for these tests (thermodynamics,
 * economics, chemistry).
 */
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { mathWords, shownMath, shownWords } from '../src/plan/math.js'
import { visibleWords } from '../src/text.js'
import type { Run } from '../src/types.js'

describe('math measure', () => {
  it('counts a formula by the symbols it shows', () => {
    const tex = '\\left(\\frac{\\partial U}{\\partial S}\\right)_{V}=T'
    expect(shownMath(tex)).toBe('(∗U∗S)V=T')
    // U, S, V and T: four letters a reader sees (the source has 11 letter runs), with a margin
    // of 15% for how a browser splits KaTeX's output. A script counts on its own (σ, x, 2, E, X, 2).
    expect(mathWords(tex)).toBe(5)
    expect(visibleWords(tex)).toBeGreaterThan(8)
    expect(mathWords('\\sigma_{x}^{2}=E\\left\\lbrace X^2\\right\\rbrace')).toBe(7)
    // A formula of commands (an integral of a fraction of accents) counts at least 3/4 of its
    // source's letter runs: KaTeX draws more pieces than its letters there.
    const integral = '\\int\\frac{d^3 k}{(2\\pi)^3}\\tilde{\\phi}(k)\\widetilde{\\phi}(-k)'
    expect(mathWords(integral)).toBe(Math.round(0.75 * visibleWords(integral)))
  })

  it('counts text around a formula as before, and text without math byte for byte as before', () => {
    const runs: Run[] = [{ text: 'The price level ' }, { text: 'P_{t}', math: true }, { text: ' rises when demand grows.' }]
    expect(shownWords(runs)).toBe(visibleWords('The price level rises when demand grows.') + 2)
    const plain: Run[] = [{ text: 'Demand ' }, { text: 'falls', code: true }, { text: ' when prices/wages rise.' }]
    expect(shownWords(plain)).toBe(visibleWords('Demand falls when prices/wages rise.'))
  })

  it('keeps a short list of formulas on one slide instead of leaving one formula alone', () => {
    // Six short formulas whose TeX source is long (delimiters written out): 32 words shown.
    const formulas = [
      'Gibbs energy $G\\left(T,p\\right)=H\\left(T\\right)-T\\cdot S\\left(T\\right)$',
      'Enthalpy $H\\left(T\\right)=U\\left(T\\right)+p\\cdot V\\left(T\\right)$',
      'Rate $r\\left(t\\right)=k\\cdot\\left\\lbrack A\\right\\rbrack\\left(t\\right)$',
      'Half-life $t_{\\frac{1}{2}}=\\frac{\\ln\\left(2\\right)}{k}$',
      'Equilibrium $K=\\frac{\\left\\lbrack C\\right\\rbrack}{\\left\\lbrack A\\right\\rbrack\\cdot\\left\\lbrack B\\right\\rbrack}$',
      'Free energy $\\Delta G=-R\\cdot T\\cdot\\ln\\left(K\\right)$',
    ]
    const note = `# Physical chemistry\n\n## Formulas\n\n${formulas.map((line) => `- ${line}`).join('\n')}\n`
    const slides = deckOf(note).slides.filter((slide) => slide.kind === 'content' && slide.title.startsWith('Formulas'))
    expect(slides).toHaveLength(1)
  })
})
