/**
 * How a code block is cut over slides: only at blank lines or statement boundaries (for an
 * indented language, the lines at the smallest indentation of the block or of the statement
 * being cut), parts as even as they fit, and no line ever cut inside a word. Fixtures are
 * written for these tests.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { codeRows, lineRows } from '../src/plan/blocks/code.js'

const codeSlides = (note: string): string[] =>
  deckOf(note)
    .slides.flatMap((slide) => slide.body)
    .flatMap((block) => (block.type === 'code' ? [block.value] : []))

describe('code split', () => {
  it('cuts a long YAML file between its top-level children, never in the middle of one', () => {
    const job = (name: string, steps: number): string[] => [
      `  ${name}:`,
      `    runs-on: worker-${name}`,
      '    steps:',
      ...Array.from({ length: steps }, (_, i) => [`    - run: make part-${i}`, `      timeout: ${i + 2}m`]).flat(),
    ]
    const yaml = ['title: nightly pipeline', 'trigger: schedule', 'stages:', ...job('compile', 2), ...job('verify', 4)].join('\n')
    const note = `# Pipelines\n\n## A pipeline file\n\nThe file below defines two stages:\n\n\`\`\`yaml\n${yaml}\n\`\`\`\n`
    const parts = codeSlides(note)
    expect(parts.length).toBe(2)
    // The second part starts at a stage, with everything that stage owns.
    expect(parts[1].split('\n')[0]).toBe('  verify:')
    expect(parts[0].split('\n').at(-1)).not.toMatch(/:\s*$/)
    expect(parts.join('\n')).toBe(yaml)
  })

  it('never leaves one command alone when the commands can be spread evenly', () => {
    const commands = [
      'sudo apt-get update',
      'sudo apt-get install -y ripgrep fd-find jq curl ca-certificates gnupg',
      'curl -fsSL https://example.org/keys/archive.asc | sudo gpg --dearmor -o /usr/share/keyrings/example-archive.gpg',
      'printf "deb [signed-by=/usr/share/keyrings/example-archive.gpg] \\\n  https://example.org/debian stable main\\n" \\\n  | sudo tee /etc/apt/sources.list.d/example.list > /dev/null',
      'sudo apt-get update',
      'sudo apt-get install -y example-tool example-tool-plugins example-tool-docs example-tool-extras example-tool-lang-en example-tool-lang-de',
    ]
    const note = `# Setup\n\n## Install the tool\n\n\`\`\`sh\n${commands.join('\n\n')}\n\`\`\`\n`
    const parts = codeSlides(note)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(part.split('\n').filter((line) => line.trim()).length).toBeGreaterThan(1)
  })

  it('keeps every line of code whole on the slide (the theme wraps it at spaces)', () => {
    const line = 'rsync --archive --compress --rsh "ssh -o StrictHostKeyChecking=accept-new" ./reports/ archivist@backup.example.org:/srv/archive/quarterly-reports/'
    const note = `# Backups\n\n## Copy the reports\n\n\`\`\`sh\n${line}\n\`\`\`\n`
    expect(codeSlides(note)).toEqual([line])
  })

  it.each([
    ['a short line', 'ls -la', 1],
    ['a line of 100 characters in words of ten', Array.from({ length: 10 }, () => 'abcdefghi').join(' '), 2],
    ['a path longer than a row, after a word', `cat /${'x'.repeat(150)}`, 3],
  ])('counts the rows of %s as the theme wraps it', (_, line, rows) => {
    expect(lineRows(line)).toBe(rows)
  })

  it('does not count blank lines at the end of a block', () => {
    expect(codeRows('a = 1\nb = 2\n\n\n')).toBe(2)
  })

  it('lets the theme break code lines only where a word ends', () => {
    const css = readFileSync(new URL('../../themes/lectern/styles/base.css', import.meta.url), 'utf8')
    const pre = /\.slidev-layout pre, \.slidev-layout pre code, \.slidev-layout \.shiki \{([^}]*)\}/.exec(css)?.[1] ?? ''
    expect(pre).toMatch(/overflow-wrap:\s*break-word/)
    expect(pre).not.toMatch(/break-all|anywhere/)
  })
})
