import { constants, promises as fs, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { displayPath } from './paths.js'

/** A short random name part: temporary names stay short even beside a 240-character file name. */
function shortId(): string {
  return randomBytes(4).toString('hex')
}

/**
 * Write a file atomically: to a temporary file beside it, then rename into place, so a reader
 * (Slidev's dev server, a browser, CI) never sees half a file.
 * Note: the temporary name does not repeat the file's name, so a long name cannot overflow NAME_MAX.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await makeFolders(path.dirname(file))
  const temp = path.join(path.dirname(file), `.lectern-${shortId()}.tmp`)
  try {
    await fs.writeFile(temp, data)
    await fs.rename(temp, file)
  } catch (error) {
    await fs.rm(temp, { force: true })
    throw error
  }
}

/** A folder lectern cannot create or write through (a symlink inside a deck, /proc, …). */
export class FolderError extends Error {
  readonly code = 'EFOLDER'
}

/**
 * Make `dir` and its missing parents one level at a time, with non-recursive mkdir.
 * Note: Node 20's recursive mkdir spins forever on file systems such as /proc that answer
 * ENOENT to a mkdir; here each level is made once and a failure stops with a FolderError.
 */
export async function makeFolders(dir: string): Promise<void> {
  const full = path.resolve(dir)
  const missing: string[] = []
  for (let current = full; ; current = path.dirname(current)) {
    const stat = await fs.stat(current).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)))
    if (stat) {
      if (!stat.isDirectory()) throw new FolderError(`${displayPath(current)} is not a folder; cannot create ${displayPath(full)}`)
      break
    }
    missing.unshift(current)
    if (path.dirname(current) === current) break
  }
  for (const folder of missing) {
    try {
      await fs.mkdir(folder)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST' && (await fs.stat(folder).catch(() => undefined))?.isDirectory()) continue
      throw new FolderError(`cannot create the folder ${displayPath(folder)} (${code ?? String(error)}); pass another folder`)
    }
  }
}

/**
 * Refuse `file` (inside `root`) when a folder between `root` and it is a symlink or not a
 * folder, so that a write or a delete can never land outside `root`. Missing folders are fine
 * (they will be created as real folders). The file itself is not checked: a rename replaces a
 * symlink there, and readers use `readRegularFile(…, { followSymlinks: false })`.
 */
export async function checkRealFolders(root: string, file: string): Promise<void> {
  const relative = path.relative(root, file)
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) throw new FolderError(`${displayPath(file)} is not inside ${displayPath(root)}`)
  const parts = relative.split(path.sep).slice(0, -1)
  let current = root
  for (const part of parts) {
    current = path.join(current, part)
    const stat = await fs.lstat(current).catch(() => undefined)
    if (!stat) return
    if (stat.isSymbolicLink()) throw new FolderError(`${displayPath(current)} is a symlink; lectern writes and removes files only through real folders, never through a link (remove the link and run again)`)
    if (!stat.isDirectory()) throw new FolderError(`${displayPath(current)} is not a folder; move it away and run again`)
  }
}

/** Write `relative` inside `root` atomically, after `checkRealFolders`. */
export async function writeInside(root: string, relative: string, data: string | Uint8Array): Promise<void> {
  const file = path.join(root, relative)
  await checkRealFolders(root, file)
  await writeFileAtomic(file, data)
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file)
    return true
  } catch {
    return false
  }
}

/** Thrown by `readRegularFile` for a FIFO, a device, a folder or (when not followed) a symlink. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG'
  constructor(file: string, readonly kind: string) {
    super(`${file} is ${kind}, not a regular file`)
  }
}

/**
 * Read a file only if it is a regular file: a FIFO, socket or device is never opened for a
 * blocking read (it would hang), and with `followSymlinks: false` a symlink is refused.
 * Note: the file is opened non-blocking and checked with fstat on the open handle, so it
 * cannot be swapped between the check and the read.
 */
export async function readRegularFile(file: string, options: { followSymlinks?: boolean } = {}): Promise<Buffer> {
  if (options.followSymlinks === false) {
    const link = await fs.lstat(file)
    if (link.isSymbolicLink()) throw new NotRegularFileError(file, 'a symlink')
  }
  const handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) throw new NotRegularFileError(file, kindOf(stat))
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}

/** What kind of file system entry this is, for messages. */
export function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isFile()) return 'a file'
  if (stat.isDirectory()) return 'a folder'
  if (stat.isSymbolicLink()) return 'a symlink'
  if (stat.isFIFO()) return 'a FIFO (named pipe)'
  if (stat.isSocket()) return 'a socket'
  return 'a device'
}

const temporary = new Set<string>()
const exitHooks: Array<() => void> = []
let exitHookInstalled = false

/**
 * Run `hook` (synchronous) when the process exits, before temporary folders are removed: a
 * child that still writes into one is stopped first.
 */
export function onExit(hook: () => void): void {
  exitHooks.push(hook)
  installExitHook()
}

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const hook of exitHooks) {
      try {
        hook()
      } catch {
        // Best effort on the way out.
      }
    }
    removeTemporaryFolders()
  })
}

/**
 * Make a temporary folder that is removed on every exit path, signals included (see
 * `removeTemporaryFolders`). `parent` defaults to the system's temporary folder.
 */
export async function makeTemporaryFolder(prefix: string, parent = os.tmpdir()): Promise<string> {
  installExitHook()
  const dir = await fs.mkdtemp(path.join(parent, prefix))
  temporary.add(dir)
  return dir
}

/** Remove a folder made by `makeTemporaryFolder` (if it is still there). */
export async function removeTemporaryFolder(dir: string): Promise<void> {
  temporary.delete(dir)
  await fs.rm(dir, { recursive: true, force: true, maxRetries: 3 })
}

/** Keep a temporary folder: it was renamed into place and is now an output. */
export function keepTemporaryFolder(dir: string): void {
  temporary.delete(dir)
}

/** Remove every temporary folder still registered, synchronously (for `process.on('exit')`). */
export function removeTemporaryFolders(): void {
  for (const dir of temporary) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
    } catch {
      // Best effort on the way out.
    }
  }
  temporary.clear()
}

/**
 * Replace the folder `target` with the finished folder `fresh` (a sibling) in two renames, so
 * the old contents never mix with the new ones. The old folder is removed afterwards.
 * Note: `fresh` must be a sibling of `target` (a rename does not cross file systems).
 */
export async function swapFolder(fresh: string, target: string): Promise<void> {
  // The old folder takes a name from the fresh one, so a cleanup that knows one knows both.
  const old = `${fresh}-old`
  let moved = false
  try {
    await fs.rename(target, old)
    moved = true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  try {
    // A temporary folder is private (0700); the folder it becomes is read like any other output.
    await fs.chmod(fresh, 0o755)
    await fs.rename(fresh, target)
  } catch (error) {
    if (moved) await fs.rename(old, target).catch(() => undefined)
    throw error
  }
  keepTemporaryFolder(fresh)
  if (moved) await fs.rm(old, { recursive: true, force: true, maxRetries: 3 })
}
