import { countWords } from '../../text.js'
import { CORE_FRAMES, NON_LINK_VERBS, PRONOUNS, RELATIVES, RETURN_CUES, SEQUENCE_LINKS, TARGET_PREPOSITIONS, alternation } from '../../grammar/en.js'
import { isNoun, isVerb, phraseText, splitSubject, termsOf, type Term } from '../phrase.js'

/**
 * Chains in prose: "the kidney filters blood, which passes to the bladder, which empties into
 * the urethra", "A → B → C", "A sends B to C. C hands it to D". Relations come from grammar:
 * a noun phrase, the verb after it (with its preposition) and the noun phrase that follows.
 * Note: confidence first. Every node must be a short noun phrase (at most 5 words) and the chain
 * must have at least three nodes linked end to start (two stated relations); otherwise there is
 * no diagram.
 */
export interface Chain {
  nodes: string[]
  labels: string[]
  /** What the text says comes back along the chain, and where to ("the receipt goes back to the buyer"). */
  returns?: ChainReturn
}

/** A return path: the thing that comes back (edge label) and the node it reaches, when not the chain's first. */
export interface ChainReturn {
  label: string
  to?: string
}

/** Relations read per paragraph, and nodes per chain: enough for any chain a slide can show. */
const MAX_RELATIONS = 40
const MAX_NODES = 8

const ARROWS = /\s*(?:→|->|=>|⇒|⟶|-->)\s*/
/** Words that start a clause continuing the chain; "that" is left out (it also opens objects). */
const RELATIVE_SET = new Set(RELATIVES.filter((word) => !word.includes(' ') && word !== 'that'))
const PRONOUN_SET = new Set(PRONOUNS)
const NON_LINK = new Set(NON_LINK_VERBS)
const TARGET_SET = new Set(TARGET_PREPOSITIONS)
const NOUNISH = ['Noun', 'Acronym', 'ProperNoun', 'Adjective', 'Value', 'Possessive']

