import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const bin = path.resolve(__dirname, '../bin/lectern.js')

function lectern(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

function scratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-cli-'))
  mkdirSync(path.join(dir, 'notes'))
  return dir
}

describe('lectern build', () => {
  it('builds notes/*.md into decks/<slug>/slides.md and prints one line per deck', () => {
    const dir = scratch()
    writeFileSync(path.join(dir, 'notes', 'alpha.md'), '# Alpha\n\n## One\n\nText here.\n')
    writeFileSync(path.join(dir, 'notes', 'beta.md'), '# Beta\n\n- a\n- b\n')
    const run = lectern(['build'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout.trim().split('\n')).toHaveLength(2)
    expect(run.stdout).toMatch(/decks\/alpha\/slides\.md\s+\d+ slides/)
    expect(readFileSync(path.join(dir, 'decks', 'beta', 'slides.md'), 'utf8')).toContain('# Beta')
  })

  it('writes the same bytes on every build', () => {
    const dir = scratch()
    writeFileSync(path.join(dir, 'notes', 'same.md'), '---\ntitle: Same\n---\n## A\n\nOne. Two.\n\n![pic](p.svg)\n')
    writeFileSync(path.join(dir, 'notes', 'p.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    lectern(['build'], dir)
    const first = readFileSync(path.join(dir, 'decks', 'same', 'slides.md'))
    lectern(['build', '--out', 'again'], dir)
    const second = readFileSync(path.join(dir, 'again', 'same', 'slides.md'))
    expect(second.equals(first)).toBe(true)
    expect(readdirSync(path.join(dir, 'decks', 'same', 'assets'))).toHaveLength(1)
  })

  it('copies an image that exists beside the note into the deck', () => {
    const dir = scratch()
    mkdirSync(path.join(dir, 'notes', 'img'))
    writeFileSync(path.join(dir, 'notes', 'img', 'x.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    writeFileSync(path.join(dir, 'notes', 'pic.md'), '# Pic\n\n![An x](img/x.svg)\n')
    const run = lectern(['build'], dir)
    expect(run.code).toBe(0)
    const deck = readFileSync(path.join(dir, 'decks', 'pic', 'slides.md'), 'utf8')
    const src = /!\[An x\]\((\.\/assets\/[^)]+)\)/.exec(deck)?.[1]
    expect(src).toBeTruthy()
    expect(existsSync(path.join(dir, 'decks', 'pic', src!))).toBe(true)
  })

  it('warns about a missing image with file:line:column and still builds', () => {
    const dir = scratch()
    writeFileSync(path.join(dir, 'notes', 'gone.md'), '# Gone\n\nText.\n\n![lost](nowhere.png)\n')
    const run = lectern(['build'], dir)
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('notes/gone.md:5:1: warning: image `nowhere.png` is not shown')
  })

  it('exits 1 naming the file when a note cannot be read, and still builds the others', () => {
    const dir = scratch()
    writeFileSync(path.join(dir, 'notes', 'good.md'), '# Good\n')
    writeFileSync(path.join(dir, 'notes', 'binary.md'), Buffer.from([0x00, 0x01, 0x02]))
    const run = lectern(['build', 'notes/binary.md', 'notes/missing.md', 'notes/good.md'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('notes/binary.md: not a text file')
    expect(run.stderr).toContain('notes/missing.md: cannot read the note (ENOENT)')
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(path.join(dir, 'decks', 'good', 'slides.md'))).toBe(true)
  })

  it('exits 2 on an unknown flag or command', () => {
    const dir = scratch()
    expect(lectern(['build', '--nope'], dir).code).toBe(2)
    expect(lectern(['frobnicate'], dir).code).toBe(2)
    expect(lectern(['export', '--format', 'gif'], dir).code).toBe(2)
  })

  it.each([['build'], ['export'], []])('prints help for %j', (...command) => {
    const run = lectern([...command, '--help'], os.tmpdir())
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/Usage: lectern/)
  })
})
