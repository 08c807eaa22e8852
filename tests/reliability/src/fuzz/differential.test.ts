import {
  Implementation,
  ROOT_AUTHORITY,
  toMetaMaskSmartAccount,
} from '@metamask/smart-accounts-kit'
import { encodeDelegations, hashDelegation } from '@metamask/smart-accounts-kit/utils'
import {
  checkCalls,
  definePolicy,
  type Policy,
  type PolicyCall,
  readUsage,
  toCaveats,
} from '@sessionkit/core'
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
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { recordFigures } from '../figures.js'
import { managerAbi, remainingEdges, scenarioArb, timesOf, toCall, toPolicy } from './generator.js'

/**
 * Client and chain agree: random (policy, call) pairs are judged by `checkCalls` and by the chain
 * (`redeemDelegations` simulated from the delegate at the same block time); allowed batches are mined so
 * usage evolves. Default: a short seeded run; `SK_LONG=1`: at least 2,000 pairs (see README).
 */

const long = process.env.SK_LONG === '1'
const seed = Number(process.env.SK_FUZZ_SEED ?? 92026)
const minPairs = Number(process.env.SK_FUZZ_PAIRS ?? (long ? 2000 : 300))

const devnet = getDevnet()
const publicClient = createPublicClient({ chain: devnet.chain, transport: http(devnet.rpcUrl) })
const rpc = (method: string, params: unknown[]) => publicClient.request({ method, params } as never)
const owner = privateKeyToAccount(devnet.accounts[3]?.privateKey as Hex)
const delegate = privateKeyToAccount(devnet.accounts[4]?.privateKey as Hex)
const delegateWallet = createWalletClient({
  account: delegate,
  chain: devnet.chain,
  transport: http(devnet.rpcUrl),
})
const ownerWallet = createWalletClient({
  account: owner,
  chain: devnet.chain,
  transport: http(devnet.rpcUrl),
})
const environment = devnet.environment
const figures = { pairs: 0, mismatches: 0 }
let user: Awaited<ReturnType<typeof toMetaMaskSmartAccount<Implementation.Hybrid>>>

