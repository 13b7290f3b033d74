import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const bin = path.resolve(__dirname, '../bin/lectern.js')

describe('formulas measured by what KaTeX draws (real Slidev, real Chromium)', () => {
  it('packs a list of formulas on one slide that fits the budget in the browser', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-math-measure-'))
    // Written for this test: five formulas of macroeconomics with their delimiters written out.
    const formulas = [
      'Output $Y\\left(t\\right)=C\\left(t\\right)+I\\left(t\\right)+G\\left(t\\right)$',
      'Consumption $C\\left(t\\right)=c_{0}+c\\cdot\\left(Y-T\\right)$',
      'Investment $I\\left(r\\right)=I_{0}-b\\cdot r$',
      'Money demand $L\\left(Y,i\\right)=k\\cdot Y-h\\cdot i$',
      'Real rate $r=i-\\pi^{e}$',
    ]
    writeFileSync(path.join(dir, 'macro.md'), `# Macro models\n\n## Equations\n\n${formulas.map((line) => `- ${line}`).join('\n')}\n`)
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', timeout: 240_000 })
    expect(run(['build', 'macro.md', '--out', 'decks']).status).toBe(0)
    const check = run(['check', 'decks/macro'])
    const out = check.stdout + check.stderr
    // One slide of equations: counted by their TeX source, they once split over two.
    expect(out).toMatch(/busiest slide \d+ "Equations"/)
    expect(out).not.toMatch(/Equations 1\/2/)
    expect(out).toMatch(/largest overflow 0 px/)
    const shown = Number(/In Chromium: busiest slide shows (\d+) words/.exec(out)?.[1])
    expect(shown).toBeGreaterThan(20)
    expect(shown).toBeLessThanOrEqual(60)
    expect(check.status).toBe(0)
  }, 300_000)
})
