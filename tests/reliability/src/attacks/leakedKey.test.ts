import {
  type CreateSessionReturnType,
  createSession,
  definePolicy,
  getDeleGatorDeployment,
  revokeSession,
  sendSessionCalls,
} from '@sessionkit/core'
import { getDevnet } from '@sessionkit/test'
import {
  type Address,
  encodeFunctionData,
  type Hex,
  http,
  keccak256,
  numberToHex,
  parseEther,
  toHex,
} from 'viem'
import { createBundlerClient, type UserOperation } from 'viem/account-abstraction'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  counterAbi,
  deployTestContracts,
  type TestContracts,
  testTokenAbi,
  vaultAbi,
} from '../contracts.js'
import { recordFigures } from '../figures.js'
import { createTestApp, type TestApp } from '../session.js'
import {
  type Attacker,
  type Attempt,
  createAttacker,
  type Execution,
  type StolenDelegation,
} from './attacker.js'

/**
 * Leaked-key attacks: the attacker has the raw session key and the stored delegations, and acts
 * on-chain outside our client. Every attack must fail, and the chain state must not change.
 */

type Stolen = {
  id: string
  sessionKey: Hex
  sessionAccount: Address
  root: StolenDelegation
  leaves: { id: string; delegation: StolenDelegation }[]
}

type Row = { attack: string; attempts: number; outcome: string; succeeded: boolean }

const devnet = getDevnet()
const rows: Row[] = []
let app: TestApp
let attacker: Attacker
let contracts: TestContracts
let user: Address
let itemId: bigint
const loot = `0x${keccak256(toHex('sk-reliability-loot')).slice(26)}` as Address

const call = (target: Address, data: Hex, value = 0n): Execution => ({
  target,
  value,
  callData: data,
})
const increment = () =>
  call(contracts.counter, encodeFunctionData({ abi: counterAbi, functionName: 'increment' }))
const rpc = (method: string, params: unknown[]) =>
  attacker.publicClient.request({ method, params } as never)

/** What the attacker wants to change: any difference after an attack means it had an effect. */
async function snapshot() {
  const read = <T>(
    address: Address,
    abi: readonly unknown[],
    functionName: string,
    args: unknown[] = [],
  ) =>
    attacker.publicClient.readContract({
      address,
      abi: abi as never,
      functionName,
      args,
    } as never) as Promise<T>
  return {
    counterTotal: await read<bigint>(contracts.counter, counterAbi, 'total'),
    userCount: await read<bigint>(contracts.counter, counterAbi, 'counts', [user]),
    itemOwner: await read<Address>(contracts.vault, vaultAbi, 'ownerOf', [itemId]),
    vaultNextId: await read<bigint>(contracts.vault, vaultAbi, 'nextId'),
    userToken: await read<bigint>(contracts.token, testTokenAbi, 'balanceOf', [user]),
    lootToken: await read<bigint>(contracts.token, testTokenAbi, 'balanceOf', [loot]),
    userEth: await attacker.publicClient.getBalance({ address: user }),
    lootEth: await attacker.publicClient.getBalance({ address: loot }),
  }
}

/** Reads what a thief gets from the app's storage: the raw key and the signed delegations. */
async function steal(session: CreateSessionReturnType): Promise<Stolen> {
  const stored = await app.storage.get(session.id, {
    chainId: session.chainId,
    account: session.account,
    appId: app.config.appId,
  })
  if (!stored) throw new Error('session not stored')
  const entries = stored.delegations as { role: string; id: string; delegation: StolenDelegation }[]
  const root = entries.find((e) => e.role === 'root')?.delegation
  if (!root) throw new Error('no root delegation')
  const stolen = {
    id: session.id,
    sessionKey: stored.privateKey,
    sessionAccount: stored.sessionAccount,
    root,
    leaves: entries
      .filter((e) => e.role === 'leaf')
      .map((e) => ({ id: e.id, delegation: e.delegation })),
  }
  // The attacker funds the session account so it can pay its own UserOperations, and deploys it if needed.
  await rpc('anvil_setBalance', [stolen.sessionAccount, numberToHex(parseEther('1'))])
  if (!(await attacker.publicClient.getCode({ address: stolen.sessionAccount }))) {
    const owner = privateKeyToAccount(stolen.sessionKey).address
    const deployment = getDeleGatorDeployment({ owner, environment: devnet.environment as never })
    expect(deployment.address).toBe(stolen.sessionAccount)
    await attacker.mine(deployment.factory, deployment.factoryData)
    expect(await attacker.publicClient.getCode({ address: stolen.sessionAccount })).toBeTruthy()
  }
  return stolen
}

