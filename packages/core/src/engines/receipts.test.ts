import { createPublicClient, custom, type Hex } from 'viem'
import { createBundlerClient } from 'viem/account-abstraction'
import { foundry } from 'viem/chains'
import { describe, expect, test } from 'vitest'
import type { Engine } from './createEngines.js'
import { waitForReceipt } from './receipts.js'

const hash: Hex = `0x${'ab'.repeat(32)}`
const rpcReceipt = {
  userOpHash: hash,
  entryPoint: '0x0000000071727De22E5E9d8BAf0edAc6f37da032',
  sender: '0x1111111111111111111111111111111111111111',
  nonce: '0x1',
  paymaster: '0x2222222222222222222222222222222222222222',
  actualGasCost: '0x10',
  actualGasUsed: '0x10',
  success: true,
  logs: [],
  receipt: {
    transactionHash: `0x${'cd'.repeat(32)}`,
    blockNumber: '0x5',
    blockHash: `0x${'ef'.repeat(32)}`,
    transactionIndex: '0x0',
    from: '0x3333333333333333333333333333333333333333',
    to: '0x0000000071727De22E5E9d8BAf0edAc6f37da032',
    cumulativeGasUsed: '0x10',
    gasUsed: '0x10',
    effectiveGasPrice: '0x1',
    logs: [],
    logsBloom: `0x${'00'.repeat(256)}`,
    status: '0x1',
    type: '0x2',
  },
}

/** An engine whose bundler drops the operation (`status`) until it has been resubmitted. */
function fakeEngine(status: 'rejected' | 'not_found') {
  let landed = false
  const methods: string[] = []
  const bundlerClient = createBundlerClient({
    transport: custom({
      async request({ method }) {
        methods.push(method)
        if (method === 'eth_getUserOperationReceipt') return landed ? rpcReceipt : null
        if (method === 'pimlico_getUserOperationStatus') return { status, transactionHash: null }
        throw new Error(`unexpected ${method}`)
      },
    }),
  })
  const publicClient = createPublicClient({
    chain: foundry,
    transport: custom({
      async request({ method }) {
        if (method === 'eth_blockNumber') return '0x5'
        if (method === 'eth_getLogs') return []
        throw new Error(`unexpected ${method}`)
      },
    }),
  })
  const engine = {
    bundlerClient,
    publicClient,
    environment: { EntryPoint: rpcReceipt.entryPoint },
    options: { pollingInterval: 200, receiptTimeout: 20_000 },
  } as unknown as Engine
  return {
    engine,
    methods,
    land: () => {
      landed = true
    },
  }
}

describe('waitForReceipt', () => {
  test('behavior: an operation the bundler rejected is sent again once, then its receipt is returned', async () => {
    const { engine, land } = fakeEngine('rejected')
    let resubmits = 0
    const receipt = await waitForReceipt(engine, hash, {
      resubmit: async () => {
        resubmits++
        land()
      },
    })
    expect(resubmits).toBe(1)
    expect(receipt.success).toBe(true)
    expect(receipt.receipt.blockNumber).toBe(5n)
  })

  test('behavior: an operation the bundler forgot (restarted) is sent again', async () => {
    const { engine, land } = fakeEngine('not_found')
    let resubmits = 0
    const receipt = await waitForReceipt(engine, hash, {
      pollingInterval: 100,
      resubmit: async () => {
        resubmits++
        land()
      },
    })
    expect(resubmits).toBe(1)
    expect(receipt.userOpHash).toBe(hash)
  })

  test('error: without a way to resubmit, or when the bundler refuses it again, a rejected operation is a typed BundlerError with the reason', async () => {
    await expect(waitForReceipt(fakeEngine('rejected').engine, hash)).rejects.toMatchObject({
      name: 'BundlerError',
      details: 'status: rejected',
    })
    let resubmits = 0
    const error = await waitForReceipt(fakeEngine('rejected').engine, hash, {
      resubmit: async () => {
        resubmits++
        throw new Error('AA25 invalid account nonce')
      },
    }).catch((e) => e)
    expect(resubmits).toBe(1)
    expect(error.name).toBe('BundlerError')
    expect(error.shortMessage).toContain('rejected this action')
    expect(error.cause.message).toContain('AA25')
    // dropped again after each resend: it gives up after two resends
    let again = 0
    const dropped = await waitForReceipt(fakeEngine('rejected').engine, hash, {
      resubmit: async () => {
        again++
      },
    }).catch((e) => e)
    expect(again).toBe(2)
    expect(dropped.name).toBe('BundlerError')
  })
})
