import { getSmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import { createPublicClient, http } from 'viem'
import { sepolia } from 'viem/chains'
import { describe, expect, test } from 'vitest'
import * as check from './checkCalls.js'
import { checkCalls, readUsage, toCaveats } from './checked.js'
import { definePolicy } from './definePolicy.js'
import { describePolicy } from './describePolicy.js'
import { dungeon, dungeonAbi, now, session } from './fixtures.test-utils.js'
import * as caveats from './toCaveats.js'
import { withoutPermissions } from './withoutPermissions.js'

const environment = getSmartAccountsEnvironment(sepolia.id)
const policy = definePolicy(
  {
    calls: [{ target: dungeon, abi: dungeonAbi, functions: ['move'] }],
    validity: { expiresIn: 60 },
  },
  { now },
)
const refusedParameter = async (fn: () => unknown) => {
  try {
    await fn()
  } catch (error) {
    return `${(error as Error).name} ${(error as { parameter?: string }).parameter}`
  }
  return 'accepted'
}

describe('policy entry checks', () => {
  test('behavior: the public toCaveats compiles what the unchecked one does', () => {
    const parameters = { environment, redeemer: session, grantedAt: now }
    expect(toCaveats(policy, parameters)).toEqual(caveats.toCaveats(policy, parameters))
  })

  test('behavior: the public checkCalls judges what the unchecked one does, by default at the current time', () => {
    const parameters = { policy, calls: [{ to: dungeon, data: '0x' as const }], now: now + 1 }
    expect(checkCalls(parameters)).toEqual(check.checkCalls(parameters))
    const current = checkCalls({ ...parameters, now: undefined })
    expect(current.allowed ? 'allowed' : current.reason.code).toBe('function-not-allowed')
  })

  test('error: malformed parameters throw SessionParameterError naming the parameter', async () => {
    const cases: [() => unknown, string][] = [
      [() => toCaveats(policy, undefined as never), 'parameters'],
      [() => toCaveats(policy, { environment: 42 as never, redeemer: session }), 'environment'],
      [() => checkCalls(null as never), 'parameters'],
      [() => checkCalls({ policy, calls: 42 as never, now }), 'calls'],
      [() => definePolicy(policy, null as never), 'options'],
      [() => describePolicy(policy, null as never), 'options'],
      [() => withoutPermissions(policy, 42 as never), 'lineIds'],
      [() => withoutPermissions({ ...policy, calls: 'x' as never }, []), 'policy.calls'],
      [() => readUsage(null as never), 'parameters'],
      [() => readUsage({ client: 42 as never, environment, delegations: [] }), 'client'],
    ]
    for (const [fn, parameter] of cases)
      expect(await refusedParameter(fn)).toBe(`SessionParameterError ${parameter}`)
    const client = createPublicClient({ chain: sepolia, transport: http('http://127.0.0.1:1') })
    expect(
      await refusedParameter(() =>
        readUsage({
          client,
          environment: { ...environment, DelegationManager: '0x12' },
          delegations: [],
        }),
      ),
    ).toBe('SessionParameterError environment.DelegationManager')
  })
})
