import type { VFile } from 'vfile'

/** vfile messages as `file:line:column: warning: reason` lines, the form editors link to. */
export function formatMessages(file: VFile): string[] {
  return file.messages.map((message) => {
    const line = message.line ?? 1
    const column = message.column ?? 1
    const level = message.fatal ? 'error' : 'warning'
    return `${file.path}:${line}:${column}: ${level}: ${message.reason}`
  })
}
