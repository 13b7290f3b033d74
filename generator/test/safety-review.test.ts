import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { lectern as runLectern, scratch as scratchDir, write } from './helpers.js'

// Fixes for the hostile review of issue 10's fixes (attack.md): real CLI, real file system.
const lectern = (args: string[], cwd: string, timeout = 30_000) => runLectern(args, cwd, timeout)
const scratch = (): string => scratchDir('lectern-review-')

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
const NOTE = '# Rivers\n\n## Deltas\n\nA delta forms where a river drops its silt into the sea.\n\n![Map](assets/map.png)\n'

function noStack(text: string): void {
  expect(text).not.toMatch(/^\s+at\s/m)
}

describe('F2: a symlinked folder inside a deck is never written or deleted through', () => {
  it('refuses to write images through a symlinked assets/ and leaves the target folder alone', () => {
    const dir = scratch()
    write(path.join(dir, 'geo', 'rivers.md'), NOTE)
    write(path.join(dir, 'geo', 'assets', 'map.png'), PNG)
    expect(lectern(['build', 'geo/rivers.md'], dir).code).toBe(0)
    const victim = path.join(dir, 'victim')
    mkdirSync(victim)
    rmSync(path.join(dir, 'decks', 'rivers', 'assets'), { recursive: true })
    symlinkSync(victim, path.join(dir, 'decks', 'rivers', 'assets'))
    const built = lectern(['build', 'geo/rivers.md', '--force'], dir)
    expect(built.code).toBe(1)
    expect(built.stderr).toMatch(/decks\/rivers\/assets is a symlink/)
    expect(built.stderr.trim().split('\n')[0]).toMatch(/^geo\/rivers\.md: /)
    noStack(built.stderr)
    expect(require('node:fs').readdirSync(victim)).toEqual([])
  })

  it('does not delete a stale image through a symlinked assets/', () => {
    const dir = scratch()
    write(path.join(dir, 'geo', 'rivers.md'), NOTE)
    write(path.join(dir, 'geo', 'assets', 'map.png'), PNG)
    expect(lectern(['build', 'geo/rivers.md'], dir).code).toBe(0)
    const assets = path.join(dir, 'decks', 'rivers', 'assets')
    const [name] = require('node:fs').readdirSync(assets) as string[]
    const victim = path.join(dir, 'victim')
    mkdirSync(victim)
    writeFileSync(path.join(victim, name), PNG)
    rmSync(assets, { recursive: true })
    symlinkSync(victim, assets)
    write(path.join(dir, 'geo', 'rivers.md'), NOTE.replace('![Map](assets/map.png)\n', ''))
    const built = lectern(['build', 'geo/rivers.md'], dir)
    expect(built.code).toBe(1)
    expect(built.stderr).toMatch(/assets is a symlink/)
    expect(readFileSync(path.join(victim, name))).toEqual(PNG)
  })
})

