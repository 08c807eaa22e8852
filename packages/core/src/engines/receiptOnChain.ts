import type { Hex } from 'viem'
import type { UserOperationReceipt } from 'viem/account-abstraction'
import { getLogs, getTransactionReceipt } from 'viem/actions'
import type { Engine } from './createEngines.js'

const userOperationEvent = {
  type: 'event',
  name: 'UserOperationEvent',
  inputs: [
    { name: 'userOpHash', type: 'bytes32', indexed: true },
    { name: 'sender', type: 'address', indexed: true },
    { name: 'paymaster', type: 'address', indexed: true },
    { name: 'nonce', type: 'uint256', indexed: false },
    { name: 'success', type: 'bool', indexed: false },
    { name: 'actualGasCost', type: 'uint256', indexed: false },
    { name: 'actualGasUsed', type: 'uint256', indexed: false },
  ],
} as const

/** Looks the operation up in the EntryPoint's `UserOperationEvent` logs, without the bundler. */
export async function findReceiptOnChain(
  engine: Engine,
  hash: Hex,
  fromBlock?: bigint | undefined,
): Promise<UserOperationReceipt | undefined> {
  const latest = await engine.publicClient.getBlockNumber({ cacheTime: 0 })
  const logs = await getLogs(engine.publicClient, {
    address: engine.environment.EntryPoint,
    event: userOperationEvent,
    args: { userOpHash: hash },
    fromBlock: fromBlock ?? (latest > 1000n ? latest - 1000n : 0n),
    toBlock: latest,
  })
  const log = logs[0]
  if (!log?.transactionHash) return undefined
  const receipt = await getTransactionReceipt(engine.publicClient, { hash: log.transactionHash })
  const { sender, paymaster, nonce, success, actualGasCost, actualGasUsed } = log.args
  return {
    userOpHash: hash,
    entryPoint: engine.environment.EntryPoint,
    sender: sender as Hex,
    nonce: nonce as bigint,
    paymaster: paymaster as Hex,
    success: success as boolean,
    actualGasCost: actualGasCost as bigint,
    actualGasUsed: actualGasUsed as bigint,
    logs: receipt.logs,
    receipt,
  } as UserOperationReceipt
}
