import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { LecternError } from '../errors.js'
import { displayPath } from '../paths.js'

const require = createRequire(import.meta.url)

/** The path of Slidev's CLI script, from the installed @slidev/cli. */
export function slidevBin(): string {
  const pkgPath = require.resolve('@slidev/cli/package.json')
  const pkg = require(pkgPath) as { bin: string | Record<string, string> }
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.slidev
  return path.join(path.dirname(pkgPath), bin)
}

/**
 * Build a deck into a static SPA with `slidev build` (hash routing, relative base, so it can be
 * hosted at any path). Slidev's output is kept and shown only when the build fails.
 */
export async function buildSpa(deckDir: string, outDir: string, options: { fast?: boolean } = {}): Promise<void> {
  const entry = path.join(deckDir, 'slides.md')
  const args = [slidevBin(), 'build', entry, '--out', outDir, '--base', './', '--router-mode', 'hash']
  const output: string[] = []
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: deckDir,
      // LECTERN_FAST: the SPA is only printed, never hosted, so the theme skips minifying it.
      env: { ...process.env, NODE_NO_WARNINGS: '1', CI: process.env.CI ?? '1', ...(options.fast ? { LECTERN_FAST: '1' } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve(status ?? 1))
  })
  if (code !== 0) {
    const tail = output.join('').trim().split('\n').slice(-12).join('\n')
    throw new LecternError(`${displayPath(entry)}: slidev build failed (exit ${code}):\n${tail}`)
  }
}
