import type { Hex } from 'viem'
import type { UserOperationReceipt } from 'viem/account-abstraction'
import { getUserOperationReceipt } from 'viem/account-abstraction'
import { BundlerError } from '../errors/session.js'
import type { Engine } from './createEngines.js'

type StatusResult = { status?: string; transactionHash?: Hex | null } | null

/** Bundler states after which an operation will never land. */
const deadStatuses = new Set(['rejected', 'failed'])

/**
 * Polls `eth_getUserOperationReceipt` every `pollingInterval` ms and, every ~1 s,
 * `pimlico_getUserOperationStatus`, so a rejected or dropped operation ends in a `BundlerError`
 * instead of a timeout.
 */
export async function waitForReceipt(
  engine: Engine,
  hash: Hex,
  options: { timeout?: number | undefined; pollingInterval?: number | undefined } = {},
): Promise<UserOperationReceipt> {
  const interval = options.pollingInterval ?? engine.options.pollingInterval
  const timeout = options.timeout ?? engine.options.receiptTimeout
  const started = Date.now()
  const statusEvery = Math.max(1, Math.round(1000 / interval))
  let polls = 0
  let notFound = 0
  let statusSupported = true
  let lastError: unknown
  for (;;) {
    try {
      return await getUserOperationReceipt(engine.bundlerClient, { hash })
    } catch (error) {
      if ((error as { name?: string }).name !== 'UserOperationReceiptNotFoundError')
        lastError = error
    }
    polls++
    if (statusSupported && polls % statusEvery === 0) {
      try {
        const status = (await engine.bundlerClient.request({
          method: 'pimlico_getUserOperationStatus',
          params: [hash],
        } as never)) as StatusResult
        if (status?.status && deadStatuses.has(status.status))
          throw new BundlerError({
            shortMessage: `The bundler ${status.status} this action; it will not land. Try again.`,
            userOperationHash: hash,
            details: `status: ${status.status}`,
          })
        notFound = status?.status === 'not_found' ? notFound + 1 : 0
        if (notFound >= 3)
          throw new BundlerError({
            shortMessage:
              'The bundler no longer knows this action (dropped, or the bundler restarted). Try again.',
            userOperationHash: hash,
            details: 'status: not_found',
          })
      } catch (error) {
        if (error instanceof BundlerError) throw error
        if ((error as { code?: number }).code === -32601) statusSupported = false
        else lastError = error
      }
    }
    if (Date.now() - started > timeout)
      throw new BundlerError({
        shortMessage: `No receipt after ${Math.round(timeout / 1000)} s. The action may still land; check the session's state before retrying.`,
        userOperationHash: hash,
        cause: lastError,
      })
    await new Promise((resolve) => setTimeout(resolve, interval))
  }
}
