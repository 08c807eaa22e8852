import type { Abi } from 'abitype'
import type { Address, Hex } from 'viem'
import { encodeFunctionData, isAddress, isHex } from 'viem'
import { PolicyCallDecodeError } from '../errors/policy.js'
import type { RawCall } from './matchCall.js'

/** A call as raw `{ to, data, value? }` or as `{ address, abi, functionName, args, value? }`. */
export type PolicyCall =
  | { to: Address; data?: Hex | undefined; value?: bigint | undefined }
  | {
      address: Address
      abi: Abi | readonly unknown[]
      functionName: string
      args?: readonly unknown[] | undefined
      value?: bigint | undefined
    }

/** Normalizes a call to `{ to, data, value }`; throws `PolicyCallDecodeError` on a malformed call. */
export function toRawCall(call: PolicyCall, callIndex: number): RawCall {
  const value = call.value ?? 0n
  if (typeof value !== 'bigint' || value < 0n)
    throw new PolicyCallDecodeError({
      callIndex,
      cause: new Error(`value is not a non-negative bigint (${String(value)})`),
    })
  if ('to' in call) {
    const data = call.data ?? '0x'
    if (!isAddress(call.to, { strict: false }) || !isHex(data) || data.length % 2 !== 0)
      throw new PolicyCallDecodeError({
        callIndex,
        cause: new Error('to must be an address and data even-length hex'),
      })
    return { to: call.to, data, value }
  }
  if (!isAddress(call.address, { strict: false }))
    throw new PolicyCallDecodeError({
      callIndex,
      cause: new Error(`address is not an address (${String(call.address)})`),
    })
  try {
    const data = encodeFunctionData({
      abi: call.abi as Abi,
      functionName: call.functionName,
      args: call.args ?? [],
    } as never)
    return { to: call.address, data, value }
  } catch (cause) {
    throw new PolicyCallDecodeError({ callIndex, cause })
  }
}