/** Runs one attack: each attempt must fail and the state must not change. */
async function attack(name: string, attempts: (() => Promise<Attempt>)[]) {
  const before = await snapshot()
  const results: Attempt[] = []
  for (const attempt of attempts) results.push(await attempt())
  const after = await snapshot()
  const changed = Object.keys(before).filter(
    (k) => before[k as keyof typeof before] !== after[k as keyof typeof after],
  )
  const succeeded = results.some((r) => r.landed) || changed.length > 0
  const outcome = succeeded
    ? `SUCCEEDED: ${results.map((r) => r.detail).join('; ')}${changed.length ? ` (changed ${changed.join(', ')})` : ''}`
    : [...new Set(results.map((r) => r.detail))].join('; ')
  rows.push({ attack: name, attempts: results.length, outcome, succeeded })
  return { succeeded, results, changed }
}

/** Each leaf of the session, as the session account (every scope the key holds). */
const everyLeaf = (s: Stolen, execution: Execution) =>
  s.leaves.map(
    (leaf) => () =>
      attacker.redeemAsSession(
        s.sessionKey,
        s.sessionAccount,
        [leaf.delegation, s.root],
        execution,
      ),
  )

let main: Stolen
let limited: Stolen
let revoked: Stolen
let expiring: Stolen
let notYet: Stolen
let replayHash: Hex

beforeAll(async () => {
  const [walletKey, deployerKey, attackerKey] = [
    devnet.accounts[0],
    devnet.accounts[1],
    devnet.accounts[4],
  ]
  if (!walletKey || !deployerKey || !attackerKey) throw new Error('not enough dev accounts')
  contracts = await deployTestContracts({
    chain: devnet.chain,
    rpcUrl: devnet.rpcUrl,
    privateKey: deployerKey.privateKey,
  })
  app = await createTestApp({ devnet, walletIndex: 0 })
  attacker = createAttacker({
    chain: devnet.chain,
    rpcUrl: devnet.rpcUrl,
    attackerKey: attackerKey.privateKey,
    entryPoint: devnet.environment.EntryPoint,
    delegationManager: devnet.environment.DelegationManager,
    environment: devnet.environment,
  })
  const now = Number((await attacker.publicClient.getBlock()).timestamp)
  const create = (policy: Parameters<typeof definePolicy>[0], label: string) =>
    createSession(app.config, { policy: definePolicy(policy), label })
  const sessionMain = await create(
    {
      calls: [{ target: contracts.counter, abi: counterAbi, functions: ['increment', 'move'] }],
      tokens: [{ address: contracts.token, decimals: 18, total: parseEther('10') }],
      native: { total: parseEther('0.1'), transfers: true },
      validity: { expiresIn: 3600 },
    },
    'main',
  )
  user = sessionMain.account
  // The user's account holds what an attacker wants: ETH, tokens and a valuable item.
  const deployer = createAttacker({
    chain: devnet.chain,
    rpcUrl: devnet.rpcUrl,
    attackerKey: deployerKey.privateKey,
    entryPoint: devnet.environment.EntryPoint,
    delegationManager: devnet.environment.DelegationManager,
    environment: devnet.environment,
  })
  await deployer.mine(
    contracts.token,
    encodeFunctionData({
      abi: testTokenAbi,
      functionName: 'mint',
      args: [user, parseEther('1000')],
    }),
  )
  itemId = (await attacker.publicClient.readContract({
    address: contracts.vault,
    abi: vaultAbi,
    functionName: 'nextId',
  })) as bigint
  await deployer.mine(
    contracts.vault,
    encodeFunctionData({ abi: vaultAbi, functionName: 'mint', args: [user] }),
  )
  await rpc('anvil_setBalance', [user, numberToHex(parseEther('10'))])

  // A legitimate first action deploys the user's and the session's accounts.
  const first = await sendSessionCalls(app.config, {
    id: sessionMain.id,
    calls: [{ address: contracts.counter, abi: counterAbi, functionName: 'increment' }],
  })
  await first.wait()

  const sessionLimited = await create(
    {
      calls: [{ target: contracts.counter, abi: counterAbi, functions: ['increment'] }],
      actions: 2,
      validity: { expiresIn: 3600 },
    },
    'limited',
  )
  for (let i = 0; i < 2; i++) {
    const sent = await sendSessionCalls(app.config, {
      id: sessionLimited.id,
      calls: [{ address: contracts.counter, abi: counterAbi, functionName: 'increment' }],
    })
    await sent.wait()
    // The second one deploys nothing: replaying it tests the nonce, not the factory.
    replayHash = sent.hash
  }
  const sessionRevoked = await create(
    {
      calls: [{ target: contracts.counter, abi: counterAbi, functions: ['increment'] }],
      validity: { expiresIn: 3600 },
    },
    'revoked',
  )
  await (
    await sendSessionCalls(app.config, {
      id: sessionRevoked.id,
      calls: [{ address: contracts.counter, abi: counterAbi, functionName: 'increment' }],
    })
  ).wait()
  await revokeSession(app.config, { id: sessionRevoked.id })
  const sessionExpiring = await create(
    {
      calls: [{ target: contracts.counter, abi: counterAbi, functions: ['increment'] }],
      validity: { expiresIn: 600 },
    },
    'expiring',
  )
  const sessionNotYet = await create(
    {
      calls: [{ target: contracts.counter, abi: counterAbi, functions: ['increment'] }],
      validity: { notBefore: now + 3600, expiresAt: now + 7200 },
    },
    'not yet valid',
  )
  main = await steal(sessionMain)
  limited = await steal(sessionLimited)
  revoked = await steal(sessionRevoked)
  expiring = await steal(sessionExpiring)
  notYet = await steal(sessionNotYet)
})

