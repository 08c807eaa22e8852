import { expectTypeOf, test } from 'vitest'
import { type CallPermission, definePolicy, type FunctionRef, type Policy } from './definePolicy.js'
import { dungeon, dungeonAbi, erc20Abi, usdc } from './fixtures.test-utils.js'

test('function names come from the ABI', () => {
  expectTypeOf<FunctionRef<typeof erc20Abi>>().toEqualTypeOf<
    | 'transfer'
    | 'approve'
    | 'balanceOf'
    | `transfer(${string})`
    | `approve(${string})`
    | `balanceOf(${string})`
  >()
  const policy = definePolicy({
    calls: [{ target: usdc, abi: erc20Abi, functions: ['approve', 'transfer(address,uint256)'] }],
  })
  expectTypeOf(policy).toExtend<Policy>()
  definePolicy({
    calls: [
      { target: dungeon, abi: dungeonAbi, functions: ['move'] },
      {
        target: usdc,
        abi: erc20Abi,
        // @ts-expect-error: `fly` is not a function of erc20Abi
        functions: ['fly'],
      },
    ],
  })
  const permission: CallPermission<typeof erc20Abi> = {
    target: usdc,
    abi: erc20Abi,
    // @ts-expect-error: `mint` is not a function of erc20Abi
    functions: ['mint'],
  }
  void permission
})

test('argument rules are typed by argument name and type', () => {
  definePolicy({
    calls: [
      {
        target: usdc,
        abi: erc20Abi,
        functions: [{ name: 'approve', args: { spender: dungeon, amount: 5n } }],
      },
    ],
  })
  definePolicy({
    calls: [
      {
        target: usdc,
        abi: erc20Abi,
        // @ts-expect-error: `recipient` is not an argument of approve
        functions: [{ name: 'approve', args: { recipient: dungeon } }],
      },
    ],
  })
  definePolicy({
    calls: [
      {
        target: usdc,
        abi: erc20Abi,
        // @ts-expect-error: an address argument takes an address
        functions: [{ name: 'approve', args: { spender: 5n } }],
      },
    ],
  })
  definePolicy({
    calls: [
      {
        target: usdc,
        abi: erc20Abi,
        // @ts-expect-error: `fly` is not a function of erc20Abi
        functions: [{ name: 'fly' }],
      },
    ],
  })
})