describe('F2: a deck file that is not what lectern wrote is not overwritten', () => {
  it('keeps an image in the deck whose bytes differ from the manifest; --force overwrites it', () => {
    const dir = scratch()
    write(path.join(dir, 'geo', 'rivers.md'), NOTE)
    write(path.join(dir, 'geo', 'assets', 'map.png'), PNG)
    expect(lectern(['build', 'geo/rivers.md'], dir).code).toBe(0)
    const assets = path.join(dir, 'decks', 'rivers', 'assets')
    const [name] = require('node:fs').readdirSync(assets) as string[]
    writeFileSync(path.join(assets, name), 'my retouched map')
    write(path.join(dir, 'geo', 'rivers.md'), NOTE + '\nSome deltas grow each year.\n')
    const run = lectern(['build', 'geo/rivers.md'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(new RegExp(`decks/rivers/assets/${name.replace('.', '\\.')}: was edited since lectern wrote it`))
    expect(readFileSync(path.join(assets, name), 'utf8')).toBe('my retouched map')
    expect(readFileSync(path.join(dir, 'decks', 'rivers', 'slides.md'), 'utf8')).not.toContain('grow each year')
    expect(lectern(['build', 'geo/rivers.md', '--force'], dir).code).toBe(0)
    expect(readFileSync(path.join(assets, name))).toEqual(PNG)
  })
})

describe('F6: --out on a file system where mkdir misbehaves', () => {
  it('stops at once with one line for --out /proc/…', () => {
    const dir = scratch()
    write(path.join(dir, 'plan.md'), '# Plan\n\n## Costs\n\nThe costs rise in spring.\n')
    const run = lectern(['build', 'plan.md', '--out', '/proc/lectern-no-such'], dir, 15_000)
    expect(run.timedOut).toBe(false)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/cannot create the folder \/proc\/lectern-no-such/)
    noStack(run.stderr)
  })
})

describe('F9: hand edits to a generated deck are kept unless --force', () => {
  it('refuses to overwrite an edited slides.md, naming it; --force overwrites', () => {
    const dir = scratch()
    const note = '# Trade\n\n## Tariffs\n\nA tariff is a tax on goods that cross a border.\n'
    write(path.join(dir, 'econ', 'trade.md'), note)
    expect(lectern(['build', 'econ/trade.md'], dir).code).toBe(0)
    const slides = path.join(dir, 'decks', 'trade', 'slides.md')
    writeFileSync(slides, readFileSync(slides, 'utf8') + '\n# My own extra slide\n')
    write(path.join(dir, 'econ', 'trade.md'), note + '\nQuotas cap how much may come in.\n')
    const run = lectern(['build', 'econ/trade.md'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/decks\/trade\/slides\.md: was edited since lectern wrote it; .*--force/)
    expect(readFileSync(slides, 'utf8')).toContain('My own extra slide')
    const forced = lectern(['build', 'econ/trade.md', '--force'], dir)
    expect(forced.code).toBe(0)
    expect(readFileSync(slides, 'utf8')).not.toContain('My own extra slide')
    expect(readFileSync(slides, 'utf8')).toContain('Quotas')
  })
})

describe('F7: a damaged manifest', () => {
  it('says the manifest is unreadable and --force rebuilds, keeping files the deck did not record', () => {
    const dir = scratch()
    write(path.join(dir, 'law', 'torts.md'), '# Torts\n\n## Negligence\n\nNegligence needs a duty, a breach and harm.\n')
    expect(lectern(['build', 'law/torts.md'], dir).code).toBe(0)
    const manifest = path.join(dir, 'decks', 'torts', '.lectern.json')
    writeFileSync(manifest, readFileSync(manifest, 'utf8').slice(0, 30))
    write(path.join(dir, 'decks', 'torts', 'mine.txt'), 'my notes')
    const run = lectern(['build', 'law/torts.md'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/decks\/torts\/\.lectern\.json .*unreadable.*--force/)
    expect(run.stderr).not.toMatch(/hand-made/)
    const forced = lectern(['build', 'law/torts.md', '--force'], dir)
    expect(forced.code).toBe(0)
    expect(JSON.parse(readFileSync(manifest, 'utf8')).outputs['slides.md']).toBeTruthy()
    expect(readFileSync(path.join(dir, 'decks', 'torts', 'mine.txt'), 'utf8')).toBe('my notes')
    expect(existsSync(path.join(dir, 'decks', 'torts', 'slides.md'))).toBe(true)
  })
})

describe('F3: outputs made from an older deck do not stay published (real Slidev, real Chromium)', () => {
  it(
    'removes the PDF and PNGs of an older deck when the next export writes only the SPA, and keeps what lectern did not write',
    () => {
      const dir = scratch()
      const note = '---\ntitle: Harvest plan\n---\n# Harvest\n\n## Storage\n\nGrain keeps for a year in a dry barn.\n\nHIDDENLINE the barn roof leaks in the north corner.\n'
      write(path.join(dir, 'farm', 'harvest.md'), note)
      expect(lectern(['build', 'farm/harvest.md'], dir).code).toBe(0)
      const first = lectern(['export', 'decks/harvest', '--format', 'pdf,png', '--out', 'dist'], dir, 180_000)
      expect(first.code, first.stderr).toBe(0)
      const out = path.join(dir, 'dist', 'harvest')
      expect(existsSync(path.join(out, 'harvest.pdf'))).toBe(true)
      write(path.join(out, 'my-comments.txt'), 'mine')
      // Same deck, another format: the PDF and PNGs still match the deck and stay.
      const same = lectern(['export', 'decks/harvest', '--format', 'spa', '--out', 'dist'], dir, 180_000)
      expect(same.code, same.stderr).toBe(0)
      expect(existsSync(path.join(out, 'harvest.pdf'))).toBe(true)
      expect(existsSync(path.join(out, 'png'))).toBe(true)
      write(path.join(dir, 'farm', 'harvest.md'), note.replace(/HIDDENLINE.*\n/, ''))
      expect(lectern(['build', 'farm/harvest.md'], dir).code).toBe(0)
      const second = lectern(['export', 'decks/harvest', '--format', 'spa', '--out', 'dist'], dir, 180_000)
      expect(second.code, second.stderr).toBe(0)
      expect(second.stderr).toMatch(/dist\/harvest\/harvest\.pdf: removed; it was made from an older version of decks\/harvest/)
      expect(second.stderr).toMatch(/dist\/harvest\/png\/: removed/)
      expect(require('node:fs').readdirSync(out).sort()).toEqual(['.lectern-export.json', 'my-comments.txt', 'spa'])
      expect(readFileSync(path.join(out, 'my-comments.txt'), 'utf8')).toBe('mine')
    },
    600_000,
  )
})

describe('F5: themes shipped with the notes', () => {
  it('does not take a slidev-theme-* package from a node_modules inside the note’s folder', () => {
    const dir = scratch()
    write(path.join(dir, 'notes', 'node_modules', 'slidev-theme-shipped', 'package.json'), '{"name":"slidev-theme-shipped","version":"1.0.0","keywords":["slidev-theme"]}\n')
    write(path.join(dir, 'notes', 'node_modules', 'slidev-theme-shipped', 'index.js'), 'module.exports = {}\n')
    write(path.join(dir, 'notes', 'bio.md'), '---\ntitle: Cells\ntheme: shipped\n---\n# Cells\n\n## Walls\n\nPlant cells have a wall around the membrane.\n')
    const run = lectern(['build', 'notes/bio.md'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/notes\/bio\.md:3:8: theme "shipped" is not a folder in themes\/ nor an installed theme package/)
    expect(existsSync(path.join(dir, 'decks', 'bio', 'slides.md'))).toBe(false)
  })

  it('warns at the theme line that a theme folder beside the note holds code that runs at export', () => {
    const dir = scratch()
    write(path.join(dir, 'notes', 'looks', 'vite.config.ts'), 'export default {}\n')
    write(path.join(dir, 'notes', 'looks', 'styles', 'index.css'), 'h1 { color: teal }\n')
    write(path.join(dir, 'notes', 'plain', 'styles', 'index.css'), 'h1 { color: navy }\n')
    write(path.join(dir, 'notes', 'hist.md'), '---\ntitle: Rome\ntheme: ./looks\n---\n# Rome\n\n## Roads\n\nRoads tied the provinces together.\n')
    write(path.join(dir, 'notes', 'econ.md'), '---\ntitle: Prices\ntheme: ./plain\n---\n# Prices\n\n## Demand\n\nPrices rise when demand grows.\n')
    const run = lectern(['build', 'notes/hist.md', 'notes/econ.md'], dir)
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/notes\/hist\.md:3:8: warning: theme "\.\/looks" holds code \(looks\/vite\.config\.ts\) that runs in Node when the deck is exported/)
    expect(run.stderr).not.toMatch(/econ\.md.*holds code/)
    expect(readFileSync(path.join(dir, 'decks', 'hist', 'slides.md'), 'utf8')).toContain('theme: "../../notes/looks"')
  })
})

describe('F7: messages say what is wrong, once, at the right place', () => {
  it('reports bad budget, skip and minutes values at their own line and column', () => {
    const dir = scratch()
    write(path.join(dir, 'torts.md'), '---\ntitle: Torts\nbudget: lots\nskip: { a: 1 }\nminutes: soon\n---\n# Torts\n\n## Duty\n\nA duty of care is owed to those one can foresee harming.\n')
    const run = lectern(['build', 'torts.md'], dir)
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^torts\.md:3:9: warning: frontmatter `budget`/m)
    expect(run.stderr).toMatch(/^torts\.md:4:7: warning: frontmatter `skip`/m)
    expect(run.stderr).toMatch(/^torts\.md:5:10: warning: frontmatter `minutes`/m)
  })

  it('reports a diagrams value that is not true, false, on or off, and keeps diagrams on', () => {
    const dir = scratch()
    write(path.join(dir, 'cells.md'), '---\ntitle: Cells\ndiagrams: maybe\n---\n# Cells\n\n## Division\n\nThe cell copies its DNA, then splits its nucleus, and finally divides its cytoplasm.\n')
    const run = lectern(['build', 'cells.md'], dir)
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^cells\.md:3:11: warning: frontmatter `diagrams` must be true, false, on or off; the default \(on\) is used/m)
    write(path.join(dir, 'cells.md'), '---\ntitle: Cells\ndiagrams: off\n---\n# Cells\n\n## Division\n\nThe cell copies its DNA, then splits its nucleus, and finally divides its cytoplasm.\n')
    expect(lectern(['build', 'cells.md'], dir).stderr).not.toMatch(/frontmatter `diagrams`/)
  })

  it('reports a YAML error at its line and column, without repeating the place in the text', () => {
    const dir = scratch()
    write(path.join(dir, 'hist.md'), '---\ntitle: "Rome\nyear: [1,\n---\n# Rome\n\n## Roads\n\nRoads tied the provinces together.\n')
    const run = lectern(['build', 'hist.md'], dir)
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^hist\.md:3:10: warning: frontmatter is not valid YAML \(Missing closing "quote\)/m)
    expect(run.stderr).not.toMatch(/at line \d+, column \d+/)
  })

  it('prints a failed note once, plus one summary line', () => {
    const dir = scratch()
    const run = lectern(['build', 'missing.md'], dir)
    expect(run.code).toBe(1)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^missing\.md: cannot read the note/)
    expect(lines[1]).toBe('lectern: 1 of 1 notes failed')
  })

  it('check names the deck once before `error:`', () => {
    const dir = scratch()
    mkdirSync(path.join(dir, 'decks', 'empty'), { recursive: true })
    const run = lectern(['check', 'decks/empty', '--no-browser'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout + run.stderr).toMatch(/^decks\/empty: error: not a deck/m)
    expect(run.stdout + run.stderr).not.toMatch(/decks\/empty: error: decks\/empty:/)
  })

  it('check says a damaged manifest is unreadable, not that the deck names no note', () => {
    const dir = scratch()
    write(path.join(dir, 'econ.md'), '# Money\n\n## Inflation\n\nInflation is a general rise in prices.\n')
    expect(lectern(['build', 'econ.md'], dir).code).toBe(0)
    writeFileSync(path.join(dir, 'decks', 'econ', '.lectern.json'), '{"tool": "1.0')
    const run = lectern(['check', 'decks/econ', '--no-browser'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout + run.stderr).toMatch(/decks\/econ\/\.lectern\.json: error: lectern's manifest of this deck is unreadable.*--force/)
  })

  it(
    'shows the cause of a failed Slidev build, not the bundler’s timing note (real Slidev)',
    () => {
      const dir = scratch()
      // A slow plugin makes rolldown print its timing note; then the plugin fails.
      write(
        path.join(dir, 'notes', 'slow', 'vite.config.ts'),
        "export default { plugins: [{ name: 'slow-then-broken', buildStart() { const end = Date.now() + 2500; while (Date.now() < end) {} }, generateBundle() { throw new Error('the slow plugin broke on purpose') } }] }\n",
      )
      write(path.join(dir, 'notes', 'slow', 'package.json'), '{"name":"slow","version":"0.0.0"}\n')
      write(path.join(dir, 'notes', 'chem.md'), '---\ntitle: Acids\ntheme: ./slow\n---\n# Acids\n\n## Strength\n\nA strong acid gives up all its protons in water.\n')
      expect(lectern(['build', 'notes/chem.md'], dir).code).toBe(0)
      const run = lectern(['export', 'decks/chem', '--format', 'spa', '--out', 'dist'], dir, 240_000)
      expect(run.code).toBe(1)
      const failure = run.stderr.split('\n').find((line) => line.includes('slidev build failed'))
      expect(failure).toBeDefined()
      expect(failure).not.toMatch(/callbacks ran for|PLUGIN_TIMINGS/)
      expect(failure).toMatch(/error|Error|failed|Invalid|broke/)
      noStack(run.stderr)
    },
    300_000,
  )
})
