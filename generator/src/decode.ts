import chardet from 'chardet'
import iconv from 'iconv-lite'
import { LecternError } from './errors.js'

export interface DecodedNote {
  text: string
  /** The encoding the bytes were read as. */
  encoding: string
  /** Where double-encoded UTF-8 (mojibake such as `â€™`) was repaired: 1-based line numbers. */
  repairedLines: number[]
}

/**
 * Turn a note's bytes into text: UTF-8 (BOM stripped) or UTF-16 with a BOM; anything else is
 * detected (chardet) and decoded (iconv-lite), e.g. Windows-1252 from older Windows editors.
 * CRLF and CR become LF, and mojibake from double-encoded UTF-8 is repaired.
 * Note: a NUL byte outside UTF-16 means the file is not text; we refuse it rather than print garbage.
 */
export function decodeNote(bytes: Uint8Array, path: string): DecodedNote {
  let text: string
  let encoding = 'UTF-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'UTF-16LE'
    text = iconv.decode(Buffer.from(bytes), 'utf-16le')
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'UTF-16BE'
    text = iconv.decode(Buffer.from(bytes), 'utf-16be')
  } else {
    if (bytes.includes(0)) {
      throw new LecternError(`${path}: not a text file (it contains NUL bytes); give lectern a markdown note`)
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      encoding = legacyEncoding(bytes)
      text = iconv.decode(Buffer.from(bytes), encoding)
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  text = text.replace(/\r\n?/g, '\n')
  const repaired = repairMojibake(text)
  return { text: repaired.text, encoding, repairedLines: repaired.lines }
}

/** The most likely single-byte encoding of bytes that are not UTF-8 (Windows-1252 when unsure). */
function legacyEncoding(bytes: Uint8Array): string {
  const guess = chardet.detect(bytes)
  // Latin-1 and Windows-1252 agree on letters; Windows-1252 also has the curly quotes and dashes.
  if (!guess || /^(?:ISO-8859-1|windows-1252|ASCII|UTF-8)$/i.test(guess)) return 'windows-1252'
  return iconv.encodingExists(guess) ? guess : 'windows-1252'
}

// Characters that UTF-8 bytes turn into when read as Windows-1252 (or Latin-1).
const CP1252_HIGH = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'
const SUSPECT = new RegExp(`[\\u0080-\\u00ff${CP1252_HIGH}]{2,}`, 'g')

function toBytes(run: string): Uint8Array | undefined {
  const bytes: number[] = []
  for (const char of run) {
    const code = char.codePointAt(0)!
    if (code <= 0xff) bytes.push(code)
    else {
      const encoded = iconv.encode(char, 'windows-1252')
      if (encoded.length !== 1 || encoded[0] === 0x3f) return undefined
      bytes.push(encoded[0])
    }
  }
  return Uint8Array.from(bytes)
}

/**
 * Repair mojibake: runs like `â€™` or `Ã©` that are UTF-8 bytes read as Windows-1252 are
 * decoded back (twice, for text that was double-encoded twice). A run is only replaced when its
 * bytes are valid UTF-8, so real accented text ("naïve", "Æsir") is left alone.
 */
export function repairMojibake(text: string): { text: string; lines: number[] } {
  const lines = new Set<number>()
  let current = text
  for (let pass = 0; pass < 2; pass++) {
    let changed = false
    current = current.replace(SUSPECT, (run, offset: number) => {
      const bytes = toBytes(run)
      if (!bytes || !bytes.some((b) => b >= 0xc2 && b <= 0xf4)) return run
      let decoded: string
      try {
        decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        return fixPrefix(run, offset)
      }
      changed = true
      lines.add(lineAt(current, offset))
      return decoded
    })
    if (!changed) break
  }
  return { text: current, lines: [...lines].sort((a, b) => a - b) }

  // A run may end with a real accented letter after the mojibake ("â€™é"): repair the longest valid prefix.
  function fixPrefix(run: string, offset: number): string {
    for (let end = run.length - 1; end >= 2; end--) {
      const bytes = toBytes(run.slice(0, end))
      if (!bytes) continue
      try {
        const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
        lines.add(lineAt(current, offset))
        return decoded + run.slice(end)
      } catch {
        // keep shrinking
      }
    }
    return run
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++
  return line
}
