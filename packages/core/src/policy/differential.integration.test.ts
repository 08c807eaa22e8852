import {
  Implementation,
  ROOT_AUTHORITY,
  toMetaMaskSmartAccount,
} from '@metamask/smart-accounts-kit'
import { encodeDelegations, hashDelegation } from '@metamask/smart-accounts-kit/utils'
import { getDevnet } from '@sessionkit/test'
import fc from 'fast-check'
import {
  type Address,
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  encodePacked,
  type Hex,
  http,
  numberToHex,
  toHex,
  zeroHash,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { beforeAll, describe, expect, test } from 'vitest'
import { checkCalls } from './checkCalls.js'
import { definePolicy, type Policy } from './definePolicy.js'
import { managerAbi, scenarioArb, timesOf, toCall, toPolicy } from './fuzz.test-utils.js'
import { readUsage } from './readUsage.js'
import { toCaveats } from './toCaveats.js'

/**
 * Differential test: random policies and calls are judged by `checkCalls` and by the chain
 * (`DelegationManager.redeemDelegations` simulated with eth_call from the session account at the
 * same block time); the verdicts must agree. Allowed batches are then mined so that counters,
 * spent amounts and period state evolve, and are read back with `readUsage`.
 */

const seed = Number(process.env.SK_FUZZ_SEED ?? 20261121)
const minCalls = Number(process.env.SK_FUZZ_RUNS ?? 500)

describe('differential: checkCalls vs the chain', () => {
  const devnet = getDevnet()
  const publicClient = createPublicClient({
    chain: devnet.chain,
    transport: http(devnet.rpcUrl, { batch: { batchSize: 100 } }),
  })
  const rpc = (method: string, params: unknown[]) =>
    publicClient.request({ method, params } as never)
  const owner = privateKeyToAccount(devnet.accounts[3]?.privateKey as Hex)
  const sessionAccount = privateKeyToAccount(devnet.accounts[4]?.privateKey as Hex)
  const sessionWallet = createWalletClient({
    account: sessionAccount,
    chain: devnet.chain,
    transport: http(devnet.rpcUrl),
  })
  const ownerWallet = createWalletClient({
    account: owner,
    chain: devnet.chain,
    transport: http(devnet.rpcUrl),
  })
  const environment = devnet.environment
  let user: Awaited<ReturnType<typeof toMetaMaskSmartAccount<Implementation.Hybrid>>>

  beforeAll(async () => {
    user = await toMetaMaskSmartAccount({
      client: publicClient,
      implementation: Implementation.Hybrid,
      deployParams: [owner.address, [], [], []],
      deploySalt: toHex(`sk-diff-${seed}`, { size: 32 }),
      signer: { account: owner },
      environment,
    })
    const { factory, factoryData } = await user.getFactoryArgs()
    if (!(await publicClient.getCode({ address: user.address }))) {
      const hash = await ownerWallet.sendTransaction({
        to: factory as Address,
        data: factoryData as Hex,
      })
      await publicClient.waitForTransactionReceipt({ hash })
    }
    await rpc('anvil_setBalance', [user.address, numberToHex(2n ** 200n)])
  })

  test(
    `differential: >= ${minCalls} random calls get the same verdict from checkCalls and the chain`,
    async () => {
      let calls = 0
      let mismatches = 0
      let policies = 0
      let skipped = 0
      let allowed = 0
      const examples: string[] = []
      const reasons: Record<string, number> = {}
      const spent = { sign: 0, usage: 0, simulate: 0, mine: 0 }
      const timed = async <T>(key: keyof typeof spent, fn: () => Promise<T>) => {
        const start = performance.now()
        try {
          return await fn()
        } finally {
          spent[key] += performance.now() - start
        }
      }
      const scenarios = fc.sample(scenarioArb, { seed, numRuns: 2000 })
      let salt = BigInt(seed) * 1_000_000n

      for (const scenario of scenarios) {
        if (calls >= minCalls) break
        const latest = await publicClient.getBlock()
        const grantedAt = Number(latest.timestamp) + 1
        let policy: Policy
        try {
          policy = definePolicy(toPolicy(scenario, grantedAt), { now: grantedAt })
        } catch {
          skipped++
          continue
        }
        policies++
        const compiled = toCaveats(policy, {
          environment,
          redeemer: sessionAccount.address,
          grantedAt,
        })
        const signed = await timed('sign', () =>
          Promise.all(
            compiled.map(async (delegation) => {
              const unsigned = {
                delegate: sessionAccount.address,
                delegator: user.address,
                authority: ROOT_AUTHORITY as Hex,
                caveats: delegation.caveats,
                salt: numberToHex(salt++, { size: 32 }),
              }
              const signature = await user.signDelegation({ delegation: unsigned })
              const full = { ...unsigned, signature }
              return {
                delegation,
                signed: full,
                hash: hashDelegation(full),
                context: encodeDelegations([full]),
              }
            }),
          ),
        )
        let lastTime = grantedAt - 1
        const steps = [...scenario.steps]
          .map((step) => ({ ...step, time: timesOf(policy, grantedAt, step.at) }))
          .sort((x, y) => x.time - y.time)
        for (const step of steps) {
          const time = Math.max(step.time, lastTime + 1)
          const batch = step.calls.map((r) => toCall(r, policy))
          const usage = await timed('usage', () =>
            readUsage({
              client: publicClient,
              environment,
              delegations: signed.map(({ delegation, hash }) => ({ delegation, hash })),
            }),
          )
          const verdict = checkCalls({ policy, grantedAt, calls: batch, now: time, usage })
          const raw = batch.map((call) =>
            'to' in call
              ? { to: call.to, data: call.data ?? '0x', value: call.value ?? 0n }
              : {
                  to: call.address,
                  data: encodeFunctionData({
                    abi: call.abi,
                    functionName: call.functionName,
                    args: call.args,
                  } as never),
                  value: call.value ?? 0n,
                },
          )
          const simulate = async (assignment: number[]) => {
            try {
              await publicClient.call({
                account: sessionAccount.address,
                to: environment.DelegationManager,
                data: encodeFunctionData({
                  abi: managerAbi,
                  functionName: 'redeemDelegations',
                  args: [
                    assignment.map((i) => signed[i]?.context as Hex),
                    assignment.map(() => zeroHash),
                    raw.map((c) =>
                      encodePacked(['address', 'uint256', 'bytes'], [c.to, c.value, c.data]),
                    ),
                  ],
                }),
                blockOverrides: { time: BigInt(time) },
              })
              return true
            } catch {
              return false
            }
          }
          // The chain allows the batch if ANY assignment of delegations to calls redeems.
          let chainAllowed = false
          let allowedAssignment: number[] | undefined
          if (signed.length > 0) {
            const assignments: number[][] = [[]]
            for (let i = 0; i < raw.length; i++)
              assignments.splice(
                0,
                assignments.length,
                ...assignments.flatMap((prefix) => signed.map((_, j) => [...prefix, j])),
              )
            // Try the assignment checkCalls would pick first, then all of them at once (one JSON-RPC batch).
            const results = await timed('simulate', () =>
              Promise.all(assignments.map((assignment) => simulate(assignment))),
            )
            const index = results.indexOf(true)
            if (index >= 0) {
              chainAllowed = true
              allowedAssignment = assignments[index]
            }
          }
          calls += batch.length
          const code = verdict.allowed ? 'allowed' : verdict.reason.code
          reasons[code] = (reasons[code] ?? 0) + 1
          if (process.env.SK_FUZZ_DEBUG === code && (reasons[code] ?? 0) < 6)
            console.info(
              JSON.stringify(
                {
                  verdict,
                  batch: raw,
                  policy: {
                    ...policy,
                    calls: policy.calls?.map((c) => ({ ...c, abi: undefined })),
                  },
                },
                (_, v) => (typeof v === 'bigint' ? v.toString() : v),
              ),
            )
          if (chainAllowed !== verdict.allowed) {
            mismatches++
            if (examples.length < 5)
              examples.push(
                JSON.stringify(
                  { time, grantedAt, verdict, chainAllowed, batch: raw, policy, usage },
                  (_, v) => (typeof v === 'bigint' ? v.toString() : v),
                ).slice(0, 4000),
              )
          }
          if (chainAllowed && allowedAssignment) {
            allowed += batch.length
            const mineStart = performance.now()
            await rpc('evm_setNextBlockTimestamp', [numberToHex(time)])
            const hash = await sessionWallet.sendTransaction({
              to: environment.DelegationManager,
              gas: 5_000_000n,
              data: encodeFunctionData({
                abi: managerAbi,
                functionName: 'redeemDelegations',
                args: [
                  allowedAssignment.map((i) => signed[i]?.context as Hex),
                  allowedAssignment.map(() => zeroHash),
                  raw.map((c) =>
                    encodePacked(['address', 'uint256', 'bytes'], [c.to, c.value, c.data]),
                  ),
                ],
              }),
            })
            const receipt = await publicClient.waitForTransactionReceipt({ hash })
            expect(receipt.status).toBe('success')
            spent.mine += performance.now() - mineStart
            lastTime = time
          }
        }
      }
      console.info(
        `differential: ${calls} calls, ${mismatches} mismatches (seed ${seed}, ${policies} policies, ${skipped} generated policies refused by definePolicy, ${allowed} calls allowed)`,
      )
      console.info(
        `differential verdicts: ${JSON.stringify(reasons)}; ms: ${JSON.stringify(spent, (_, v) => (typeof v === 'number' ? Math.round(v) : v))}`,
      )
      for (const example of examples) console.info(example)
      expect(calls).toBeGreaterThanOrEqual(minCalls)
      expect(mismatches).toBe(0)
    },
    Math.max(120_000, minCalls * 200),
  )
})
