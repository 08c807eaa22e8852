import type { SmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import type { Address, Client, Hex } from 'viem'
import { parseAbi } from 'viem'
import { readContract } from 'viem/actions'
import { delegationManagerAbi } from '../accounts/abis.js'
import { type CompiledDelegation, enforcerAddress } from './toCaveats.js'
import type { DelegationUsage, PolicyUsage } from './types.js'

const enforcerAbi = parseAbi([
  'function callCounts(address, bytes32) view returns (uint256)',
  'function spentMap(address, bytes32) view returns (uint256)',
  // periodAmount, periodDuration, startDate, lastTransferPeriod, transferredInCurrentPeriod
  'function periodicAllowances(address, bytes32) view returns (uint256, uint256, uint256, uint256, uint256)',
])

export type ReadUsageParameters = {
  client: Client
  environment: Pick<SmartAccountsEnvironment, 'DelegationManager' | 'caveatEnforcers'>
  /** The session's compiled delegations with the hash of each signed delegation. */
  delegations: readonly { delegation: CompiledDelegation; hash: Hex }[]
}

export type ReadUsageReturnType = PolicyUsage

/** Reads the enforcer state of a session's delegations (call counts, spent amounts, period state, revocation) from chain. https://sessionkit.dev/policy#usage */
export async function readUsage({
  client,
  environment,
  delegations,
}: ReadUsageParameters): Promise<ReadUsageReturnType> {
  const manager = environment.DelegationManager as Address
  const entries = await Promise.all(
    delegations.map(async ({ delegation, hash }): Promise<[string, DelegationUsage]> => {
      const { plan } = delegation
      const read = (name: string, functionName: 'callCounts' | 'spentMap') =>
        readContract(client, {
          address: enforcerAddress(environment, name),
          abi: enforcerAbi,
          functionName,
          args: [manager, hash],
        })
      const periodOf = async (name: string) => {
        const [, , startDate, lastTransferPeriod, transferredInCurrentPeriod] = await readContract(
          client,
          {
            address: enforcerAddress(environment, name),
            abi: enforcerAbi,
            functionName: 'periodicAllowances',
            args: [manager, hash],
          },
        )
        return startDate === 0n ? undefined : { lastTransferPeriod, transferredInCurrentPeriod }
      }
      const [disabled, callsUsed, nativeSpent, nativePeriod, erc20Spent, erc20Period] =
        await Promise.all([
          readContract(client, {
            address: manager,
            abi: delegationManagerAbi,
            functionName: 'disabledDelegations',
            args: [hash],
          }),
          plan.limitedCalls !== undefined ? read('LimitedCallsEnforcer', 'callCounts') : undefined,
          plan.nativeTotal !== undefined
            ? read('NativeTokenTransferAmountEnforcer', 'spentMap')
            : undefined,
          plan.nativePeriod ? periodOf('NativeTokenPeriodTransferEnforcer') : undefined,
          plan.erc20Total !== undefined
            ? read('ERC20TransferAmountEnforcer', 'spentMap')
            : undefined,
          plan.erc20Period ? periodOf('ERC20PeriodTransferEnforcer') : undefined,
        ])
      const usage: DelegationUsage = { disabled }
      if (callsUsed !== undefined) usage.callsUsed = Number(callsUsed)
      if (nativeSpent !== undefined) usage.nativeSpent = nativeSpent
      if (nativePeriod) usage.nativePeriod = nativePeriod
      if (erc20Spent !== undefined) usage.erc20Spent = erc20Spent
      if (erc20Period) usage.erc20Period = erc20Period
      return [delegation.id, usage]
    }),
  )
  return {
    revoked: entries.length > 0 && entries.every(([, usage]) => usage.disabled),
    delegations: Object.fromEntries(entries),
  }
}
