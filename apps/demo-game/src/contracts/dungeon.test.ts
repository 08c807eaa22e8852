import { type Devnet, startDevnet } from '@sessionkit/devnet'
import {
  type Address,
  type ContractFunctionName,
  createPublicClient,
  createWalletClient,
  http,
  type PublicClient,
  zeroAddress,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { deployDungeon } from '../../scripts/deployDungeon.js'
import { direction, dungeonAbi, gridSize, tile } from './dungeon.js'

let devnet: Devnet
let publicClient: PublicClient
let game: Address

beforeAll(async () => {
  devnet = await startDevnet()
  publicClient = createPublicClient({ chain: devnet.chain, transport: http(devnet.rpcUrl) })
  game = await deployDungeon({ publicClient, walletClient: wallet(0) })
})
afterAll(async () => {
  await devnet?.stop()
})

function wallet(index: number) {
  const dev = devnet.accounts[index]!
  return createWalletClient({
    chain: devnet.chain,
    transport: http(devnet.rpcUrl),
    account: privateKeyToAccount(dev.privateKey),
  })
}

type WriteName = ContractFunctionName<typeof dungeonAbi, 'nonpayable'>
/** Sends one game call from dev account `index` and returns its receipt status. */
async function send(index: number, functionName: WriteName, args: readonly unknown[] = []) {
  const hash = await wallet(index).writeContract({
    address: game,
    abi: dungeonAbi,
    functionName,
    args: args as never,
  })
  return (await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })).status
}

const player = (address: Address) =>
  publicClient.readContract({
    address: game,
    abi: dungeonAbi,
    functionName: 'getPlayer',
    args: [address],
  })
const board = (address: Address) =>
  publicClient.readContract({
    address: game,
    abi: dungeonAbi,
    functionName: 'board',
    args: [address],
  })
const ownerOf = (id: bigint) =>
  publicClient.readContract({ address: game, abi: dungeonAbi, functionName: 'ownerOf', args: [id] })

