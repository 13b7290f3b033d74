/** An error meant for the user: printed as one line, never with a stack trace. */
export class LecternError extends Error {
  /** 1: the job failed; 2: bad usage. */
  readonly exitCode: 1 | 2
  constructor(message: string, exitCode: 1 | 2 = 1) {
    super(message)
    this.name = 'LecternError'
    this.exitCode = exitCode
  }
}

/** Bad command-line usage (exit code 2). */
export class UsageError extends LecternError {
  constructor(message: string) {
    super(message, 2)
    this.name = 'UsageError'
  }
}

/** An unexpected error's message as one line (Playwright and Node messages carry call logs). */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n').find((line) => line.trim())?.trim() ?? text
}