afterAll(() => {
  const succeeded = rows.filter((r) => r.succeeded).length
  recordFigures('attacks', { attacks: { tried: rows.length, succeeded } })
  const width = Math.max(...rows.map((r) => r.attack.length), 6)
  console.info(
    [
      `leaked-key attacks (raw session key, outside the client, on-chain):`,
      `  #  ${'attack'.padEnd(width)}  tries  outcome`,
      ...rows.map(
        (r, i) =>
          `  ${String(i + 1).padStart(2)} ${r.attack.padEnd(width)}  ${String(r.attempts).padStart(5)}  ${r.outcome}`,
      ),
      `  ${rows.length} attacks tried, ${succeeded} succeeded`,
    ].join('\n'),
  )
})

describe('leaked session key: attacks on-chain', () => {
  test('control: the attacker toolbox works — an allowed call with the stolen key lands', async () => {
    const before = await snapshot()
    const results = []
    for (const attempt of everyLeaf(main, increment())) results.push(await attempt())
    expect(results.filter((r) => r.landed)).toEqual([
      { landed: true, detail: 'UserOperation executed' },
    ])
    expect((await snapshot()).userCount).toBe(before.userCount + 1n)
  })

  test('attack: transfer the valuable item', async () => {
    const transfer = call(
      contracts.vault,
      encodeFunctionData({
        abi: vaultAbi,
        functionName: 'transferFrom',
        args: [user, loot, itemId],
      }),
    )
    const { succeeded } = await attack(
      'transfer the valuable item (Vault)',
      everyLeaf(main, transfer),
    )
    expect(succeeded).toBe(false)
  })

  test('attack: drain native tokens', async () => {
    const { succeeded } = await attack('drain native ETH (5 ETH, cap 0.1)', [
      ...everyLeaf(main, call(loot, '0x', parseEther('5'))),
      ...everyLeaf(main, call(loot, '0x', parseEther('0.1') + 1n)),
    ])
    expect(succeeded).toBe(false)
  })

  test('attack: ERC-20 transfer over the cap', async () => {
    const over = call(
      contracts.token,
      encodeFunctionData({
        abi: testTokenAbi,
        functionName: 'transfer',
        args: [loot, parseEther('10') + 1n],
      }),
    )
    const approve = call(
      contracts.token,
      encodeFunctionData({
        abi: testTokenAbi,
        functionName: 'approve',
        args: [loot, parseEther('1000')],
      }),
    )
    const { succeeded } = await attack('ERC-20 over the cap (10 + 1 wei), approve all', [
      ...everyLeaf(main, over),
      ...everyLeaf(main, approve),
    ])
    expect(succeeded).toBe(false)
  })

  test('attack: call a function not allowed', async () => {
    const reset = call(
      contracts.counter,
      encodeFunctionData({ abi: counterAbi, functionName: 'reset' }),
    )
    const deposit = call(
      contracts.counter,
      encodeFunctionData({ abi: counterAbi, functionName: 'deposit' }),
      1n,
    )
    const { succeeded } = await attack('function not allowed (reset, payable deposit)', [
      ...everyLeaf(main, reset),
      ...everyLeaf(main, deposit),
    ])
    expect(succeeded).toBe(false)
  })

  test('attack: call another contract', async () => {
    const mint = call(
      contracts.vault,
      encodeFunctionData({ abi: vaultAbi, functionName: 'mint', args: [loot] }),
    )
    const tokenMint = call(
      contracts.token,
      encodeFunctionData({ abi: testTokenAbi, functionName: 'mint', args: [loot, 1n] }),
    )
    const { succeeded } = await attack('call another contract (Vault.mint, Token.mint)', [
      ...everyLeaf(main, mint),
      ...everyLeaf(main, tokenMint),
    ])
    expect(succeeded).toBe(false)
  })

  test('attack: use the delegation after revoke', async () => {
    const { succeeded } = await attack('use after revoke', everyLeaf(revoked, increment()))
    expect(succeeded).toBe(false)
  })

  test('attack: use before not-before', async () => {
    const { succeeded } = await attack('use before not-before', everyLeaf(notYet, increment()))
    expect(succeeded).toBe(false)
  })

  test('attack: redeem from another account', async () => {
    const { succeeded } = await attack(
      'redeem from the attacker EOA',
      main.leaves.map(
        (leaf) => () => attacker.redeemAsAttacker([leaf.delegation, main.root], increment()),
      ),
    )
    expect(succeeded).toBe(false)
  })

  test('attack: replay an exhausted limited call', async () => {
    const { succeeded } = await attack(
      'replay an exhausted limited call (2 of 2 used)',
      everyLeaf(limited, increment()),
    )
    expect(succeeded).toBe(false)
  })

  test('attack: re-delegate onward to the attacker (3-link chain)', async () => {
    const account = await attacker.sessionAccount(main.sessionKey, main.sessionAccount)
    const attempts = main.leaves.map((leaf) => async () => {
      const { hashDelegation } = await import('@sessionkit/core')
      const onward = {
        delegate: attacker.address,
        delegator: main.sessionAccount,
        authority: hashDelegation({
          ...leaf.delegation,
          salt: BigInt(leaf.delegation.salt),
          caveats: [...leaf.delegation.caveats],
        }),
        caveats: [],
        salt: 1n,
      }
      const signature = await account.signDelegation({ delegation: onward as never })
      return attacker.redeemAsAttacker(
        [{ ...onward, signature }, leaf.delegation, main.root],
        increment(),
      )
    })
    const { succeeded } = await attack('re-delegate onward (session account → attacker)', attempts)
    expect(succeeded).toBe(false)
  })

  test('attack: skip the leaf, redeem the root alone', async () => {
    const { succeeded } = await attack('redeem the root alone (skip the leaf)', [
      () =>
        attacker.redeemAsSession(main.sessionKey, main.sessionAccount, [main.root], increment()),
    ])
    expect(succeeded).toBe(false)
  })

  test('attack: strip the caveats of a leaf', async () => {
    const { succeeded } = await attack(
      'strip the leaf caveats (keep its signature)',
      main.leaves.map(
        (leaf) => () =>
          attacker.redeemAsSession(
            main.sessionKey,
            main.sessionAccount,
            [{ ...leaf.delegation, caveats: [] }, main.root],
            increment(),
          ),
      ),
    )
    expect(succeeded).toBe(false)
  })

  test('attack: replay a UserOperation that already landed', async () => {
    const bundler = createBundlerClient({ transport: http(devnet.bundlerUrl), chain: devnet.chain })
    const landed = await bundler.getUserOperation({ hash: replayHash })
    const { succeeded } = await attack('replay a landed UserOperation (same signature)', [
      () => attacker.handleOps(landed.userOperation as UserOperation<'0.7'>),
    ])
    expect(succeeded).toBe(false)
  })

  test('attack: use after expiry (anvil time travel)', async () => {
    // The same call works before expiry: the refusal below is the expiry, not the call.
    const results = []
    for (const attempt of everyLeaf(expiring, increment())) results.push(await attempt())
    expect(results.filter((r) => r.landed)).toHaveLength(1)
    await rpc('evm_increaseTime', [numberToHex(601)])
    await rpc('evm_mine', [])
    const { succeeded } = await attack(
      'use after expiry (+601 s)',
      everyLeaf(expiring, increment()),
    )
    expect(succeeded).toBe(false)
  })

  test('summary: every attack failed', () => {
    expect(rows.length).toBeGreaterThanOrEqual(12)
    expect(rows.filter((r) => r.succeeded)).toEqual([])
  })
})
