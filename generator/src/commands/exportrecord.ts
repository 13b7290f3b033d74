import { promises as fs } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { displayPath } from '../paths.js'
import { checkRealFolders, readRegularFile, writeFileAtomic } from '../fsutil.js'

/** The export manifest's file name, in each deck's export folder. */
export const EXPORT_MANIFEST = '.lectern-export.json'

/** One file an export wrote: its hash and the hash of the deck it was made from. */
export interface ExportedFile {
  hash: string
  deck: string
}

/** What `.lectern-export.json` records: the last export's inputs and every file lectern wrote. */
export interface ExportRecord {
  inputs: string
  /** Output file path relative to the export folder (POSIX) → what it holds and came from. */
  outputs?: Record<string, ExportedFile>
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The export folder's record, or an empty one when it is missing or damaged. */
export async function readExportRecord(outDir: string): Promise<ExportRecord> {
  try {
    const data = JSON.parse((await readRegularFile(path.join(outDir, EXPORT_MANIFEST), { followSymlinks: false })).toString('utf8')) as ExportRecord
    if (!data || typeof data !== 'object') return { inputs: '' }
    const outputs = data.outputs && typeof data.outputs === 'object' ? data.outputs : undefined
    return { inputs: typeof data.inputs === 'string' ? data.inputs : '', ...(outputs ? { outputs } : {}) }
  } catch {
    return { inputs: '' }
  }
}

/** The regular files under `output` (a file, or a folder such as spa/ or png/), by relative path → hash. */
async function hashOutputs(outDir: string, output: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (full: string): Promise<void> => {
    const stat = await fs.lstat(full).catch(() => undefined)
    if (!stat) return
    if (stat.isDirectory()) {
      for (const name of (await fs.readdir(full)).sort()) await walk(path.join(full, name))
    } else if (stat.isFile()) {
      out[path.relative(outDir, full).split(path.sep).join('/')] = sha256(await readRegularFile(full, { followSymlinks: false }))
    }
  }
  await walk(output)
  return out
}

/**
 * Record this export and remove what earlier exports wrote from an older deck. Files written
 * now are recorded with `deck`; earlier files made from the same deck stay (and stay recorded);
 * earlier files made from another deck are removed when they still hold what lectern wrote (a
 * regular file, reached through real folders, with the recorded hash). Returns the removed
 * outputs (top-level names such as `plan.pdf` or `png/`) for a message.
 * Note: files lectern did not write (not in the record, or changed since) are never removed.
 */
export async function recordExport(outDir: string, inputs: string, deck: string, written: string[]): Promise<string[]> {
  const previous = (await readExportRecord(outDir)).outputs ?? {}
  const outputs: Record<string, ExportedFile> = {}
  for (const output of written) {
    for (const [name, hash] of Object.entries(await hashOutputs(outDir, output))) outputs[name] = { hash, deck }
  }
  const removed = new Set<string>()
  const folders = new Set<string>()
  for (const [name, entry] of Object.entries(previous)) {
    if (name in outputs || !entry || typeof entry.hash !== 'string') continue
    if (!name || path.isAbsolute(name) || name.split(/[\\/]/).includes('..') || name === EXPORT_MANIFEST) continue
    const file = path.join(outDir, name)
    const bytes = await readRegularFile(file, { followSymlinks: false }).catch(() => undefined)
    if (!bytes || sha256(bytes) !== entry.hash) continue
    if (entry.deck === deck) {
      outputs[name] = entry
      continue
    }
    await checkRealFolders(outDir, file)
    await fs.rm(file, { force: true })
    const top = name.split('/')[0]
    removed.add(displayPath(path.join(outDir, top)) + (name.includes('/') ? '/' : ''))
    for (let dir = path.dirname(file); dir !== outDir && dir.startsWith(outDir + path.sep); dir = path.dirname(dir)) folders.add(dir)
  }
  // Folders emptied by the removal go too (deepest first); a folder with anything left stays.
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) await fs.rmdir(dir).catch(() => undefined)
  const sorted = Object.fromEntries(Object.entries(outputs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  await writeFileAtomic(path.join(outDir, EXPORT_MANIFEST), `${JSON.stringify({ inputs, outputs: sorted }, null, 2)}\n`)
  return [...removed].sort()
}
