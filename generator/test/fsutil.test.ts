import { mkdtempSync, statSync, writeFileSync, existsSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTemporaryFolder, swapFolder } from '../src/fsutil.js'

describe('swapFolder', () => {
  it('puts a fresh folder in place of the old one, readable by others like any output (not 0700)', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'lectern-swap-'))
    const target = path.join(parent, 'spa')
    const first = await makeTemporaryFolder('.spa-', parent)
    writeFileSync(path.join(first, 'index.html'), 'old deck')
    await swapFolder(first, target)
    const second = await makeTemporaryFolder('.spa-', parent)
    writeFileSync(path.join(second, 'index.html'), 'new deck')
    await swapFolder(second, target)
    expect(readFileSync(path.join(target, 'index.html'), 'utf8')).toBe('new deck')
    expect(existsSync(second)).toBe(false)
    expect(statSync(target).mode & 0o777).toBe(0o755)
  })
})