describe('Dungeon', () => {
  test('behavior: a new player is unspawned and owns nothing', async () => {
    const p = await player(devnet.accounts[4]!.address)
    expect(p).toEqual({ x: 0, y: 0, spawned: false, actions: 0, kills: 0, gems: 0, relic: 0n })
  })

  test('behavior: the first move spawns the player and mints their relic', async () => {
    const me = devnet.accounts[1]!.address
    expect(await send(1, 'move', [direction.up])).toBe('success')
    const p = await player(me)
    expect(p.spawned).toBe(true)
    expect(p.actions).toBe(1)
    expect([p.x, p.y]).toEqual([0, 0]) // bumped into the top wall
    expect(p.relic).toBeGreaterThan(0n)
    expect(await ownerOf(p.relic)).toBe(me)
  })

  test('behavior: moves walk the grid, walls and monsters bump, every move counts', async () => {
    const me = devnet.accounts[2]!.address
    const tiles = await board(me)
    expect(tiles).toHaveLength(gridSize * gridSize)
    expect(tiles[0]).toBe(tile.empty)
    // Walk right along row 0 and predict each position from the board.
    let x = 0
    for (let i = 0; i < gridSize + 1; i++) {
      expect(await send(2, 'move', [direction.right])).toBe('success')
      const next = x + 1
      if (next < gridSize && tiles[next] !== tile.monster) x = next
      else break
    }
    const p = await player(me)
    expect(p.x).toBe(x)
    expect(p.y).toBe(0)
    expect(p.actions).toBeGreaterThan(0)
  })

  test('behavior: attack slays a neighbouring monster and pickUp takes a gem, clearing the tile', async () => {
    const me = devnet.accounts[3]!.address
    const tiles = await board(me)
    const monster = tiles.indexOf(tile.monster)
    const gem = tiles.indexOf(tile.gem)
    expect(monster).toBeGreaterThan(0)
    expect(gem).toBeGreaterThan(0)
    // Walk (around other monsters) next to the first monster, then strike toward it.
    const route = await walkTo(3, me, monster)
    expect(await send(3, 'attack', [route.lastDir])).toBe('success')
    const after = await board(me)
    expect(after[monster]).toBe(tile.empty)
    expect((await player(me)).kills).toBe(1)
    await walkTo(3, me, gem, true)
    expect(await send(3, 'pickUp')).toBe('success')
    expect((await board(me))[gem]).toBe(tile.empty)
    expect((await player(me)).gems).toBe(1)
  })

  test('error: attack with no monster, pickUp with no gem and a bad direction revert with their reasons', async () => {
    const w = wallet(4)
    const call = (functionName: WriteName, args: readonly unknown[] = []) =>
      publicClient.simulateContract({
        account: w.account,
        address: game,
        abi: dungeonAbi,
        functionName,
        args: args as never,
      })
    await expect(call('attack', [direction.up])).rejects.toThrow(/NothingToAttack/)
    await expect(call('pickUp')).rejects.toThrow(/NothingToPickUp/)
    await expect(call('move', [4])).rejects.toThrow(/InvalidDirection/)
  })

  test('behavior: only the owner can transfer a relic; the new owner then holds it', async () => {
    const owner = devnet.accounts[1]!.address
    const thief = devnet.accounts[2]!.address
    const id = (await player(owner)).relic
    await expect(
      publicClient.simulateContract({
        account: wallet(2).account,
        address: game,
        abi: dungeonAbi,
        functionName: 'transferItem',
        args: [thief, id],
      }),
    ).rejects.toThrow(/NotItemOwner/)
    await expect(
      publicClient.simulateContract({
        account: wallet(1).account,
        address: game,
        abi: dungeonAbi,
        functionName: 'transferItem',
        args: [zeroAddress, id],
      }),
    ).rejects.toThrow(/InvalidRecipient/)
    const fresh = devnet.accounts[4]!.address
    expect(await send(1, 'transferItem', [fresh, id])).toBe('success')
    expect(await ownerOf(id)).toBe(fresh)
    expect((await player(owner)).relic).toBe(0n)
    expect((await player(fresh)).relic).toBe(id)
  })
})

/**
 * Walks dev account `index` (by BFS over empty tiles) next to `target` (or onto it with `onto`);
 * returns the direction from the final tile toward the target.
 */
async function walkTo(index: number, me: Address, target: number, onto = false) {
  const tiles = await board(me)
  const p = await player(me)
  const start = p.y * gridSize + p.x
  const steps: [number, number][] = [
    [0, -gridSize],
    [1, 1],
    [2, gridSize],
    [3, -1],
  ]
  const neighbours = (i: number) =>
    steps
      .filter(([d]) => {
        const x = i % gridSize
        const y = Math.floor(i / gridSize)
        return !(
          (d === 0 && y === 0) ||
          (d === 1 && x === gridSize - 1) ||
          (d === 2 && y === gridSize - 1) ||
          (d === 3 && x === 0)
        )
      })
      .map(([d, delta]) => [d, i + delta] as const)
  const previous = new Map<number, [number, number]>([[start, [-1, -1]]])
  const queue = [start]
  while (queue.length) {
    const i = queue.shift()!
    for (const [d, n] of neighbours(i)) {
      if (previous.has(n)) continue
      if (n === target) {
        const path: number[] = []
        let at = i
        while (at !== start) {
          const [from, dir] = previous.get(at)!
          path.unshift(dir)
          at = from
        }
        if (onto) path.push(d)
        for (const dir of path) expect(await send(index, 'move', [dir])).toBe('success')
        return { lastDir: d }
      }
      if (tiles[n] === tile.monster) continue
      previous.set(n, [i, d])
      queue.push(n)
    }
  }
  throw new Error(`no route to tile ${target}`)
}
