import { LecternError } from './errors.js'

/**
 * Turn a note's bytes into text: UTF-8 (BOM stripped), else Windows-1252; CRLF and CR become LF.
 * Note: a NUL byte means the file is not text; we refuse it rather than print garbage slides.
 */
export function decodeNote(bytes: Uint8Array, path: string): string {
  if (bytes.includes(0)) {
    throw new LecternError(`${path}: not a text file (it contains NUL bytes); give lectern a markdown note`)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Not valid UTF-8: notes saved by older Windows editors are Windows-1252 (a superset of Latin-1).
    text = new TextDecoder('windows-1252').decode(bytes)
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  return text.replace(/\r\n?/g, '\n')
}
