import type { Root } from 'mdast'
import os from 'node:os'
import { MessageChannel, Worker, isMainThread, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads'
import { markdownReader } from './markdown.js'
import { parseInPieces } from './markdown-pieces.js'
import { loadTagger, taggerOutputs, type TaggerOutputs } from './grammar/index.js'

/**
 * A second thread for a long note (a worker running this same module). It does work whose
 * results do not depend on where they are worked out, so the deck's bytes stay the same:
 * 1. it parses chunks of the note while this thread parses others (both take the next chunk
 *    not yet taken, through an atomic counter, so a worker that starts late only parses fewer);
 * 2. it then tags sentences with the English model ahead of the planner, which takes a tagging
 *    from it when it has one (grammar/index.ts) and tags the sentence itself when not.
 * Note: this thread never waits for the worker except for a chunk the worker is parsing. The
 * worker costs more CPU in all than it saves here (it loads the parser and the model again), so
 * by default it starts only when a core is idle: on a busy machine it would slow the build down.
 */

/** Fewest chunks worth a worker: starting one costs about 0.2 s of CPU (loading micromark). */
const HELPER_CHUNKS = 3
/** How long the worker may go without finishing a chunk before this thread parses what it took. */
const STALL_MS = 20_000
/** Sentences the worker tags per message. */
const TAG_BATCH = 64

/** One chunk of a note as the parser reads it (in 8 KB pieces where that gives the same tree). */
export function parseChunk(text: string): Root {
  return parseInPieces(text, (piece) => markdownReader.parse(piece) as Root)
}

interface Shared {
  /** [0]: the next chunk to take; [1]: chunks the worker has posted (it wakes the waiting thread). */
  counters: Int32Array
  chunks: string[]
  port: MessagePort
}

type Posted =
  | { kind: 'tree'; index: number; tree: Root }
  | { kind: 'failed'; index: number }
  | { kind: 'tags'; texts: string[]; outputs: TaggerOutputs[] }

/** The worker of one long note, as this thread sees it. */
export interface Helper {
  /** Parse each chunk of the note (`parseChunk`), in order, some of them on the worker. */
  parseChunks(): Root[]
  /** Have the worker tag these texts (English sentences), in order. */
  tagAhead(texts: string[]): void
  /** The model's outputs for a text the worker has tagged, if it has (each is taken once). */
  takeTags(text: string): TaggerOutputs | undefined
  /** Stop the worker. */
  close(): void
  /** How many chunks the worker parsed. */
  readonly workerChunks: number
}

/** When a long note gets a helper thread: when a core is idle (the 1-minute load is under the core count), always, or never. */
export type HelperUse = 'idle-core' | 'always' | 'never'

/**
 * A helper thread for a note cut into `chunks`, or undefined when the note is too short to
 * gain from one, `use` says no, or this module runs from TypeScript sources (as in tests),
 * where a worker cannot load it.
 */
export function startHelper(chunks: string[], use: HelperUse = 'idle-core'): Helper | undefined {
  const own = new URL(import.meta.url)
  if (use === 'never' || chunks.length < HELPER_CHUNKS || !own.pathname.endsWith('.js')) return undefined
  if (use === 'idle-core' && os.loadavg()[0] >= os.availableParallelism()) return undefined
  const counters = new Int32Array(new SharedArrayBuffer(8))
  const { port1: port, port2 } = new MessageChannel()
  const shared: Shared = { counters, chunks, port: port2 }
  const worker = new Worker(own, { workerData: { lecternHelper: shared }, transferList: [port2] })
  // A worker that fails only means this thread does all the work.
  worker.on('error', () => {})
  worker.unref()
  const trees: Array<Root | undefined> = new Array(chunks.length)
  const tagged = new Map<string, TaggerOutputs>()
  let failed = false
  let workerChunks = 0
  const take = (): void => {
    for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
      const posted = message.message as Posted
      if (posted.kind === 'tree') {
        trees[posted.index] = posted.tree
        workerChunks++
      }
      else if (posted.kind === 'failed') failed = true
      else posted.texts.forEach((text, k) => tagged.set(text, posted.outputs[k]))
    }
  }
  return {
    parseChunks() {
      for (let k = Atomics.add(counters, 0, 1); k < chunks.length; k = Atomics.add(counters, 0, 1)) trees[k] = parseChunk(chunks[k])
      // Wait for the chunks the worker took, until it fails on one or stalls.
      for (;;) {
        const posted = Atomics.load(counters, 1)
        take()
        if (failed || !trees.includes(undefined)) break
        if (Atomics.wait(counters, 1, posted, STALL_MS) === 'timed-out') break
      }
      return trees.map((tree, k) => tree ?? parseChunk(chunks[k]))
    },
    tagAhead(texts) {
      port.postMessage(texts)
    },
    takeTags(text) {
      let outputs = tagged.get(text)
      if (!outputs) {
        take()
        outputs = tagged.get(text)
      }
      if (outputs) tagged.delete(text)
      return outputs
    },
    close() {
      port.close()
      void worker.terminate()
    },
    get workerChunks() {
      return workerChunks
    },
  }
}

/** The worker: parse chunks until none is left, load the model, then tag what it is sent. */
function work({ counters, chunks, port }: Shared): void {
  for (let k = Atomics.add(counters, 0, 1); k < chunks.length; k = Atomics.add(counters, 0, 1)) {
    let posted: Posted
    try {
      posted = { kind: 'tree', index: k, tree: parseChunk(chunks[k]) }
    } catch {
      posted = { kind: 'failed', index: k }
    }
    port.postMessage(posted)
    Atomics.add(counters, 1, 1)
    Atomics.notify(counters, 1)
  }
  loadTagger()
  port.on('message', (texts: string[]) => {
    for (let start = 0; start < texts.length; start += TAG_BATCH) {
      const batch = texts.slice(start, start + TAG_BATCH)
      port.postMessage({ kind: 'tags', texts: batch, outputs: batch.map(taggerOutputs) } satisfies Posted)
    }
  })
}

const job = isMainThread ? undefined : (workerData as { lecternHelper?: Shared } | undefined)?.lecternHelper
if (job) work(job)
