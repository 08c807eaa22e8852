import type { Address, Hex } from 'viem'
import { concatHex, encodePacked } from '../viem.js'

/**
 * Terms encoders of the Delegation Framework caveat enforcers, mirroring the layouts the
 * enforcers decode (and @metamask/delegation-core's create*Terms builders).
 */
export const enforcerTerms = {
  /** AllowedTargetsEnforcer: packed 20-byte addresses. */
  allowedTargets: (targets: readonly Address[]): Hex =>
    concatHex(targets.map((target) => target.toLowerCase() as Hex)),
  /** AllowedMethodsEnforcer: packed 4-byte selectors. */
  allowedMethods: (selectors: readonly Hex[]): Hex => concatHex([...selectors]),
  /** AllowedCalldataEnforcer: uint256 start index, then the exact bytes. */
  allowedCalldata: (offset: number, bytes: Hex): Hex =>
    encodePacked(['uint256', 'bytes'], [BigInt(offset), bytes]),
  /** ExactCalldataEnforcer: the exact calldata. */
  exactCalldata: (calldata: Hex): Hex => calldata,
  /** ValueLteEnforcer: uint256 max value. */
  valueLte: (max: bigint): Hex => encodePacked(['uint256'], [max]),
  /** LimitedCallsEnforcer: uint256 limit. */
  limitedCalls: (limit: number): Hex => encodePacked(['uint256'], [BigInt(limit)]),
  /** TimestampEnforcer: uint128 after threshold, uint128 before threshold (0 = unset). */
  timestamp: (after: number, before: number): Hex =>
    encodePacked(['uint128', 'uint128'], [BigInt(after), BigInt(before)]),
  /** NativeTokenTransferAmountEnforcer: uint256 allowance. */
  nativeTokenTransferAmount: (max: bigint): Hex => encodePacked(['uint256'], [max]),
  /** NativeTokenPeriodTransferEnforcer: uint256 amount, uint256 duration, uint256 start date. */
  nativeTokenPeriodTransfer: (amount: bigint, seconds: number, start: number): Hex =>
    encodePacked(['uint256', 'uint256', 'uint256'], [amount, BigInt(seconds), BigInt(start)]),
  /** ERC20TransferAmountEnforcer: token address, uint256 max amount. */
  erc20TransferAmount: (token: Address, max: bigint): Hex =>
    encodePacked(['address', 'uint256'], [token, max]),
  /** ERC20PeriodTransferEnforcer: token address, uint256 amount, uint256 duration, uint256 start date. */
  erc20PeriodTransfer: (token: Address, amount: bigint, seconds: number, start: number): Hex =>
    encodePacked(
      ['address', 'uint256', 'uint256', 'uint256'],
      [token, amount, BigInt(seconds), BigInt(start)],
    ),
  /** RedeemerEnforcer: packed 20-byte addresses. */
  redeemer: (redeemers: readonly Address[]): Hex =>
    concatHex(redeemers.map((r) => r.toLowerCase() as Hex)),
} as const
