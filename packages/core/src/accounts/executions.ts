import type { Address, Hex } from 'viem'
import { encodeAbiParameters, encodePacked } from 'viem'

/** One call executed by an account (ERC-7579 execution). */
export type Execution = { target: Address; value: bigint; callData: Hex }

/** ERC-7579 mode: single call, revert on failure. */
export const singleDefaultMode: Hex =
  '0x0000000000000000000000000000000000000000000000000000000000000000'
/** ERC-7579 mode: batch of calls, revert on any failure. */
export const batchDefaultMode: Hex =
  '0x0100000000000000000000000000000000000000000000000000000000000000'

/** ERC-7579 mode: batch of calls, each may fail alone (the account emits `TryExecuteUnsuccessful(index, result)`). */
export const batchTryMode: Hex =
  '0x0101000000000000000000000000000000000000000000000000000000000000'

/**
 * Encodes executions for `execute(mode, executionCalldata)`: packed for one, ABI array for a
 * batch; `tolerant` batches let each execution fail without undoing the others.
 */
export function encodeExecutions(
  executions: readonly Execution[],
  options: { tolerant?: boolean } = {},
): {
  mode: Hex
  executionCalldata: Hex
} {
  const [first] = executions
  if (executions.length === 1 && first && !options.tolerant)
    return {
      mode: singleDefaultMode,
      executionCalldata: encodePacked(
        ['address', 'uint256', 'bytes'],
        [first.target, first.value, first.callData],
      ),
    }
  return {
    mode: options.tolerant ? batchTryMode : batchDefaultMode,
    executionCalldata: encodeAbiParameters(
      [
        {
          type: 'tuple[]',
          components: [
            { name: 'target', type: 'address' },
            { name: 'value', type: 'uint256' },
            { name: 'callData', type: 'bytes' },
          ],
        },
      ],
      [executions.map((e) => ({ ...e }))],
    ),
  }
}
