import { parseAbi } from 'viem'

/** Shared fixtures of the policy tests. */
export const dungeon = '0x1111111111111111111111111111111111111111' as const
export const shop = '0x2222222222222222222222222222222222222222' as const
export const usdc = '0x3333333333333333333333333333333333333333' as const
export const alice = '0x4444444444444444444444444444444444444444' as const
export const session = '0x5555555555555555555555555555555555555555' as const

export const dungeonAbi = parseAbi([
  'function move(uint8 direction)',
  'function attack(uint256 monsterId, address weapon)',
  'function rename(string name)',
  'function buy(uint256 itemId) payable',
  'function use(uint256 itemId)',
  'function use(uint256 itemId, uint256 amount)',
  'function setSpot((uint32 x, uint32 y) spot, bool flag)',
  'function transferOwnership(address newOwner)',
])

export const erc20Abi = parseAbi([
  'function transfer(address to, uint256 amount) returns (bool)',
  'function approve(address spender, uint256 amount) returns (bool)',
  'function balanceOf(address owner) view returns (uint256)',
])

export const now = 1_800_000_000
