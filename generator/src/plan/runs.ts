import type { Run } from '../types.js'
import { normalizeRuns, runsText } from '../text.js'

/** Characters of the runs' text with code spans and formulas masked, so their punctuation is ignored. */
export function masked(runs: Run[]): string {
  return runs.map((run) => (run.code || run.math ? 'x'.repeat(run.text.length) : run.text)).join('')
}

/** The runs between two character offsets of their joined text. */
export function sliceRuns(runs: Run[], start: number, end: number): Run[] {
  const out: Run[] = []
  let offset = 0
  for (const run of runs) {
    const from = Math.max(start - offset, 0)
    const to = Math.min(end - offset, run.text.length)
    // Math is never cut: a formula is kept whole or left out.
    if (run.math && to > from && to - from < run.text.length) {
      offset += run.text.length
      continue
    }
    if (to > from) out.push({ ...run, text: run.text.slice(from, to) })
    offset += run.text.length
  }
  return out
}

/** Remove character ranges (sorted, non-overlapping) from runs; white space is collapsed. */
export function removeRanges(runs: Run[], ranges: Array<[number, number]>): Run[] {
  if (!ranges.length) return runs
  const out: Run[] = []
  let cursor = 0
  const total = runsText(runs).length
  for (const [start, end] of ranges) {
    out.push(...sliceRuns(runs, cursor, start))
    cursor = end
  }
  out.push(...sliceRuns(runs, cursor, total))
  // A space at the end of one run and the start of the next would show twice.
  for (let i = 1; i < out.length; i++) if (/\s$/.test(out[i - 1].text) && /^\s/.test(out[i].text)) out[i] = { ...out[i], text: out[i].text.replace(/^\s+/, '') }
  return normalizeRuns(out)
}

/** Upper-case the first letter of runs (after a deleted opener). */
export function capitalize(runs: Run[]): Run[] {
  if (!runs[0] || runs[0].code || runs[0].math) return runs
  return [{ ...runs[0], text: runs[0].text.charAt(0).toUpperCase() + runs[0].text.slice(1) }, ...runs.slice(1)]
}
