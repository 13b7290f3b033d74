import type { Run } from '../types.js'
import { runsText, visibleWords } from '../text.js'

/** TeX commands KaTeX draws as a sign (a delimiter, relation or operator), not a letter read as a word. */
const SYMBOLS = /^(?:[lr](?:brace|angle|vert|Vert|floor|ceil|brack)|[bB]ig[lr]?|cdot|cdots|ldots|dots|times|div|pm|mp|in|notin|ni|subset|subseteq|supset|supseteq|cup|cap|bigcup|bigcap|setminus|to|mapsto|[rR]ightarrow|[lL]eftarrow|[lL]eftrightarrow|iff|implies|le|leq|ge|geq|ne|neq|approx|equiv|sim|coloneqq|mid|infty|partial|nabla|forall|exists|sum|prod|int|oint|land|lor|neg|circ|ast|star|vee|wedge|oplus|otimes|perp|parallel)$/

/**
 * What a TeX formula shows, as plain characters: commands KaTeX draws as one symbol count as
 * one character (a letter `α`, or `∗` for a sign), sizing and spacing commands (`\left`, `\,`)
 * and grouping (`{ }`, `^`, `_`) as none, text commands (`\mathrm{…}`) as their argument. An
 * estimate of width that errs high: a fraction or matrix counts its rows side by side.
 */
export function shownMath(tex: string): string {
  return tex
    .replace(/\\(?:begin|end)\s*\{[^}]*\}/g, '')
    .replace(/\\(?:left|right|middle|[bB]igg?[lr]?|displaystyle|textstyle|limits|nolimits)(?![a-zA-Z])/g, '')
    .replace(/\\(?:text|mathrm|mathbf|mathit|mathsf|mathtt|mathbb|mathcal|operatorname|boldsymbol)\s*\{([^}]*)\}/g, (_, words: string) => words.trim().replace(/\s+/g, '·'))
    .replace(/\\(?:frac|dfrac|tfrac|binom|sqrt|overline|underline|hat|bar|vec|tilde|dot)(?![a-zA-Z])/g, '')
    .replace(/\\q?quad(?![a-zA-Z])/g, '  ')
    .replace(/\\[,;:! ]/g, '')
    .replace(/\\\\/g, ' ')
    .replace(/\\([a-zA-Z]+)/g, (_, name: string) => (SYMBOLS.test(name) ? '∗' : 'α'))
    .replace(/\\[{}|]/g, '∗')
    .replace(/[{}^_&\s]/g, '')
}

/** How much more a browser counts of a formula than its letters (measured on KaTeX in Chromium). */
const MATH_MARGIN = 1.15

/** Share of a formula's source letter runs (delimiters aside) it counts at least. */
const SOURCE_SHARE = 0.75

/** TeX commands that draw no letter: sizing, spacing and delimiters (`\\left(`, `\\rbrace`, `\\,`). */
const UNLETTERED = /\\(?:left|right|middle|[bB]igg?[lr]?|[lr](?:brace|angle|vert|Vert|floor|ceil|brack)|displaystyle|textstyle|limits|nolimits|q?quad)(?![a-zA-Z])|\\[,;:!{}|]/g

/**
 * Words a formula shows: its runs of letters and digits once the TeX is drawn (`x_{i}` is two,
 * `\\omega` is one, `\\left(` none), as a browser's word segmenter counts the rendered formula.
 */
export function mathWords(tex: string): number {
  // A script is set apart from its base (`X_{j}` shows X and j), so it counts on its own.
  const shown = shownMath(tex.replace(/[_^]/g, '·'))
  // KaTeX breaks a formula into more pieces than the letters show (struts, spacing): err high.
  const letters = Math.round(MATH_MARGIN * (shown.match(/[\p{L}\p{N}]+/gu)?.length ?? 0))
  // A formula of many commands (integrals, fractions, accents) draws more than its letters:
  // never less than SOURCE_SHARE of its source's letter runs without the delimiters.
  const source = Math.round(SOURCE_SHARE * visibleWords(tex.replace(UNLETTERED, ' ')))
  return Math.max(1, letters, source)
}

/** Text of runs as wide as the slide shows it: a math run by what KaTeX draws of it, other runs as written. */
export function shownText(runs: Run[]): string {
  if (!runs.some((run) => run.math)) return runsText(runs)
  return runs.map((run) => (run.math ? shownMath(run.text) : run.text)).join('')
}

/**
 * Words runs show on a slide: other runs as `visibleWords` counts them (byte for byte the same
 * text), a formula as `mathWords` counts it.
 */
export function shownWords(runs: Run[]): number {
  if (!runs.some((run) => run.math)) return visibleWords(runsText(runs))
  // A formula stands where a word stood: a space on each side keeps the words next to it apart.
  const prose = runs.map((run) => (run.math ? ' ' : run.text)).join('')
  const math = runs.reduce((n, run) => n + (run.math ? mathWords(run.text) : 0), 0)
  return visibleWords(prose) + math
}
