import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const bin = path.resolve(__dirname, '../bin/lectern.js')

describe('lectern check on a deck with math (real Slidev, real Chromium)', () => {
  it('does not report KaTeX scripts of scripts as text below the theme floor', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-math-'))
    // Written for this test: nested superscripts and subscripts, which KaTeX sets smaller by design.
    writeFileSync(path.join(dir, 'tower.md'), '# Powers\n\n## Towers\n\nA tower of powers reads $x^{a^{b^c}}$ and grows very fast.\n\nThe entropy is $$S = k_B \\ln \\Omega_{E_{tot}}$$ for the whole system.\n')
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 240_000 })
    expect(run(['build', 'tower.md', '--out', 'decks']).status).toBe(0)
    const check = run(['check', 'decks/tower'])
    expect(check.stdout + check.stderr).toMatch(/smallest text 1[4-9](\.\d+)? px/)
    expect(check.status).toBe(0)
  }, 300_000)
})
