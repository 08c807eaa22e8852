import type { Hex } from 'viem'
import type { UserOperationReceipt } from 'viem/account-abstraction'
import { getUserOperationReceipt } from 'viem/account-abstraction'
import { BundlerError } from '../errors/session.js'
import type { Engine } from './createEngines.js'

type StatusResult = { status?: string; transactionHash?: Hex | null } | null

/** Bundler states after which an operation will never land. */
const deadStatuses = new Set(['rejected', 'failed'])

/**
 * Polls `eth_getUserOperationReceipt` every `pollingInterval` ms (first at half of it) and, every ~1 s,
 * `pimlico_getUserOperationStatus`, so a rejected or dropped operation ends in a `BundlerError`
 * instead of a timeout.
 */
export async function waitForReceipt(
  engine: Engine,
  hash: Hex,
  options: {
    timeout?: number | undefined
    pollingInterval?: number | undefined
    fromBlock?: bigint | undefined
    /**
     * Sends the same signed operation again when the bundler dropped it (e.g. a bundle of another
     * executor raced its nonce) or forgot it (restarted). Its nonce makes a double landing impossible.
     */
    resubmit?: (() => Promise<unknown>) | undefined
  } = {},
): Promise<UserOperationReceipt> {
  const interval = options.pollingInterval ?? engine.options.pollingInterval
  const timeout = options.timeout ?? engine.options.receiptTimeout
  const started = Date.now()
  const statusEvery = Math.max(1, Math.round(1000 / interval))
  let polls = 0
  let notFound = 0
  let statusSupported = true
  let lastError: unknown
  let lastChainCheck = 0
  let resubmits = 0
  /** Whether the operation went back to the bundler (at most twice). */
  const resubmitted = async () => {
    if (!options.resubmit || resubmits >= 2) return false
    resubmits++
    try {
      await options.resubmit()
      notFound = 0
      return true
    } catch (cause) {
      lastError = cause
      return false
    }
  }
  // When the bundler is unreachable or forgot the operation, the EntryPoint's logs still say whether it landed.
  const fromChain = async () => {
    lastChainCheck = Date.now()
    try {
      // Rare (the bundler is unreachable or forgot the operation): loaded on first use.
      const { findReceiptOnChain } = await import('./receiptOnChain.js')
      return await findReceiptOnChain(engine, hash, options.fromBlock)
    } catch {
      return undefined
    }
  }
  // Nothing lands the instant it is sent: the first two polls come at half and one interval.
  await new Promise((resolve) => setTimeout(resolve, interval / 2))
  for (;;) {
    try {
      return await getUserOperationReceipt(engine.bundlerClient, { hash })
    } catch (error) {
      if ((error as { name?: string }).name !== 'UserOperationReceiptNotFoundError') {
        lastError = error
        if (Date.now() - lastChainCheck >= 1000) {
          const receipt = await fromChain()
          if (receipt) return receipt
        }
      }
    }
    polls++
    if (statusSupported && polls % statusEvery === 0) {
      try {
        const status = (await engine.bundlerClient.request({
          method: 'pimlico_getUserOperationStatus',
          params: [hash],
        } as never)) as StatusResult
        if (status?.status && deadStatuses.has(status.status) && !(await resubmitted())) {
          const receipt = await fromChain()
          if (receipt) return receipt
          throw new BundlerError({
            shortMessage: `The bundler ${status.status} this action; it will not land. Try again.`,
            userOperationHash: hash,
            details: `status: ${status.status}`,
            cause: lastError,
          })
        }
        notFound = status?.status === 'not_found' ? notFound + 1 : 0
        if (notFound >= 3) {
          const receipt = await fromChain()
          if (receipt) return receipt
          if (!(await resubmitted()))
            throw new BundlerError({
              shortMessage:
                'The bundler no longer knows this action (dropped, or the bundler restarted). Try again.',
              userOperationHash: hash,
              details: 'status: not_found',
            })
        }
      } catch (error) {
        if (error instanceof BundlerError) throw error
        if ((error as { code?: number }).code === -32601) statusSupported = false
        else lastError = error
      }
    }
    if (Date.now() - started > timeout) {
      const receipt = await fromChain()
      if (receipt) return receipt
      throw new BundlerError({
        shortMessage: `No receipt after ${Math.round(timeout / 1000)} s. The action may still land; check the session's state before retrying.`,
        userOperationHash: hash,
        cause: lastError,
      })
    }
    await new Promise((resolve) => setTimeout(resolve, polls === 1 ? interval / 2 : interval))
  }
}
