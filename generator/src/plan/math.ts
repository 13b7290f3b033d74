import type { Run } from '../types.js'
import { runsText, visibleWords } from '../text.js'

/**
 * What a TeX formula shows, as plain characters: commands KaTeX draws as one symbol count as
 * one character, sizing and spacing commands (`\left`, `\,`) and grouping (`{ }`, `^`, `_`) as
 * none, the names of text commands (`\mathrm{…}`) as their argument. An estimate of width that
 * errs high: a fraction or matrix counts its rows side by side.
 */
export function shownMath(tex: string): string {
  return tex
    .replace(/\\(?:begin|end)\s*\{[^}]*\}/g, '')
    .replace(/\\(?:left|right|middle|[bB]igg?[lr]?|displaystyle|textstyle|limits|nolimits)(?![a-zA-Z])/g, '')
    .replace(/\\(?:text|mathrm|mathbf|mathit|mathsf|mathtt|mathbb|mathcal|operatorname|boldsymbol)\s*\{([^}]*)\}/g, '$1')
    .replace(/\\(?:frac|dfrac|tfrac|binom|sqrt|overline|underline|hat|bar|vec|tilde|dot)(?![a-zA-Z])/g, '')
    .replace(/\\q?quad(?![a-zA-Z])/g, '  ')
    .replace(/\\[,;:! ]/g, '')
    .replace(/\\\\/g, ' ')
    .replace(/\\[a-zA-Z]+/g, '∗')
    .replace(/\\[{}|]/g, '∗')
    .replace(/[{}^_&\s]/g, '')
}

/** Characters of body text a word takes on a line, with its space (the measure's unit for a formula's width). */
const CHARS_PER_WORD = 6

/** Text of runs as wide as the slide shows it: a math run by what KaTeX draws of it, other runs as written. */
export function shownText(runs: Run[]): string {
  if (!runs.some((run) => run.math)) return runsText(runs)
  return runs.map((run) => (run.math ? shownMath(run.text) : run.text)).join('')
}

/**
 * Words runs show on a slide: other runs as `visibleWords` counts them (byte for byte the same
 * text), a formula as its shown width in words (`CHARS_PER_WORD` characters each).
 */
export function shownWords(runs: Run[]): number {
  if (!runs.some((run) => run.math)) return visibleWords(runsText(runs))
  // A formula stands where a word stood: a space on each side keeps the words next to it apart.
  const prose = runs.map((run) => (run.math ? ' ' : run.text)).join('')
  const math = runs.reduce((n, run) => n + (run.math ? Math.max(1, Math.ceil(shownMath(run.text).length / CHARS_PER_WORD)) : 0), 0)
  return visibleWords(prose) + math
}
