import { promises as fs } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { LecternError } from '../errors.js'
import { displayPath } from '../paths.js'
import { kindOf, readRegularFile } from '../fsutil.js'
import { isInside } from './deckfolder.js'

/** Files above this size get a warning: Slidev and Chromium hold every image in memory, several times. */
export const LARGE_FILE_BYTES = 20 * 1024 * 1024

/**
 * Read a deck folder before Slidev sees it, and return the hash of its files (names and bytes).
 * Note: the folder is read with lstat: a FIFO, socket or device, or a symlink that leads out of
 * the deck, is an error (Slidev would hang on it, or publish what it points to). Files over
 * `LARGE_FILE_BYTES` are a warning.
 */
export async function scanDeck(deckDir: string, warn: (line: string) => void): Promise<string> {
  const hash = createHash('sha256')
  const root = await fs.realpath(deckDir)
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await fs.readdir(dir)).sort()) {
      // Slidev and Vite keep caches in the deck folder; they are not inputs.
      if (name === 'node_modules' || name === '.slidev') continue
      const full = path.join(dir, name)
      const shown = displayPath(full)
      const stat = await fs.lstat(full)
      if (stat.isSymbolicLink()) {
        const target = await fs.realpath(full).catch(() => undefined)
        if (!target || !isInside(target, root)) {
          throw new LecternError(`${shown}: is a symlink that leads out of the deck (to ${await fs.readlink(full)}); lectern does not export it, replace it with the files themselves`)
        }
        hash.update(path.relative(deckDir, full)).update(await fs.readlink(full))
      } else if (stat.isDirectory()) {
        await walk(full)
      } else if (stat.isFile()) {
        if (stat.size > LARGE_FILE_BYTES) {
          warn(`${shown}: warning: ${Math.round(stat.size / 1024 / 1024)} MB; files over ${LARGE_FILE_BYTES / 1024 / 1024} MB make the export slow and memory-hungry (shrink the image)`)
        }
        hash.update(path.relative(deckDir, full)).update(await readRegularFile(full, { followSymlinks: false }))
      } else {
        throw new LecternError(`${shown}: is ${kindOf(stat)}, not a regular file; lectern does not export a deck that holds one (remove it)`)
      }
    }
  }
  await walk(deckDir)
  return hash.digest('hex')
}

