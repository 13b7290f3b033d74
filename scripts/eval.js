#!/usr/bin/env node
// lectern eval: build every note of the shared corpus (../shared/corpus from the repo root) into a
// temporary folder and print, per note and overall, the slide-text lint's finding rate, thin
// slides, slides, talk time and sentence coverage.
// Usage: npm run eval [-- --findings] [-- --keep DIR]
//   --findings  print every finding after the table
//   --keep DIR  write the decks to DIR (kept) instead of a temporary folder
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const corpus = path.resolve(root, '..', 'shared', 'corpus')
if (!existsSync(corpus)) {
  console.log(`No corpus at ${corpus}: nothing to evaluate (put notes there to run the eval).`)
  process.exit(0)
}
const dist = (name) => import(path.join(root, 'generator', 'dist', name))
const { VFile } = await import('vfile')
const { generateDeck } = await dist('pipeline.js')
const { decodeNote } = await dist('decode.js')
const { lintDeck, formatFinding } = await dist('lint.js')
const { sentenceCoverage } = await dist('coverage.js')
const { formatDuration } = await dist('plan/timing.js')

const showFindings = process.argv.includes('--findings')
const keepAt = process.argv.indexOf('--keep')
const out = keepAt > 0 ? path.resolve(process.argv[keepAt + 1]) : mkdtempSync(path.join(os.tmpdir(), 'lectern-eval-'))
const started = performance.now()
const notes = readdirSync(corpus).filter((name) => name.endsWith('.md')).sort()
const rows = []
const all = []
const totals = { items: 0, findings: 0, thin: 0, slides: 0, seconds: 0, sentences: 0, found: 0 }
for (const name of notes) {
  const text = decodeNote(readFileSync(path.join(corpus, name)), name).text
  const file = new VFile({ path: name, value: text })
  const deck = generateDeck(file, { theme: 'lectern', notePath: name })
  const deckDir = path.join(out, name.replace(/\.md$/, ''))
  mkdirSync(deckDir, { recursive: true })
  writeFileSync(path.join(deckDir, 'slides.md'), deck.markdown)
  const lint = lintDeck(deck.markdown, text, name)
  const coverage = sentenceCoverage(text, deck.markdown)
  const seconds = deck.slides.reduce((sum, slide) => sum + (slide.seconds ?? 0), 0)
  const itemFindings = lint.flagged
  rows.push([
    name.replace(/\.md$/, ''),
    `${itemFindings}/${lint.items}`,
    pct(itemFindings, lint.items),
    String(lint.thinSlides),
    String(deck.slides.length),
    formatDuration(Math.round(seconds / 60) * 60 || seconds),
    pct(coverage.found, coverage.total),
  ])
  for (const finding of lint.findings) all.push(formatFinding(name, finding))
  totals.items += lint.items
  totals.findings += itemFindings
  totals.thin += lint.thinSlides
  totals.slides += deck.slides.length
  totals.seconds += seconds
  totals.sentences += coverage.total
  totals.found += coverage.found
}
rows.push([
  'ALL',
  `${totals.findings}/${totals.items}`,
  pct(totals.findings, totals.items),
  String(totals.thin),
  String(totals.slides),
  formatDuration(Math.round(totals.seconds / 60) * 60),
  pct(totals.found, totals.sentences),
])
const header = ['note', 'flagged/items', 'rate', 'thin', 'slides', 'talk', 'coverage']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
console.log(line(header))
for (const row of rows) console.log(line(row))
const byRule = {}
for (const f of all) {
  const rule = /\): ([a-z-]+): /.exec(f)?.[1] ?? '?'
  byRule[rule] = (byRule[rule] ?? 0) + 1
}
console.log(`raw markup left on slides: ${byRule['raw-markup'] ?? 0}; content titles over the longest shown: ${byRule['long-title'] ?? 0}`)
console.log(`findings by rule: ${Object.entries(byRule).sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`)
console.log(`${notes.length} notes in ${((performance.now() - started) / 1000).toFixed(1)} s; decks in ${out}`)
if (showFindings) for (const f of all) console.log(f)
if (keepAt < 0) rmSync(out, { recursive: true, force: true })

function pct(a, b) {
  return b ? `${((a / b) * 100).toFixed(1)}%` : '—'
}