const toRaw = (batch: readonly PolicyCall[]) =>
  batch.map((call) =>
    'to' in call
      ? { to: call.to, data: call.data ?? ('0x' as Hex), value: call.value ?? 0n }
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

const redeemData = (contexts: Hex[], raw: ReturnType<typeof toRaw>) =>
  encodeFunctionData({
    abi: managerAbi,
    functionName: 'redeemDelegations',
    args: [
      contexts,
      contexts.map(() => zeroHash),
      raw.map((c) => encodePacked(['address', 'uint256', 'bytes'], [c.to, c.value, c.data])),
    ],
  })

beforeAll(async () => {
  user = await toMetaMaskSmartAccount({
    client: publicClient as never,
    implementation: Implementation.Hybrid,
    deployParams: [owner.address, [], [], []],
    deploySalt: toHex(`sk-reliability-fuzz-${seed}`, { size: 32 }),
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

afterAll(() => {
  recordFigures('fuzz', { fuzz: figures })
})

describe('differential fuzz: checkCalls vs the chain', () => {
  test(`differential: >= ${minPairs} seeded (policy, call) pairs, edge values included, 0 mismatches`, async () => {
    let pairs = 0
    let policies = 0
    let skipped = 0
    let allowed = 0
    let edges = 0
    const examples: string[] = []
    const reasons: Record<string, number> = {}
    let salt = BigInt(seed) * 1_000_000n
    const started = Date.now()

    for (const scenario of fc.sample(scenarioArb, { seed, numRuns: 20_000 })) {
      if (pairs >= minPairs) break
      const grantedAt = Number((await publicClient.getBlock()).timestamp) + 1
      let policy: Policy
      try {
        policy = definePolicy(toPolicy(scenario, grantedAt), { now: grantedAt })
      } catch {
        skipped++
        continue
      }
      policies++
      const compiled = toCaveats(policy, { environment, redeemer: delegate.address, grantedAt })
      const signed = await Promise.all(
        compiled.map(async (delegation) => {
          const unsigned = {
            delegate: delegate.address,
            delegator: user.address,
            authority: ROOT_AUTHORITY as Hex,
            caveats: delegation.caveats,
            salt: numberToHex(salt++, { size: 32 }),
          }
          const full = {
            ...unsigned,
            signature: await user.signDelegation({ delegation: unsigned }),
          }
          return { delegation, hash: hashDelegation(full), context: encodeDelegations([full]) }
        }),
      )
      let lastTime = grantedAt - 1

      /** Judges one batch at `time` by the client and by the chain; mines it when the chain allows it. */
      const judge = async (batch: PolicyCall[], time: number, label: string) => {
        const usage = await readUsage({
          client: publicClient,
          environment,
          delegations: signed.map(({ delegation, hash }) => ({ delegation, hash })),
        })
        const verdict = checkCalls({ policy, grantedAt, calls: batch, now: time, usage })
        const raw = toRaw(batch)
        let chainAllowed = false
        let assignment: number[] | undefined
        if (signed.length > 0) {
          let assignments: number[][] = [[]]
          for (let i = 0; i < raw.length; i++)
            assignments = assignments.flatMap((prefix) => signed.map((_, j) => [...prefix, j]))
          for (const candidate of assignments) {
            const ok = await publicClient
              .call({
                account: delegate.address,
                to: environment.DelegationManager,
                data: redeemData(
                  candidate.map((i) => signed[i]?.context as Hex),
                  raw,
                ),
                blockOverrides: { time: BigInt(time) },
              })
              .then(
                () => true,
                () => false,
              )
            if (ok) {
              chainAllowed = true
              assignment = candidate
              break
            }
          }
        }
        pairs += batch.length
        const code = verdict.allowed ? 'allowed' : verdict.reason.code
        reasons[`${label}:${code}`] = (reasons[`${label}:${code}`] ?? 0) + 1
        if (chainAllowed !== verdict.allowed) {
          figures.mismatches++
          if (examples.length < 5)
            examples.push(
              JSON.stringify(
                { label, time, grantedAt, verdict, chainAllowed, batch: raw, policy, usage },
                (_, v) => (typeof v === 'bigint' ? v.toString() : v),
              ).slice(0, 4000),
            )
        }
        if (chainAllowed && assignment) {
          allowed += batch.length
          await rpc('evm_setNextBlockTimestamp', [numberToHex(time)])
          const hash = await delegateWallet.sendTransaction({
            to: environment.DelegationManager,
            data: redeemData(
              assignment.map((i) => signed[i]?.context as Hex),
              raw,
            ),
          })
          expect((await publicClient.waitForTransactionReceipt({ hash })).status).toBe('success')
          lastTime = time
        }
        return verdict
      }

      const steps = scenario.steps
        .map((step) => ({ ...step, time: timesOf(policy, grantedAt, step.at) }))
        .sort((x, y) => x.time - y.time)
      for (const step of steps) {
        const time = Math.max(step.time, lastTime + 1)
        const verdict = await judge(
          step.calls.map((r) => toCall(r, policy)),
          time,
          'random',
        )
        // Extension: spend exactly what is left of a cap, or one more, at the next second.
        if (step.at % 3 === 0 && verdict.remaining.spend.length > 0)
          for (const batch of remainingEdges(verdict.remaining, step.at).slice(0, 1)) {
            edges++
            await judge(batch, Math.max(time, lastTime) + 1, 'edge')
          }
      }
    }
    figures.pairs = pairs
    console.info(
      `differential fuzz: ${pairs} pairs, ${figures.mismatches} mismatches (seed ${seed}, ${policies} policies, ${skipped} generated policies refused by definePolicy, ${allowed} calls allowed, ${edges} exact-remaining edge batches, ${Math.round((Date.now() - started) / 1000)} s)`,
    )
    console.info(`differential verdicts: ${JSON.stringify(reasons)}`)
    for (const example of examples) console.info(example)
    expect(pairs).toBeGreaterThanOrEqual(minPairs)
    expect(figures.mismatches).toBe(0)
  })
})
