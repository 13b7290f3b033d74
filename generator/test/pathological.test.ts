/**
 * Small notes whose shape made the parser or the planner quadratic (tens of seconds, or a stack
 * overflow): each must build with the real CLI about as fast as an ordinary note of the same
 * size, with no stack trace, and say where it was cut (file:line:col warning).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const bin = path.resolve(__dirname, '../bin/lectern.js')

/** Ordinary prose (short sentences, a handful of words) of about `size` characters. */
function prose(size: number): string {
  const words = ['the', 'harbour', 'tax', 'raised', 'prices', 'of', 'grain', 'and', 'salt', 'for', 'inland', 'towns']
  const out: string[] = []
  let length = 0
  for (let i = 0; length < size; i++) {
    const sentence = Array.from({ length: 12 }, (_, k) => words[(i * 7 + k * 5) % words.length]).join(' ')
    const text = `${sentence[0].toUpperCase()}${sentence.slice(1)}.`
    out.push(text)
    length += text.length + 1
  }
  return out.join(' ')
}

interface Run {
  ms: number
  status: number | null
  stderr: string
  slides: string
}

/** Build a one-paragraph note with the real CLI and time it. */
function build(name: string, paragraph: string): Run {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-patho-'))
  writeFileSync(path.join(dir, `${name}.md`), `# Survey\n\n## Part\n\n${paragraph}\n`)
  const start = performance.now()
  const run = spawnSync(process.execPath, [bin, 'build', `${name}.md`, '--out', 'decks'], { cwd: dir, encoding: 'utf8', timeout: 120_000 })
  const ms = performance.now() - start
  let slides = ''
  try {
    slides = readFileSync(path.join(dir, 'decks', name, 'slides.md'), 'utf8')
  } catch {
    // no deck: the assertions below say so
  }
  return { ms, status: run.status, stderr: run.stderr, slides }
}

/** Generous: twice the plain note's time plus 3 s (the machine is shared), far below the old minutes. */
function expectAboutAsFast(hostile: Run, plain: Run): void {
  expect(plain.status).toBe(0)
  expect(hostile.ms, `hostile ${Math.round(hostile.ms)} ms, plain ${Math.round(plain.ms)} ms`).toBeLessThan(plain.ms * 2 + 3000)
}

function expectClean(run: Run): void {
  expect(run.status, run.stderr).toBe(0)
  expect(run.stderr).not.toMatch(/^\s+at\s|Maximum call stack|RangeError|TypeError/m)
  for (const line of run.stderr.split('\n').filter((l) => l.includes('warning:'))) expect(line).toMatch(/^\S+\.md:\d+:\d+: warning: /)
}

describe('lectern build on pathological paragraphs', () => {
  it('a 21 KB "A talks to B, which talks to …" chain builds as fast as prose of that size', () => {
    const chain = 'A talks to ' + Array.from({ length: 1000 }, (_, i) => `B${i}`).join(', which talks to ') + '.'
    const hostile = build('chain', chain)
    expectClean(hostile)
    expect(hostile.slides).toContain('B999')
    expectAboutAsFast(hostile, build('plain', prose(chain.length)))
  }, 240_000)

  it('40 KB of "*_" builds fast; the markers past the bound are kept as text, with a warning', () => {
    const marks = '*_'.repeat(20_000)
    const hostile = build('marks', marks)
    expectClean(hostile)
    expect(hostile.stderr).toMatch(/marks\.md:5:\d+: warning: .*kept as plain characters/)
    expect(hostile.slides).toMatch(/(?:_\*){1000}/) // kept: in the speaker notes
    expectAboutAsFast(hostile, build('plain', prose(marks.length)))
  }, 240_000)

  it('50,000 ">" give a warning with a place, not a stack overflow, and build fast', () => {
    const quotes = '>'.repeat(50_000) + ' x'
    const hostile = build('quotes', quotes)
    expectClean(hostile)
    expect(hostile.stderr).toMatch(/quotes\.md:5:17: warning: block quote nested 50000 levels deep/)
    expect(hostile.slides).toMatch(/>{1000}/)
    expectAboutAsFast(hostile, build('plain', prose(quotes.length)))
  }, 240_000)

  it('80 KB of "a]" (each "]" looked back for its "[") builds fast, with a warning', () => {
    const closers = 'a]'.repeat(40_000)
    const hostile = build('closers', closers)
    expectClean(hostile)
    expect(hostile.stderr).toMatch(/closers\.md:5:\d+: warning: .*"\[" and "\]"/)
    expect(hostile.slides).toMatch(/(?:a\\?\]){1000}/)
    expectAboutAsFast(hostile, build('plain', prose(closers.length)))
  }, 240_000)

  it('a list nested 600 levels deep builds as fast as prose of that size; items past the bound are text, with a warning', () => {
    const deep = Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i)}- level ${i} of the outline`).join('\n')
    const hostile = build('deep', deep)
    expectClean(hostile)
    // The 17th item (line 5 + 16) is the first one past the bound: its "-" is at column 33.
    expect(hostile.stderr).toMatch(/deep\.md:21:33: warning: a list nested more than 16 levels deep/)
    expect(hostile.slides).toContain('level 599 of the outline')
    expectAboutAsFast(hostile, build('plain', prose(deep.length)))
  }, 240_000)

  it('320 KB of "<!--" in one paragraph builds as fast as the same characters split into words ("<!- ")', () => {
    const hostile = build('comments', '<!--'.repeat(80_000))
    expectClean(hostile)
    expect(hostile.slides).toMatch(/(?:&lt;!--){1000}/) // kept: in the speaker notes, as text
    expectAboutAsFast(hostile, build('plain', '<!- '.repeat(80_000)))
  }, 240_000)
})
