import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { lectern as runLectern, scratch as scratchDir, write } from './helpers.js'
import { slugOf } from '../src/commands/build.js'

const lectern = (args: string[], cwd: string, timeout = 20_000) => runLectern(args, cwd, timeout)
const scratch = (): string => scratchDir('lectern-safe-')

const NOTE = '# Tides\n\n## Causes\n\nThe moon pulls the oceans toward it. The sun adds a smaller pull.\n\n![Chart of tides](assets/diagram.svg)\n'
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'

function noStack(text: string): void {
  expect(text).not.toMatch(/^\s+at\s/m)
  expect(text).not.toContain('[Getter/Setter]')
}

describe('build never deletes or overwrites an author’s files', () => {
  it('refuses --out . when the deck folder would be the note’s own folder, and keeps every file there', () => {
    const dir = scratch()
    write(path.join(dir, 'talk', 'talk.md'), NOTE)
    write(path.join(dir, 'talk', 'assets', 'diagram.svg'), SVG)
    write(path.join(dir, 'talk', 'draft.txt'), 'my own draft')
    const run = lectern(['build', 'talk/talk.md', '--out', '.'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/talk\/talk\.md: the deck folder talk holds the note itself/)
    expect(readdirSync(path.join(dir, 'talk')).sort()).toEqual(['assets', 'draft.txt', 'talk.md'])
    expect(readFileSync(path.join(dir, 'talk', 'assets', 'diagram.svg'), 'utf8')).toBe(SVG)
    expect(readFileSync(path.join(dir, 'talk', 'talk.md'), 'utf8')).toBe(NOTE)
  })

  it('never overwrites a hand-made deck (slides.md and no lectern manifest)', () => {
    const dir = scratch()
    write(path.join(dir, 'notes', 'tides.md'), NOTE)
    write(path.join(dir, 'notes', 'assets', 'diagram.svg'), SVG)
    write(path.join(dir, 'decks', 'tides', 'slides.md'), '# My own slides\n')
    write(path.join(dir, 'decks', 'tides', 'assets', 'mine.png'), 'png bytes')
    const run = lectern(['build', 'notes/tides.md'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/decks\/tides holds a hand-made deck/)
    expect(readFileSync(path.join(dir, 'decks', 'tides', 'slides.md'), 'utf8')).toBe('# My own slides\n')
    expect(readFileSync(path.join(dir, 'decks', 'tides', 'assets', 'mine.png'), 'utf8')).toBe('png bytes')
  })

  it('refuses a non-empty folder it did not create', () => {
    const dir = scratch()
    write(path.join(dir, 'notes', 'tides.md'), NOTE)
    write(path.join(dir, 'decks', 'tides', 'thesis.docx'), 'years of work')
    const run = lectern(['build', 'notes/tides.md'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/decks\/tides is a folder lectern did not create/)
    expect(readdirSync(path.join(dir, 'decks', 'tides'))).toEqual(['thesis.docx'])
  })

  it('names both notes and exits 1 when a second note of the same name is built into the same --out later', () => {
    const dir = scratch()
    write(path.join(dir, 'biology', 'cells.md'), '# Cells\n\n## Membranes\n\nA membrane keeps the inside apart from the outside.\n')
    write(path.join(dir, 'law', 'cells.md'), '# Cells\n\n## Prisons\n\nA cell in a prison holds one or two people.\n')
    expect(lectern(['build', 'biology/cells.md'], dir).code).toBe(0)
    const run = lectern(['build', 'law/cells.md'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('law/cells.md')
    expect(run.stderr).toContain('biology/cells.md')
    expect(readFileSync(path.join(dir, 'decks', 'cells', 'slides.md'), 'utf8')).toContain('membrane')
  })

  it('deletes only files it wrote: an author’s file in the deck’s assets/ survives a rebuild', () => {
    const dir = scratch()
    write(path.join(dir, 'notes', 'tides.md'), NOTE)
    write(path.join(dir, 'notes', 'assets', 'diagram.svg'), SVG)
    expect(lectern(['build', 'notes/tides.md'], dir).code).toBe(0)
    const assets = path.join(dir, 'decks', 'tides', 'assets')
    const copied = readdirSync(assets)
    expect(copied).toHaveLength(1)
    write(path.join(assets, 'speaker-photo.jpg'), 'added by hand')
    write(path.join(dir, 'notes', 'tides.md'), NOTE.replace(/!\[.*\n/, ''))
    expect(lectern(['build', 'notes/tides.md'], dir).code).toBe(0)
    // The image lectern copied is gone (the note no longer uses it); the author's file stays.
    expect(readdirSync(assets)).toEqual(['speaker-photo.jpg'])
  })

  it('makes --out with an empty value a usage error (exit 2)', () => {
    const dir = scratch()
    write(path.join(dir, 'notes', 'tides.md'), NOTE)
    for (const command of ['build', 'export', 'watch']) {
      const run = lectern([command, '--out', ''], dir)
      expect(run.code, command).toBe(2)
      expect(run.stderr).toMatch(/--out needs a folder name/)
    }
    expect(existsSync(path.join(dir, 'tides'))).toBe(false)
  })
})

describe('build reads only regular files', () => {
  it('refuses a FIFO given as a note at once, naming it, and builds the other notes', () => {
    const dir = scratch()
    write(path.join(dir, 'notes', 'tides.md'), NOTE)
    execFileSync('mkfifo', [path.join(dir, 'notes', 'pipe.md')])
    const run = lectern(['build', 'notes/pipe.md', 'notes/tides.md'], dir, 10_000)
    expect(run.timedOut).toBe(false)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/notes\/pipe\.md: is a FIFO/)
    expect(existsSync(path.join(dir, 'decks', 'tides', 'slides.md'))).toBe(true)
  })

  it('does not hang on a FIFO named in a deck’s manifest', () => {
    const dir = scratch()
    write(path.join(dir, 'notes', 'tides.md'), NOTE)
    write(path.join(dir, 'notes', 'assets', 'diagram.svg'), SVG)
    expect(lectern(['build', 'notes/tides.md'], dir).code).toBe(0)
    const manifest = path.join(dir, 'decks', 'tides', '.lectern.json')
    const data = JSON.parse(readFileSync(manifest, 'utf8'))
    data.images['trap'] = 'x'
    data.outputs['trap'] = 'x'
    writeFileSync(manifest, JSON.stringify(data))
    execFileSync('mkfifo', [path.join(dir, 'notes', 'trap')])
    execFileSync('mkfifo', [path.join(dir, 'decks', 'tides', 'trap')])
    const run = lectern(['build', 'notes/tides.md'], dir, 10_000)
    expect(run.timedOut).toBe(false)
    expect(run.code).toBe(0)
  })

  it('turns a YAML tag warning (!!js/function) into a file:line:column warning, not a Node warning', () => {
    const dir = scratch()
    write(path.join(dir, 'notes', 'tides.md'), '---\ntitle: Tides\nrun: !!js/function "function () { return 1 }"\n---\n# Tides\n\n## Causes\n\nThe moon pulls.\n')
    const run = lectern(['build', 'notes/tides.md'], dir)
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^notes\/tides\.md:3:6: warning: .*js\/function/m)
    expect(run.stderr).not.toContain('YAMLWarning')
    expect(run.stderr).not.toContain('--trace-warnings')
  })
})

describe('themes come only from trusted folders', () => {
  const cases: Array<[string, string]> = [
    ['an absolute path', '/THEME'],
    ['a path that climbs out with ..', '../outside-theme'],
    ['a symlink inside the note folder that leads out', './linked-theme'],
  ]
  it.each(cases)('refuses %s at build time, saying what is allowed', (_, value) => {
    const dir = scratch()
    const outside = path.join(dir, 'outside-theme')
    write(path.join(outside, 'package.json'), '{"name":"evil"}')
    write(path.join(outside, 'vite.config.ts'), 'export default {}')
    symlinkSync(outside, path.join(dir, 'notes-linked'), 'dir')
    mkdirSync(path.join(dir, 'notes'))
    symlinkSync(outside, path.join(dir, 'notes', 'linked-theme'), 'dir')
    write(path.join(dir, 'notes', 'econ.md'), `---\ntitle: Markets\ntheme: ${value.replace('/THEME', outside)}\n---\n# Markets\n\n## Prices\n\nPrices rise when demand grows.\n`)
    const run = lectern(['build', 'notes/econ.md'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/notes\/econ\.md:3:8: theme .*themes\/ in the project.*--allow-theme-dir/)
    expect(existsSync(path.join(dir, 'decks', 'econ', 'slides.md'))).toBe(false)
  })

  it('uses a theme folder inside the note’s folder, and an outside one only with --allow-theme-dir', () => {
    const dir = scratch()
    write(path.join(dir, 'notes', 'mine', 'package.json'), '{"name":"mine"}')
    write(path.join(dir, 'notes', 'econ.md'), '---\ntheme: ./mine\n---\n# Markets\n\n## Prices\n\nPrices rise when demand grows.\n')
    expect(lectern(['build', 'notes/econ.md'], dir).code).toBe(0)
    expect(readFileSync(path.join(dir, 'decks', 'econ', 'slides.md'), 'utf8')).toContain('theme: "../../notes/mine"')
    write(path.join(dir, 'shared', 'house', 'package.json'), '{"name":"house"}')
    write(path.join(dir, 'notes', 'law.md'), '---\ntheme: ../shared/house\n---\n# Contracts\n\n## Offer\n\nAn offer can be taken back before it is accepted.\n')
    expect(lectern(['build', 'notes/law.md'], dir).code).toBe(1)
    const allowed = lectern(['build', 'notes/law.md', '--allow-theme-dir', 'shared'], dir)
    expect(allowed.code).toBe(0)
    expect(readFileSync(path.join(dir, 'decks', 'law', 'slides.md'), 'utf8')).toContain('theme: "../../shared/house"')
  })

  it('refuses a theme name that is not installed, and a package that is not a theme', () => {
    const dir = scratch()
    write(path.join(dir, 'notes', 'hist.md'), '---\ntheme: no-such-theme-here\n---\n# Rome\n\n## Roads\n\nRoads tied the provinces together.\n')
    const run = lectern(['build', 'notes/hist.md'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/notes\/hist\.md:2:8: theme "no-such-theme-here" is not a folder in themes\/ nor an installed theme package/)
    write(path.join(dir, 'notes', 'hist.md'), '---\ntheme: vitest\n---\n# Rome\n\n## Roads\n\nRoads tied the provinces together.\n')
    expect(lectern(['build', 'notes/hist.md'], dir).code).toBe(1)
  })
})

describe('check reads only what it should', () => {
  it('does not print a file outside the project named by a hand-written deck', () => {
    const root = scratch()
    write(path.join(root, 'outside', 'secret.txt'), 'The vault code is written under the blue lamp.\n')
    const project = path.join(root, 'a', 'b', 'project')
    write(path.join(project, 'decks', 'x', 'slides.md'), '---\nlectern:\n  note: ../../../../../outside/secret.txt\n---\n# Hello\n\nSome words.\n')
    const run = lectern(['check', 'decks/x', '--no-browser'], project)
    expect(run.stdout + run.stderr).not.toContain('vault')
    expect(run.stdout + run.stderr).not.toContain('blue lamp')
  })

  it('refuses a manifest that names a note outside the project and the deck’s folder', () => {
    const root = scratch()
    write(path.join(root, 'outside', 'secret.txt'), 'The vault code is written under the blue lamp.\n')
    const project = path.join(root, 'project')
    write(path.join(project, 'decks', 'x', 'slides.md'), '---\nlectern:\n  note: ../../../outside/secret.txt\n---\n# Hello\n\nSome words.\n')
    write(path.join(project, 'decks', 'x', '.lectern.json'), JSON.stringify({ tool: 'x', inputs: 'x', images: {}, outputs: {}, note: '../../../outside/secret.txt', noteHash: 'x' }))
    const run = lectern(['check', 'decks/x', '--no-browser'], project)
    expect(run.code).toBe(1)
    expect(run.stdout + run.stderr).toMatch(/outside the project/)
    expect(run.stdout + run.stderr).not.toContain('vault')
  })

  it('does not print a file inside the project that a manifest names but lectern did not build from', () => {
    const dir = scratch()
    write(path.join(dir, 'private', 'diary.md'), 'I hid the spare key under the third flower pot.\n')
    write(path.join(dir, 'decks', 'x', 'slides.md'), '# Hello\n\nSome words.\n')
    write(path.join(dir, 'decks', 'x', '.lectern.json'), JSON.stringify({ tool: 'x', inputs: 'x', images: {}, outputs: {}, note: '../../private/diary.md', noteHash: '0'.repeat(64) }))
    const run = lectern(['check', 'decks/x', '--no-browser'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout + run.stderr).toMatch(/changed since the deck was built/)
    expect(run.stdout + run.stderr).not.toContain('flower pot')
  })

  it('still measures coverage against the note of a deck it built', () => {
    const dir = scratch()
    write(path.join(dir, 'notes', 'tides.md'), NOTE.replace(/!\[.*\n/, ''))
    expect(lectern(['build', 'notes/tides.md'], dir).code).toBe(0)
    const run = lectern(['check', 'decks/tides', '--no-browser', '--json'], dir)
    const [report] = JSON.parse(run.stdout)
    expect(report.sentences.total).toBeGreaterThan(1)
    expect(report.sentences.found).toBe(report.sentences.total)
  })

  it('runs none of a deck’s code with --no-browser', () => {
    const dir = scratch()
    const marker = path.join(dir, 'ran')
    const code = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x')\nmodule.exports = {}\n`
    write(path.join(dir, 'decks', 'x', 'slides.md'), '---\ntheme: ./evil\n---\n# Hello\n\nSome words.\n')
    write(path.join(dir, 'decks', 'x', 'vite.config.cjs'), code)
    write(path.join(dir, 'decks', 'x', 'setup', 'main.cjs'), code)
    write(path.join(dir, 'decks', 'x', 'evil', 'vite.config.cjs'), code)
    lectern(['check', 'decks/x', '--no-browser'], dir)
    expect(existsSync(marker)).toBe(false)
  })
})

describe('export refuses what it cannot do safely, before any work', () => {
  it('names both decks of one name and exits 2, writing nothing', () => {
    const dir = scratch()
    write(path.join(dir, 'decks', 'intro', 'slides.md'), '# One\n')
    write(path.join(dir, 'other', 'intro', 'slides.md'), '# Two\n')
    const run = lectern(['export', 'decks/intro', 'other/intro', '--format', 'pdf,spa'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('decks/intro')
    expect(run.stderr).toContain('other/intro')
    expect(run.stderr).not.toContain('building with Slidev')
    expect(run.stdout).not.toContain('building with Slidev')
    expect(existsSync(path.join(dir, 'dist'))).toBe(false)
  })

  it('refuses an export folder that is the deck itself (exit 2)', () => {
    const dir = scratch()
    write(path.join(dir, 'decks', 'intro', 'slides.md'), '# One\n')
    const run = lectern(['export', 'decks/intro', '--out', 'decks'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/overlap the deck/)
  })

  it('refuses to replace files in an export folder it did not create', () => {
    const dir = scratch()
    write(path.join(dir, 'decks', 'intro', 'slides.md'), '# One\n')
    write(path.join(dir, 'dist', 'intro', 'spa', 'index.html'), 'my own site')
    const run = lectern(['export', 'decks/intro', '--format', 'spa'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/dist\/intro: is a folder lectern did not export into/)
    expect(readFileSync(path.join(dir, 'dist', 'intro', 'spa', 'index.html'), 'utf8')).toBe('my own site')
  })

  it.each([
    ['a FIFO', (deck: string) => execFileSync('mkfifo', [path.join(deck, 'public', 'feed.txt')]), /feed\.txt: is a FIFO/],
    ['a public -> /outside symlink', (deck: string) => symlinkSync(path.join(deck, '..', '..', 'outside'), path.join(deck, 'public', 'docs'), 'dir'), /docs: is a symlink that leads out of the deck/],
  ] as const)('stops at once, without hanging, on a deck folder holding %s', (_, plant, message) => {
    const dir = scratch()
    write(path.join(dir, 'outside', 'private.txt'), 'not for the web')
    const deck = path.join(dir, 'decks', 'intro')
    write(path.join(deck, 'slides.md'), '# One\n')
    mkdirSync(path.join(deck, 'public'))
    plant(deck)
    const run = lectern(['export', 'decks/intro', '--format', 'spa'], dir, 15_000)
    expect(run.timedOut).toBe(false)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(message)
    noStack(run.stderr)
    expect(existsSync(path.join(dir, 'dist', 'intro', 'spa'))).toBe(false)
  })
})

describe('deck names stay short enough for every export file name', () => {
  it.each([
    ['a long ASCII name', 'x'.repeat(240)],
    ['a long accented name', 'é'.repeat(200)],
    ['a long CJK name', '日'.repeat(120)],
  ])('keeps %s under 200 bytes, distinct from a name that differs only at its end', (_, stem) => {
    const one = slugOf(`${stem}-1.md`)
    const two = slugOf(`${stem}-2.md`)
    expect(Buffer.byteLength(one)).toBeLessThanOrEqual(200)
    expect(Buffer.byteLength(`${one}-handout.pdf`)).toBeLessThanOrEqual(255)
    expect(one).not.toBe(two)
  })

  it('leaves ordinary names as they were', () => {
    expect(slugOf('notes/cell biology.md')).toBe('cell-biology')
  })
})
