import { beforeAll, describe, expect, it } from 'vitest'
import { findChain } from '../src/plan/diagrams/chain.js'
import { mermaidFor } from '../src/emit/mermaid.js'
import { mermaidParser } from './helpers.js'

// Own words: a relay race of letters, a supply chain, a nerve signal.
const POST = 'The sender gives the letter to the clerk, the clerk gives the letter to the courier, the courier gives the letter to the reader. Once it is read, a receipt travels back to the sender.'
const GRAIN = 'The farmer sells grain to the miller, the miller sells flour to the baker, the baker sells bread to the grocer. In good years, the payment flows back to the bank that lent the seed money.'
const NO_RETURN = 'The farmer sells grain to the miller, the miller sells flour to the baker, the baker sells bread to the grocer. The grocer opens at dawn.'
const BACK_TO_LAST = 'The farmer sells grain to the miller, the miller sells flour to the baker, the baker sells bread to the grocer. Customers walk back to the grocer every week.'

describe('a chain with the way back its text states', () => {
  it.each([
    ['a receipt back to the chain’s first node', POST, { label: 'receipt', to: 'sender' }],
    ['a payment back to a node outside the chain', GRAIN, { label: 'payment', to: 'bank' }],
  ])('finds %s', (_, text, returns) => {
    const chain = findChain(text)
    expect(chain?.nodes.length).toBeGreaterThanOrEqual(3)
    expect(chain?.returns).toEqual(returns)
  })

  it.each([
    ['no sentence says anything comes back', NO_RETURN],
    ['"back to" the chain’s own last node', BACK_TO_LAST],
  ])('draws no way back when %s', (_, text) => {
    const chain = findChain(text)
    expect(chain?.nodes.length).toBeGreaterThanOrEqual(3)
    expect(chain?.returns).toBeUndefined()
  })
})

describe('the way back is drawn dashed', () => {
  let parse: (text: string) => Promise<unknown>
  beforeAll(async () => {
    parse = await mermaidParser()
  })

  it('goes back through every node to a new one before the first, labelled once', async () => {
    const text = mermaidFor({ kind: 'chain', nodes: ['farmer', 'miller', 'baker'], labels: ['sells grain to', 'sells flour to'], returns: { label: 'payment', to: 'bank' } })
    expect(text).toContain('  n2 -.->|"payment"| n1')
    expect(text).toContain('  n1 -.-> n0')
    expect(text).toContain('  n0 -.-> r')
    expect(text.split('\n')[1]).toBe('  r["bank"]')
    await expect(parse(text)).resolves.toBeTruthy()
  })

  it('stops at the node it reaches when that node is in the chain', async () => {
    const text = mermaidFor({ kind: 'chain', nodes: ['sender', 'clerk', 'courier', 'reader'], labels: ['', '', ''], returns: { label: 'receipt', to: 'clerk' } })
    expect(text).toContain('  n3 -.->|"receipt"| n2')
    expect(text).toContain('  n2 -.-> n1')
    expect(text).not.toContain('n1 -.-> n0')
    await expect(parse(text)).resolves.toBeTruthy()
  })
})
