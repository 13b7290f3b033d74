import { countWords } from '../../text.js'

/**
 * Chains and call paths in prose: "the CLI talks to the daemon, which hands work to containerd,
 * which uses runc", "A → B → C", "A uses B … at the core of B is C".
 * Note: confidence first. Every node must be a short noun phrase (at most 5 words) and the chain
 * must have at least three nodes linked end to start; otherwise there is no diagram.
 */
export interface Chain {
  nodes: string[]
  labels: string[]
}

const ARROWS = /\s*(?:→|->|=>|⇒|⟶|-->)\s*/

const VERBS =
  'talks? to|talks? with|communicates? with|sends? (?:\\w+ )?to|hands? (?:\\w+ )?(?:off |over )?to|pass(?:es)? (?:\\w+ )?(?:on )?to|forwards? (?:\\w+ )?to|delegates? (?:\\w+ )?to|calls?|invokes?|uses?|relies on|depends on|asks|connects? to|drives?|instructs?|tells?|launches|starts?|spawns?|hands? off to|goes through|is built on|sits on top of|runs on top of'
const RELATION = new RegExp(`\\b(${VERBS})\\b`, 'i')
const CORE = /\bat the (?:core|heart) of ([^,;]+?) (?:is|sits|lies) ([^,;.]+)/i
const STOP = /\s(?:over|through|via|using|with|to|for|in|on|by|and|so|when|because|instead|before|after|under|from|into|inside)\s|[,;:.()]|$/i
const ARTICLES = /^(?:the|a|an|its|their|this|that|each|every)\s+/i

function cleanEntity(raw: string): string | undefined {
  let text = raw.trim().replace(ARTICLES, '').replace(/[`*_]/g, '').trim()
  text = text.replace(/[\s,;:.]+$/, '')
  if (!text || countWords(text) > 5 || countWords(text) === 0) return undefined
  if (/^(?:it|they|them|this|that|these|those|which|who|work|requests?|jobs?)$/i.test(text)) return undefined
  return text
}

/** The object of a relation: the noun phrase right after the verb, up to a preposition or comma. */
function objectAfter(text: string): string | undefined {
  const alias = /^([^(),;]+?\([^()]{1,30}\))/.exec(text.trim())
  if (alias && countWords(alias[1]) <= 5) return cleanEntity(alias[1])
  const match = STOP.exec(text)
  return cleanEntity(match ? text.slice(0, match.index) : text)
}

function key(entity: string): Set<string> {
  return new Set(
    entity
      .toLowerCase()
      .replace(/[()]/g, ' ')
      .split(/[^\p{L}\p{N}-]+/u)
      .filter((word) => word && !/^(?:the|a|an|of|docker's)$/.test(word)),
  )
}

/** Two names for one thing: one's words contain the other's ("daemon" ⊂ "Docker daemon (dockerd)"). */
export function sameEntity(a: string, b: string): boolean {
  const ka = key(a)
  const kb = key(b)
  if (!ka.size || !kb.size) return false
  const [small, large] = ka.size <= kb.size ? [ka, kb] : [kb, ka]
  return [...small].every((word) => large.has(word))
}

interface Pair {
  from: string
  to: string
  label: string
}

/** Relations (subject → object) stated in a paragraph's sentences, in order. */
function relations(text: string): Pair[] {
  const pairs: Pair[] = []
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const core = CORE.exec(sentence)
    if (core) {
      const from = cleanEntity(core[1])
      const to = objectAfter(core[2])
      if (from && to) pairs.push({ from, to, label: '' })
    }
    // Clauses: "X talks to Y, which hands work to Z, which uses W to start …"
    const clauses = sentence.split(/,?\s+(?:which|that|then|and then|who)\s+|,\s+then\s+/i)
    let subject: string | undefined
    for (const clause of clauses) {
      const match = RELATION.exec(clause)
      if (!match) {
        // "The daemon handles images, …, then hands work to containerd": the next clause's subject.
        subject = leadingNounPhrase(clause)
        continue
      }
      const before = clause.slice(0, match.index)
      const from = subject ?? lastNounPhrase(before)
      const to = objectAfter(clause.slice(match.index + match[0].length))
      if (from && to && !sameEntity(from, to)) {
        pairs.push({ from, to, label: match[1].toLowerCase().replace(/\s+\w+\s+(to)$/, ' $1') })
        subject = to
      } else {
        subject = to
      }
    }
  }
  return pairs
}

/** The noun phrase a clause starts with: its words up to the first verb-like word ("handles", "is"). */
function leadingNounPhrase(clause: string): string | undefined {
  const words = clause.trim().split(/\s+/)
  for (let i = 1; i < Math.min(words.length, 7); i++) {
    if (/^(?:is|are|was|has|have|can|will|must|should|does|do|[a-z]{3,}s)$/.test(words[i]) && !/^(?:its|this|his|us|plus)$/i.test(words[i])) {
      return cleanEntity(words.slice(0, i).join(' '))
    }
  }
  return undefined
}

function lastNounPhrase(text: string): string | undefined {
  const trimmed = text.replace(/^.*(?:[,;:]|\bthen\b)\s*/i, '').trim()
  return cleanEntity(trimmed)
}

/** The longest chain of at least three nodes in a paragraph's text, if any. */
export function findChain(text: string): Chain | undefined {
  // Explicit arrows: "client → daemon → containerd → runc".
  for (const line of text.split(/\n|(?<=[.!?])\s+/)) {
    const parts = line.split(ARROWS)
    if (parts.length >= 3) {
      const first = parts[0].split(/\s(?:goes|go|flows?|runs?|is|are|from|through|path|chain|order)\s|:\s*/i).pop() ?? parts[0]
      const nodes = parts.map((part, i) => (i === 0 ? lastNounPhrase(first) : objectAfter(part)))
      if (nodes.every(Boolean)) return { nodes: nodes as string[], labels: nodes.slice(1).map(() => '') }
    }
  }
  const pairs = relations(text)
  let best: Chain | undefined
  for (let i = 0; i < pairs.length; i++) {
    const nodes = [pairs[i].from, pairs[i].to]
    const labels = [pairs[i].label]
    let last = pairs[i].to
    for (let j = i + 1; j < pairs.length; j++) {
      if (sameEntity(pairs[j].from, last) && !nodes.some((node) => sameEntity(node, pairs[j].to))) {
        nodes.push(pairs[j].to)
        labels.push(pairs[j].label)
        last = pairs[j].to
      }
    }
    if (nodes.length >= 3 && (!best || nodes.length > best.nodes.length)) best = { nodes, labels }
  }
  return best
}