function cleanEntity(raw: string): string | undefined {
  const text = raw.trim().replace(/^(?:the|a|an|its|their|this|that|each|every)\s+/i, '').replace(/[`*_]/g, '').replace(/[\s,;:.]+$/, '').trim()
  if (!text || countWords(text) > 5 || PRONOUN_SET.has(text.toLowerCase()) || /[$\\{}=^]/.test(text)) return undefined
  return text
}

function key(entity: string): Set<string> {
  return new Set(
    entity
      .toLowerCase()
      .replace(/[()]/g, ' ')
      .split(/[^\p{L}\p{N}-]+/u)
      .filter((word) => word && !/^(?:the|a|an|of)$/.test(word))
      .map((word) => word.replace(/'s$/, '')),
  )
}

/** Two names for one thing: one's words contain the other's ("kidney" ⊂ "the left kidney (renal)"). */
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
  /** The sentence it was stated in. */
  sentence: number
  /** Its subject opens the sentence: a later sentence may continue a chain this way. */
  opens: boolean
  /** Its subject is the object of the clause before ("…, which …"). */
  carried: boolean
  /** Its object ends the clause, so that a following "which" refers to it. */
  ends: boolean
}

const nounish = (term: Term): boolean => !term.tags.has('Pronoun') && NOUNISH.some((tag) => term.tags.has(tag)) && !isVerb(term)

/** The noun phrase that ends just before `end` (its last word a noun), as written. */
function phraseBefore(terms: Term[], end: number): string | undefined {
  let start = end
  while (start > 0 && end - start < 5 && (nounish(terms[start - 1]) || terms[start - 1].tags.has('Determiner')) && !/[,;:]/.test(terms[start - 1].post)) start--
  if (start === end || !isNoun(terms[end - 1])) return undefined
  return cleanEntity(phraseText(terms.slice(start, end)))
}

/** The noun phrase that starts at `from` (after determiners), up to a comma, preposition or verb. */
function phraseAfter(terms: Term[], from: number): string | undefined {
  let i = from
  while (i < terms.length && terms[i].tags.has('Determiner')) i++
  const start = i
  // A last word tagged as a verb after a noun is the head noun ("mortgage rates.").
  const pluralHead = (j: number): boolean => j > start && isNoun(terms[j - 1]) && /s$/i.test(terms[j].text) && (j === terms.length - 1 || /[,;:.]/.test(terms[j].post))
  while (i < terms.length && i - start < 5 && (nounish(terms[i]) || pluralHead(i))) {
    i++
    // A short parenthesis right after a name belongs to it: "the loop of Henle (nephron loop)".
    if (terms[i]?.pre.includes('(')) {
      let close = i
      while (close < terms.length && close - i < 3 && !terms[close].post.includes(')')) close++
      if (close < terms.length && terms[close].post.includes(')')) i = close + 1
      break
    }
    if (/[,;:.()]/.test(terms[i - 1].post)) break
  }
  while (i > start && !isNoun(terms[i - 1]) && !pluralHead(i - 1) && !terms[i - 1].post.includes(')')) i--
  if (i === start) return undefined
  return cleanEntity(phraseText(terms.slice(start, i)))
}

/** The index just past the noun phrase that starts at `from`. */
function objectEnd(terms: Term[], from: number): number {
  let i = from
  while (i < terms.length && terms[i].tags.has('Determiner')) i++
  while (i < terms.length && nounish(terms[i]) && !/[,;:.()]/.test(terms[i - 1]?.post ?? '')) i++
  return i
}

/**
 * The relation one clause states: subject (or the carried object of the clause before, for
 * "…, which …"), verb with its particles and preposition, and object.
 */
function clauseRelation(terms: Term[], carried: string | undefined): Pair | undefined {
  // A plural noun right before an article or a preposition reads as a verb ("filters the blood").
  const verbAt = (i: number): boolean =>
    isVerb(terms[i]) ||
    (terms[i].tags.has('Plural') &&
      /s$/i.test(terms[i].text) &&
      Boolean(terms[i + 1]?.tags.has('Determiner') || (terms[i + 1]?.tags.has('Preposition') && (i === 0 || isNoun(terms[i - 1])))))
  const v = carried && terms.length && verbAt(0) ? 0 : terms.findIndex((_, i) => i > 0 && verbAt(i))
  if (v < 0) return undefined
  const isCarried = Boolean(carried && v === 0)
  const from = isCarried ? carried : phraseBefore(terms, v)
  if (!from) return undefined
  const opens = !isCarried && terms.slice(0, v).every((term) => nounish(term) || term.tags.has('Determiner'))
  // The verb group: auxiliaries, the verb, adverbs, particles and one preposition ("is passed on to").
  let end = v
  while (end < terms.length && (end === v || isVerb(terms[end]) || terms[end].tags.has('Adverb') || terms[end].tags.has('Particle')) && !/[,;:]/.test(terms[end].post)) end++
  if (end < terms.length && terms[end].tags.has('Preposition')) end++
  const words = terms.slice(v, end)
  // A bare "is"/"has" links a thing to a property, not to another thing.
  const main = words.filter((term) => !term.tags.has('Copula') && !term.tags.has('Auxiliary') && !term.tags.has('Modal') && !term.tags.has('Adverb') && !term.tags.has('Preposition') && !term.tags.has('Particle'))
  if (!main.length || main.some((term) => NON_LINK.has(term.lemma) || NON_LINK.has(term.text.toLowerCase().replace(/e?s$/, '')))) return undefined
  let to = phraseAfter(terms, end)
  let label = words.map((term) => term.text).join(' ').toLowerCase()
  // "hands the work to B", "sends a signal into B": the thing moved goes on the edge.
  let after = objectEnd(terms, end)
  if (to && after < terms.length && TARGET_SET.has(terms[after].text.toLowerCase()) && !words.some((term) => term.tags.has('Preposition'))) {
    const target = phraseAfter(terms, after + 1)
    if (target) {
      label = `${label} ${to} ${terms[after].text.toLowerCase()}`
      to = target
      after = objectEnd(terms, after + 1)
    }
  }
  if (!to || sameEntity(from, to) || countWords(label) > 6) return undefined
  return { from, to, label, sentence: 0, opens, carried: isCarried, ends: after >= terms.length }
}

/** A sentence's words cut into clauses at ", which", ", who", ", then" and ";", with the word that joins each. */
function clausesOf(terms: Term[]): Array<{ terms: Term[]; joiner: string }> {
  const clauses: Array<{ terms: Term[]; joiner: string }> = [{ terms: [], joiner: '' }]
  terms.forEach((term, i) => {
    const word = term.text.toLowerCase()
    const afterComma = i > 0 && /[,;]/.test(terms[i - 1].post)
    // "(which uses water)": a relative inside brackets is an aside about the clause, not a link.
    const aside = term.pre.includes('(')
    if (RELATIVE_SET.has(word) && (afterComma || word !== 'then') && i > 0 && !aside) {
      clauses.push({ terms: [], joiner: word })
      return
    }
    clauses[clauses.length - 1].terms.push(term)
    if (/;/.test(term.post)) clauses.push({ terms: [], joiner: ';' })
  })
  return clauses.filter((clause) => clause.terms.length)
}

const CORE = new RegExp(`\\b(?:${alternation(CORE_FRAMES)})\\s+([^,;]+?)\\s+(?:is|are|sits|lies)\\s+([^,;.]+)`, 'i')

/** What links two relations inside one sentence (clausesOf): a relative word or a semicolon. */
const CARRIERS = new RegExp(`(?:\\b(?:${alternation([...RELATIVE_SET])})\\b|;)`, 'i')
const DETERMINERS = /^(?:the|a|an|its|their|this|that|these|those|each|every)$/i

/**
 * Whether a paragraph can state two linked relations at all, judged without the tagger: an
 * "at the heart of A is B" frame, a relative word or ";" that links two clauses of a sentence,
 * or a later sentence that opens with a word of an earlier one (where its object would be).
 * Note: tagging is the slow part of chain detection; a paragraph that fails this is not tagged.
 */
function mayChain(text: string): boolean {
  if (CARRIERS.test(text) || CORE.test(text)) return true
  const seen = new Set<string>()
  for (const [i, sentence] of text.split(/(?<=[.!?])\s+/).entries()) {
    const words = sentence.toLowerCase().match(/[\p{L}\p{N}-]+/gu) ?? []
    const opener = words.find((word) => !DETERMINERS.test(word))
    if (i > 0 && opener && seen.has(opener)) return true
    for (const word of words) seen.add(word.replace(/'s$/, ''))
  }
  return false
}

/** Relations (subject → object) stated in a paragraph's sentences, in order. */
function relations(text: string): Pair[] {
  const pairs: Pair[] = []
  text.split(/(?<=[.!?])\s+/).forEach((sentence, index) => {
    // "At the heart of A is B": A → B.
    const core = CORE.exec(sentence)
    const inner = core ? cleanEntity(core[1]) : undefined
    const outer = core ? phraseAfter(termsOf(core[2]), 0) : undefined
    if (inner && outer) pairs.push({ from: inner, to: outer, label: '', sentence: index, opens: true, carried: false, ends: true })
    let previous: Pair | undefined
    for (const clause of clausesOf(termsOf(sentence))) {
      // "…, which V" continues from the object that ends the clause before; "…, then V" from its subject.
      const relative = clause.joiner && clause.joiner !== ';' && clause.joiner !== 'then'
      const carried = clause.joiner === 'then' ? previous?.from : relative && previous?.ends ? previous.to : undefined
      const pair = clauseRelation(clause.terms, carried)
      // "A does X, then does Y": the second relation's subject is still the sentence's own.
      const then = clause.joiner === 'then' && pair?.carried
      if (pair) pairs.push({ ...pair, sentence: index, carried: pair.carried && !then, opens: then ? Boolean(previous?.opens) : pair.opens })
      previous = pair
    }
  })
  return pairs
}

const LINKS = new RegExp(`,?\\s+(?:${alternation(SEQUENCE_LINKS)})\\s+`, 'gi')

/** The noun phrase a piece of a sentence names, after any preposition: "in the pons (brainstem)" → "pons (brainstem)". */
function placeIn(text: string, last: boolean): string | undefined {
  const terms = termsOf(text.replace(/[.!?]+$/, ''))
  if (last) return phraseBefore(terms, terms.length)
  let i = 0
  while (i < terms.length && (terms[i].tags.has('Preposition') || terms[i].tags.has('Determiner') || terms[i].tags.has('Adverb'))) i++
  const phrase = phraseAfter(terms, i)
  // The piece must be that phrase and nothing more: a place in a list, not a clause.
  return phrase && objectEnd(terms, i) >= terms.length ? phrase : undefined
}

/** A sentence that lists places or stages in order: "detected in A, followed by B, and finally C". */
function listedSequence(sentence: string): Chain | undefined {
  const parts = sentence.split(LINKS)
  if (parts.length < 3) return undefined
  const nodes: string[] = []
  for (const [i, part] of parts.entries()) {
    const node = placeIn(part, i === 0)
    if (!node || nodes.some((other) => sameEntity(other, node))) return undefined
    nodes.push(node)
  }
  return { nodes, labels: nodes.slice(1).map(() => '') }
}

/** Words before a comma (up to three) that the clause after it repeats as its subject: "A writes to the next B, the next B writes to C". */
const REPEATED = /(?<![\p{L}\p{N}-])((?:\p{L}[\p{L}\p{N}-]*\s+){0,2}\p{L}[\p{L}\p{N}-]*)[,;]\s+(?:and\s+)?(?:then\s+)?(?:the\s+)?\1\s/iu

/** One clause as subject, verb group and object, read loosely: the repetition names the nodes, so they need not be tagged nouns. */
function looseRelation(part: string, subject?: string): { from: string; label: string; to: string } | undefined {
  const terms = termsOf(part)
  // The clause repeats the node before it as its subject: its verb comes after those words ("the middle lock lifts").
  const opening = subject ? new RegExp(`^(?:the\\s+)?${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`, 'i').exec(part) : null
  const after = opening ? opening[0].length - 1 : 0
  // A plural right before a preposition or an article reads as a verb ("secondary copies to tertiary").
  const plural = (i: number): boolean => terms[i].tags.has('Plural') && /s$/i.test(terms[i].text) && Boolean(terms[i + 1] && (terms[i + 1].tags.has('Preposition') || terms[i + 1].tags.has('Determiner') || TARGET_SET.has(terms[i + 1].text.toLowerCase())))
  const v = terms.findIndex((term, i) => i > 0 && term.start >= after && ((isVerb(term) && !term.tags.has('Copula')) || plural(i)))
  if (v < 0) return undefined
  let end = v
  while (end < terms.length && (end === v || isVerb(terms[end]) || terms[end].tags.has('Adverb') || terms[end].tags.has('Particle'))) end++
  if (end < terms.length && (terms[end].tags.has('Preposition') || TARGET_SET.has(terms[end].text.toLowerCase()))) end++
  const verbs = terms.slice(v, end).filter((term, k) => (k === 0 || isVerb(term)) && !term.tags.has('Auxiliary') && !term.tags.has('Modal'))
  if (!verbs.length || verbs.some((term) => NON_LINK.has(term.lemma))) return undefined
  let label = terms.slice(v, end).map((term) => term.text).join(' ').toLowerCase()
  let rest = terms.slice(end)
  // "sells grain to the mill": the thing moved goes on the edge, the target is the node.
  const target = rest.findIndex((term, i) => i > 0 && i <= 3 && TARGET_SET.has(term.text.toLowerCase()))
  if (target > 0 && !terms.slice(v, end).some((term) => term.tags.has('Preposition'))) {
    label = `${label} ${phraseText(rest.slice(0, target)).replace(/^(?:the|a|an)\s+/i, '')} ${rest[target].text.toLowerCase()}`
    rest = rest.slice(target + 1)
  }
  const from = cleanEntity(phraseText(terms.slice(0, v)))
  const to = cleanEntity(phraseText(rest))
  if (!from || !to || countWords(label) > 6 || sameEntity(from, to)) return undefined
  return { from, label, to }
}

/**
 * A chain told by repetition: each clause's object is the next clause's subject, clauses joined
 * by commas ("the farmer sells grain to the miller, the miller sells flour to the baker").
 */
function repeatedChain(sentence: string): Chain | undefined {
  if (!REPEATED.test(sentence)) return undefined
  const parts = sentence.replace(/[.!?]+$/, '').split(/\s*[,;]\s+(?:and\s+)?(?:then\s+)?/)
  let best: Chain | undefined
  let run: Chain | undefined
  for (const part of parts) {
    const last = run?.nodes[run.nodes.length - 1]
    const relation = looseRelation(part, last)
    if (relation && run && last && sameEntity(last, relation.from) && !run.nodes.some((node) => sameEntity(node, relation.to))) {
      run = { nodes: [...run.nodes, relation.to], labels: [...run.labels, relation.label] }
    } else run = relation ? { nodes: [relation.from, relation.to], labels: [relation.label] } : undefined
    if (run && run.nodes.length >= 3 && (!best || run.nodes.length > best.nodes.length)) best = run
  }
  return best && best.nodes.length <= MAX_NODES ? best : undefined
}

/**
 * The longest chain of at least three nodes in a paragraph's text, if any, with the way back a
 * later sentence states ("… the receipt travels back to the buyer").
 */
export function findChain(text: string): Chain | undefined {
  const chain = forwardChain(text)
  if (!chain) return undefined
  const returns = returnOf(text, chain)
  return returns ? { ...chain, returns } : chain
}

const RETURN = new RegExp(`\\b(?:${alternation(RETURN_CUES)})\\s+`, 'i')

/**
 * The way back a sentence of the paragraph states for a chain: its subject is what comes back
 * (the edge label) and the phrase after "back to" where it arrives: a node of the chain, or a new
 * one before its first. Note: only one clause, with a subject and a target that are noun phrases.
 */
function returnOf(text: string, chain: Chain): ChainReturn | undefined {
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const clause = sentence.split(/[,;]\s+/).find((part) => RETURN.test(part))
    const cue = clause ? RETURN.exec(clause) : null
    if (!clause || !cue) continue
    const split = splitSubject(clause)
    const named = split ? cleanEntity(split.subject) : undefined
    // As the note writes it ("the receipt", not "The receipt").
    const what = named && clause.includes(named.charAt(0).toLowerCase() + named.slice(1)) ? named.charAt(0).toLowerCase() + named.slice(1) : named
    const where = phraseAfter(termsOf(clause.slice(cue.index + cue[0].length).replace(/[.!?]+$/, '')), 0)
    if (!what || !where || chain.nodes.some((node) => sameEntity(node, what))) continue
    const last = chain.nodes[chain.nodes.length - 1]
    if (sameEntity(where, last)) continue
    return chain.nodes.some((node) => sameEntity(node, where)) ? { label: what, to: chain.nodes.find((node) => sameEntity(node, where)) } : { label: what, to: where }
  }
  return undefined
}

/** The longest chain of at least three nodes stated forward in a paragraph's text. */
function forwardChain(text: string): Chain | undefined {
  // Explicit arrows: "seed → seedling → adult plant".
  for (const line of text.split(/\n|(?<=[.!?])\s+/)) {
    const parts = line.split(ARROWS)
    if (parts.length >= 3) {
      const head = parts[0].split(/:\s*/).pop() ?? parts[0]
      const headTerms = termsOf(head)
      const first = phraseBefore(headTerms, headTerms.length) ?? cleanEntity(head)
      const nodes = parts.map((part, i) => (i === 0 ? first : cleanEntity(part.split(/[,;.]\s|\s\(/)[0])))
      if (nodes.every(Boolean)) return { nodes: nodes as string[], labels: nodes.slice(1).map(() => '') }
    }
  }
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const listed = listedSequence(sentence) ?? repeatedChain(sentence)
    if (listed) return listed
  }
  if (!mayChain(text)) return undefined
  const pairs = relations(text).slice(0, MAX_RELATIONS)
  // The longest path through the stated relations, each node once.
  let best: Chain | undefined
  const extend = (nodes: string[], labels: string[], from: number): void => {
    if (nodes.length >= 3 && (!best || nodes.length > best.nodes.length)) best = { nodes: [...nodes], labels: [...labels] }
    if (nodes.length >= MAX_NODES) return
    const last = pairs[from - 1]
    for (let j = from; j < pairs.length; j++) {
      const pair = pairs[j]
      // Within a sentence a link needs "…, which"; a later sentence must open with the last node.
      const linked = pair.sentence === last.sentence ? pair.carried && j === from : pair.opens || pair.carried
      if (!linked || !sameEntity(pair.from, nodes[nodes.length - 1]) || nodes.some((node) => sameEntity(node, pair.to))) continue
      extend([...nodes, pair.to], [...labels, pair.label], j + 1)
    }
  }
  pairs.forEach((pair, i) => extend([pair.from, pair.to], [pair.label], i + 1))
  return best
}
