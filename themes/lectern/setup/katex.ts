import { defineKatexSetup } from '@slidev/types'

// Math from notes renders as math and nothing else: trust off keeps \href, \url, \htmlClass,
// \includegraphics and the other trust-dependent commands inert (shown as text). The generator
// checks TeX with the same options (generator/src/dialects/math.ts KATEX_OPTIONS).
export default defineKatexSetup(() => ({
  trust: false,
  strict: 'ignore',
  maxExpand: 1000,
  maxSize: 20,
}))
