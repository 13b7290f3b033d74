import { defineKatexSetup } from '@slidev/types'

// Math from notes renders as math and nothing else: trust off keeps \href, \url, \htmlClass,
// \includegraphics and the other trust-dependent commands inert (shown as text). The generator
// checks TeX with the same options (generator/src/dialects/math.ts KATEX_OPTIONS).
// HTML output only: KaTeX's hidden MathML copy (and its TeX annotation) would double every
// formula's text in the PDF's text layer and in the browser check's word and overflow counts.
// throwOnError off: Slidev puts TeX that throws into the page as raw HTML; KaTeX's own error
// rendering escapes it (the generator already turns such TeX into code).
export default defineKatexSetup(() => ({
  trust: false,
  throwOnError: false,
  output: 'html',
  strict: 'ignore',
  maxExpand: 1000,
  maxSize: 20,
}))
