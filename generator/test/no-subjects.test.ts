import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const srcDir = path.resolve(__dirname, '../src')

/** Every source file of the generator, with its text. */
function sources(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sources(full)
    return entry.name.endsWith('.ts') ? [{ file: path.relative(srcDir, full), text: readFileSync(full, 'utf8') }] : []
  })
}

/**
 * Subject words of our own example notes (notes/docker.md, notes/kubernetes.md,
 * notes/virtualization-vs-containers.md). Heuristics must read the shape of the text, so none of
 * them may appear in the generator's code or comments.
 */
const SUBJECT_WORDS = [
  'container',
  'docker',
  'dockerd',
  'dockerfile',
  'containerd',
  'runc',
  'kubernetes',
  'k8s',
  'kubelet',
  'etcd',
  'pod',
  'statefulset',
  'hypervisor',
  'virtual machine',
  'vm',
  'guest os',
  'bare metal',
  'registry',
  'control plane',
  'worker node',
  'daemon',
  'cgroup',
  'kernel',
]

/** Names that are not our subject: Slidev's CSS class for a printed slide, and export/png.ts's locator of it. */
const ALLOWED = /print-slide-container|\bcontainers\.(?:count|nth)\b|const containers = page\.locator/g

describe('no subject names in the generator', () => {
  const files = sources(srcDir)

  it('reads the generator sources', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  it.each(SUBJECT_WORDS)('never mentions %j in generator/src', (word) => {
    const pattern = new RegExp(`\\b${word.replace(/ /g, '[\\s-]+')}s?\\b`, 'i')
    const hits = files.filter(({ text }) => pattern.test(text.replace(ALLOWED, ''))).map(({ file }) => file)
    expect(hits).toEqual([])
  })
})
