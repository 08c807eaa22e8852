import type { CheckReason } from '@sessionkit/react'
import { type Abi, type AbiFunction, toFunctionSelector } from 'viem'

/**
 * One sentence for the player about a refused call, naming the function when the game's ABI knows
 * the refused selector (the check reports selectors).
 */
export function describeRefusal(reason: CheckReason, abi: Abi): string {
  if (reason.code === 'function-not-allowed' && typeof reason.attempted === 'string') {
    const fn = abi.find(
      (item): item is AbiFunction =>
        item.type === 'function' &&
        toFunctionSelector(item).toLowerCase() === String(reason.attempted).toLowerCase(),
    )
    if (fn) {
      const inputs = fn.inputs.map((input) => `${input.type} ${input.name ?? ''}`.trim())
      return `${fn.name}(${inputs.join(', ')}) is outside this session's permissions.`
    }
  }
  return reason.message
}
