import { DelegationManager as delegationManagerAbi } from '@metamask/delegation-abis'
import {
  Implementation,
  ROOT_AUTHORITY,
  toMetaMaskSmartAccount,
} from '@metamask/smart-accounts-kit'
import { encodeDelegations, hashDelegation } from '@metamask/smart-accounts-kit/utils'
import { getDevnet } from '@sessionkit/test'
import {
  type Address,
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  encodePacked,
  type Hex,
  http,
  numberToHex,
  parseAbi,
  toHex,
  zeroHash,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { beforeAll, describe, expect, test } from 'vitest'
import { checkCalls } from './checkCalls.js'
import { definePolicy } from './definePolicy.js'
import { readUsage } from './readUsage.js'
import { toCaveats } from './toCaveats.js'

const gameAbi = parseAbi(['function move(uint8 direction)'])
const erc20Abi = parseAbi(['function transfer(address to, uint256 amount) returns (bool)'])
// Codeless addresses: calls to them succeed once the enforcers agree.
const game = '0x00000000000000000000000000000000000a11ce' as const
const token = '0x00000000000000000000000000000000000b0b00' as const
const friend = '0x0000000000000000000000000000000000c0ffee' as const

describe('readUsage', () => {
  const devnet = getDevnet()
  const publicClient = createPublicClient({
    chain: devnet.chain,
    pollingInterval: 20,
    transport: http(devnet.rpcUrl),
  })
  const owner = privateKeyToAccount(devnet.accounts[3]?.privateKey as Hex)
  const sessionAccount = privateKeyToAccount(devnet.accounts[4]?.privateKey as Hex)
  const sessionWallet = createWalletClient({
    account: sessionAccount,
    chain: devnet.chain,
    transport: http(devnet.rpcUrl),
  })
  const environment = devnet.environment
  const rpc = (method: string, params: unknown[]) =>
    publicClient.request({ method, params } as never)
  let user: Awaited<ReturnType<typeof toMetaMaskSmartAccount<Implementation.Hybrid>>>

  beforeAll(async () => {
    user = await toMetaMaskSmartAccount({
      client: publicClient,
      implementation: Implementation.Hybrid,
      deployParams: [owner.address, [], [], []],
      deploySalt: toHex('sk-read-usage', { size: 32 }),
      signer: { account: owner },
      environment,
    })
    const { factory, factoryData } = await user.getFactoryArgs()
    const ownerWallet = createWalletClient({
      account: owner,
      chain: devnet.chain,
      transport: http(devnet.rpcUrl),
    })
    const hash = await ownerWallet.sendTransaction({
      to: factory as Address,
      data: factoryData as Hex,
    })
    await publicClient.waitForTransactionReceipt({ hash })
    await rpc('anvil_setBalance', [user.address, numberToHex(10n ** 18n)])
  })

  test('behavior: reads call counts, spent amounts and period state after redemptions, and revocation', async () => {
    const grantedAt = Number((await publicClient.getBlock()).timestamp) + 1
    const policy = definePolicy(
      {
        calls: [{ target: game, abi: gameAbi, functions: ['move'] }],
        actions: 3,
        native: { total: 100n, perPeriod: { amount: 50n, period: 'hour' }, transfers: true },
        tokens: [
          { address: token, decimals: 6, total: 1000n, perPeriod: { amount: 400n, period: 'day' } },
        ],
        validity: { expiresIn: 86400 },
      },
      { now: grantedAt },
    )
    const compiled = toCaveats(policy, { environment, redeemer: sessionAccount.address, grantedAt })
    const signed = await Promise.all(
      compiled.map(async (delegation, i) => {
        const unsigned = {
          delegate: sessionAccount.address,
          delegator: user.address,
          authority: ROOT_AUTHORITY as Hex,
          caveats: delegation.caveats,
          salt: numberToHex(BigInt(grantedAt) * 10n + BigInt(i), { size: 32 }),
        }
        const full = { ...unsigned, signature: await user.signDelegation({ delegation: unsigned }) }
        return { delegation, full, hash: hashDelegation(full), context: encodeDelegations([full]) }
      }),
    )
    const byId = (id: string) =>
      signed.find((s) => s.delegation.id === id) as (typeof signed)[number]
    const redeemData = (id: string, to: Address, value: bigint, data: Hex) =>
      encodeFunctionData({
        abi: parseAbi(['function redeemDelegations(bytes[], bytes32[], bytes[])']),
        functionName: 'redeemDelegations',
        args: [
          [byId(id).context],
          [zeroHash],
          [encodePacked(['address', 'uint256', 'bytes'], [to, value, data])],
        ],
      })
    const redeem = async (id: string, to: Address, value: bigint, data: Hex) => {
      const hash = await sessionWallet.sendTransaction({
        to: environment.DelegationManager,
        data: redeemData(id, to, value, data),
      })
      expect((await publicClient.waitForTransactionReceipt({ hash })).status).toBe('success')
    }
    const move = encodeFunctionData({ abi: gameAbi, functionName: 'move', args: [1] })
    const pay = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transfer',
      args: [friend, 300n],
    })
    await redeem('calls:0', game, 0n, move)
    await redeem('calls:0', game, 0n, move)
    await redeem('native', friend, 30n, '0x')
    await redeem(`erc20:${token}`, token, 0n, pay)

    const delegations = signed.map(({ delegation, hash }) => ({ delegation, hash }))
    const usage = await readUsage({ client: publicClient, environment, delegations })
    expect(usage).toEqual({
      revoked: false,
      delegations: {
        'calls:0': { disabled: false, callsUsed: 2 },
        native: {
          disabled: false,
          nativeSpent: 30n,
          nativePeriod: { lastTransferPeriod: 1n, transferredInCurrentPeriod: 30n },
        },
        [`erc20:${token}`]: {
          disabled: false,
          erc20Spent: 300n,
          erc20Period: { lastTransferPeriod: 1n, transferredInCurrentPeriod: 300n },
        },
      },
    })
    const now = Number((await publicClient.getBlock()).timestamp) + 1
    const check = checkCalls({ policy, grantedAt, now, usage, calls: [{ to: game, data: move }] })
    expect(check.allowed && check.remaining).toMatchObject({ actionsLeft: 0, actionsUsed: 3 })
    expect(check.remaining.spend.map((s) => s.left)).toEqual([70n, 20n, 700n, 100n])

    // Revoke the native delegation as the user account (impersonated): both the check and the chain refuse it now.
    await rpc('anvil_impersonateAccount', [user.address])
    const userWallet = createWalletClient({
      account: user.address,
      chain: devnet.chain,
      transport: http(devnet.rpcUrl),
    })
    const { full } = byId('native')
    const hash = await userWallet.writeContract({
      address: environment.DelegationManager,
      abi: delegationManagerAbi,
      functionName: 'disableDelegation',
      args: [{ ...full, salt: BigInt(full.salt) }],
    })
    await publicClient.waitForTransactionReceipt({ hash })
    await rpc('anvil_stopImpersonatingAccount', [user.address])
    const after = await readUsage({ client: publicClient, environment, delegations })
    expect(after.delegations?.native?.disabled).toBe(true)
    expect(after.revoked).toBe(false)
    const tip = checkCalls({
      policy,
      grantedAt,
      now,
      usage: after,
      calls: [{ to: friend, value: 1n }],
    })
    expect(tip.allowed ? undefined : tip.reason.code).toBe('revoked')
    await expect(
      publicClient.call({
        account: sessionAccount.address,
        to: environment.DelegationManager,
        data: redeemData('native', friend, 1n, '0x'),
      }),
    ).rejects.toThrow()
    await expect(
      publicClient.call({
        account: sessionAccount.address,
        to: environment.DelegationManager,
        data: redeemData('calls:0', game, 0n, move),
      }),
    ).resolves.toBeDefined()
  })
})
