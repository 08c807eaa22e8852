// The random (policy, call) generator of the policy differential tests lives beside the policy
// engine (packages/core/src/policy/fuzz.test-utils.ts; test utilities are not part of the package's
// exports, hence the path). This suite adds calls at the exact remaining allowance.
import type { PolicyCall } from '@sessionkit/core'
import { type Address, encodeFunctionData, type Hex } from 'viem'
import { erc20Abi, recipients } from '../../../../packages/core/src/policy/fuzz.test-utils.js'

export {
  managerAbi,
  scenarioArb,
  timesOf,
  toCall,
  toPolicy,
} from '../../../../packages/core/src/policy/fuzz.test-utils.js'

/**
 * Extension: calls that spend exactly what is left of each cap, and one more than that, given the
 * `remaining` the client computed; the chain must agree on both sides of the edge.
 */
export function remainingEdges(
  remaining: { spend: readonly { token: { address: string }; left: bigint }[] },
  r: number,
): PolicyCall[][] {
  const batches: PolicyCall[][] = []
  for (const entry of remaining.spend) {
    const amount = r % 2 === 0 ? entry.left : entry.left + 1n
    if (entry.token.address === 'native')
      batches.push([{ to: recipients[r % 2] as Address, data: '0x' as Hex, value: amount }])
    else
      batches.push([
        {
          to: entry.token.address as Address,
          data: encodeFunctionData({
            abi: erc20Abi,
            functionName: 'transfer',
            args: [recipients[r % 2] as Address, amount],
          }),
          value: 0n,
        },
      ])
  }
  return batches
}
