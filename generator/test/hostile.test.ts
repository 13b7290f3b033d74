/**
 * Broken and hostile notes through the real CLI: a clear error or a working deck, never a stack
 * trace, nothing lost, nothing from outside the notes folder, nothing run in the browser.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseSync } from '@slidev/parser'
import { chromium, type Browser } from 'playwright-chromium'
import { sentenceCoverage } from '../src/coverage.js'
import { decodeNote } from '../src/decode.js'
import { findBrowser, CHROMIUM_ARGS } from '../src/export/browser.js'
import { serveStatic } from '../src/export/serve.js'

const bin = path.resolve(__dirname, '../bin/lectern.js')
const fixtures = path.resolve(__dirname, 'fixtures')
let work: string
let build: ReturnType<typeof spawnSync>
const OUTSIDE_SECRET = `outside-secret-${process.pid}-do-not-leak`

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? allFiles(full) : [full]
  })
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'lectern-hostile-'))
  const notes = path.join(work, 'notes')
  mkdirSync(notes)
  for (const name of readdirSync(fixtures)) {
    if (existsSync(path.join(fixtures, name, 'note.md'))) copyFileSync(path.join(fixtures, name, 'note.md'), path.join(notes, `${name}.md`))
  }
  copyFileSync(path.join(fixtures, 'images', 'pic.svg'), path.join(notes, 'pic.svg'))
  // Large inputs.
  writeFileSync(path.join(notes, 'list-5000.md'), `# Big list\n\n## Items\n\n${Array.from({ length: 5000 }, (_, i) => `- Item number ${i} is listed.`).join('\n')}\n`)
  const cols = 60
  const header = `| ${Array.from({ length: cols }, (_, c) => `h${c}`).join(' | ')} |\n| ${Array.from({ length: cols }, () => '---').join(' | ')} |\n`
  const rows = Array.from({ length: 300 }, (_, r) => `| ${Array.from({ length: cols }, (_, c) => `r${r}c${c}`).join(' | ')} |`).join('\n')
  writeFileSync(path.join(notes, 'table-60x300.md'), `# Big table\n\n## Data\n\n${header}${rows}\n`)
  writeFileSync(path.join(notes, 'deep-150.md'), `# Deep\n\n## Nest\n\n${Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- level ${i} text.`).join('\n')}\n`)
  const vocabulary = ['container', 'kernel', 'image', 'layer', 'registry', 'pod', 'node', 'cluster']
  const sentences = Array.from({ length: 16_000 }, (_, i) => `Sentence ${i} talks about ${vocabulary[i % 8]} and ${vocabulary[(i * 3) % 8]} in some detail today.`)
  writeFileSync(path.join(notes, 'paragraph-2mb.md'), `# Huge\n\n## One paragraph\n\n${sentences.join(' ')}\n`)
  writeFileSync(path.join(notes, 'long-word.md'), `# Long\n\n## Word\n\nA link https://example.com/${'a'.repeat(3000)} ends here.\n`)
  // A file outside the notes folder, and a symlink to it from inside.
  writeFileSync(path.join(work, 'secret.png'), OUTSIDE_SECRET)
  symlinkSync(path.join(work, 'secret.png'), path.join(notes, 'linked.png'))
  writeFileSync(path.join(notes, 'symlink.md'), '# Links\n\n## Out\n\n![linked](linked.png)\n\n![up](../secret.png)\n\n![ok](pic.svg)\n')
  build = spawnSync(process.execPath, [bin, 'build'], { cwd: work, encoding: 'utf8' })
}, 120_000)

describe('lectern build on broken and hostile notes', () => {
  it('exits 1 for the binary note, naming it, and builds every other note', () => {
    expect(build.status).toBe(1)
    expect(build.stderr).toContain('notes/binary.md: not a text file')
    const notes = readdirSync(path.join(work, 'notes')).filter((n) => n.endsWith('.md') && n !== 'binary.md')
    for (const note of notes) expect(existsSync(path.join(work, 'decks', note.replace(/\.md$/, ''), 'slides.md')), note).toBe(true)
  })

  it('never prints a stack trace; every warning names file:line:column', () => {
    const output = `${build.stdout}${build.stderr}`
    expect(output).not.toMatch(/\n\s+at [\w.<]+ \(/)
    for (const line of String(build.stderr).split('\n').filter((l) => l.includes('warning:'))) {
      expect(line).toMatch(/^notes\/[\w.-]+\.md:\d+:\d+: warning: /)
    }
    expect(build.stderr).toMatch(/notes\/bad-yaml\.md:\d+:1: warning: frontmatter is not valid YAML/)
    expect(build.stderr).toMatch(/notes\/latin1\.md:1:1: warning: the note is not UTF-8/)
    expect(build.stderr).toMatch(/notes\/mojibake\.md:5:1: warning: repaired double-encoded UTF-8/)
  })

  it('gives decks that Slidev parses and that keep every sentence', () => {
    for (const name of readdirSync(path.join(work, 'decks'))) {
      const markdown = readFileSync(path.join(work, 'decks', name, 'slides.md'), 'utf8')
      expect(parseSync(markdown, 'slides.md').slides.length, name).toBeGreaterThanOrEqual(2)
      const note = decodeNote(readFileSync(path.join(work, 'notes', `${name}.md`)), name).text
      expect(sentenceCoverage(note, markdown).missing, name).toEqual([])
    }
  })

  it('decodes text: accents, mojibake, right-to-left and CJK come through', () => {
    const read = (name: string) => readFileSync(path.join(work, 'decks', name, 'slides.md'), 'utf8')
    expect(read('latin1')).toContain('Un café crème coûte 2€ – cher.')
    expect(read('mojibake')).toContain('It’s a “container” — not a VM.')
    expect(read('mojibake')).not.toMatch(/â€|Ã/)
    expect(read('bom-crlf')).not.toMatch(/\uFEFF|\r/)
    expect(read('scripts')).toContain('容器共享主机内核。')
    expect(read('scripts')).toContain('الحاويات تشترك في نواة النظام.')
  })

  it('lets no byte of a file outside the notes folder into the output', () => {
    for (const file of allFiles(path.join(work, 'decks'))) {
      expect(readFileSync(file, 'latin1'), file).not.toContain(OUTSIDE_SECRET)
    }
    const deck = readFileSync(path.join(work, 'decks', 'symlink', 'slides.md'), 'utf8')
    expect(build.stderr).toContain("notes/symlink.md:5:1: warning: image `linked.png` is not shown: the file is outside the note's folder")
    expect(deck).not.toMatch(/!\[[^\]]*\]\([^)]*linked\.png\)/)
    expect(readdirSync(path.join(work, 'decks', 'symlink', 'assets'))).toHaveLength(1)
  })

  it('builds large inputs in seconds, within a few slides per block', () => {
    const slides = (name: string) => parseSync(readFileSync(path.join(work, 'decks', name, 'slides.md'), 'utf8'), 's').slides.length
    expect(slides('list-5000')).toBeLessThan(25)
    expect(slides('table-60x300')).toBeLessThan(25)
    expect(slides('paragraph-2mb')).toBeLessThan(10)
  })
})

describe('the injection deck in Chromium', () => {
  it('shows mustache, slot syntax and comment markers as text, with no page error and nothing run', async () => {
    const out = path.join(work, 'dist')
    const run = spawnSync(process.execPath, [bin, 'export', 'decks/injection', '--format', 'spa', '--out', out], { cwd: work, encoding: 'utf8' })
    expect(run.status, String(run.stderr)).toBe(0)
    const server = await serveStatic(path.join(out, 'injection', 'spa'))
    let browser: Browser | undefined
    try {
      browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROMIUM_ARGS })
      const page = await browser.newPage({ viewport: { width: 980, height: 552 } })
      const errors: string[] = []
      const dialogs: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      const markdown = readFileSync(path.join(work, 'decks', 'injection', 'slides.md'), 'utf8')
      const count = parseSync(markdown, 's').slides.length
      let text = ''
      for (let n = 1; n <= count; n++) {
        await page.goto(`${server.url}index.html#/${n}`)
        const slide = page.locator(`.slidev-page-${n}`)
        await slide.waitFor({ state: 'visible' })
        await page.waitForTimeout(150)
        text += `${await slide.innerText()}\n`
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
        expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none')
      }
      expect(errors).toEqual([])
      expect(dialogs).toEqual([])
      expect(await page.title()).not.toBe('owned')
      for (const literal of ['{{ 6 * 7 }}', '{{ $slidev.nav }}', '::right::', '-->', '<!--', '<script>', '{% if x %}', '{{ .Values.image }}']) {
        expect(text, literal).toContain(literal)
      }
      expect(text).not.toContain('42')
    } finally {
      await browser?.close()
      await server.close()
    }
  }, 120_000)
})
