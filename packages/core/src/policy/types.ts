import type { Address, Hex } from 'viem'

/**
 * Shared contract between the policy model (describe/check), the engine, the hooks and the UI.
 * The policy model fills these in; the UI only renders them.
 */

export type PolicyPeriod = 'hour' | 'day' | 'week'

/** A token as shown to a person. `address: 'native'` is the chain's native currency. */
export type TokenInfo = {
  address: Address | 'native'
  symbol?: string | undefined
  decimals: number
}

/** One readable permission row of the consent dialog. */
export type PolicyLine = {
  /** Stable id, used for per-permission toggles and to attach risk flags. */
  id: string
  kind: 'call' | 'native-spend' | 'token-spend' | 'actions' | 'validity'
  /** Short headline, e.g. `move(uint8 direction)` on `Dungeon (0x12…ab)`, or `Spend up to 0.5 ETH per day`. */
  title: string
  /** Secondary line: argument rules, value cap, absolute times. */
  detail?: string | undefined
  /** When the app marked this permission optional, the user may switch it off. */
  optional?: boolean | undefined
  /** Structured data for custom renderers. */
  call?:
    | {
        target: Address
        targetName?: string | undefined
        functionName: string
        signature: string
        selector: Hex
        args: readonly { name: string; type: string; rule?: string | undefined }[]
        valueCap?: { amount: bigint; formatted: string } | undefined
      }
    | undefined
  spend?:
    | {
        token: TokenInfo
        amount: bigint
        formatted: string
        period?: PolicyPeriod | undefined
        /** Period length in seconds, when the cap is per period (also for custom periods). */
        periodSeconds?: number | undefined
      }
    | undefined
  actions?: { count: number } | undefined
  validity?:
    | {
        notBefore?: number | undefined
        expiresAt?: number | undefined
        durationSeconds?: number | undefined
      }
    | undefined
}

export type RiskFlagCode =
  | 'no-expiry'
  | 'long-expiry'
  | 'unlimited-spend'
  | 'large-spend'
  | 'dangerous-function'
  | 'token-without-cap'

export type RiskFlag = {
  code: RiskFlagCode
  severity: 'warning' | 'danger'
  /** One sentence for a person, e.g. `transfer on USDC is allowed with no argument rule.` */
  message: string
  /** The line it is about, when it is about one. */
  lineId?: string | undefined
}

export type PolicyDescription = {
  lines: PolicyLine[]
  risks: RiskFlag[]
  /** Plain-text rendering, one line per row, risk flags last. */
  text: string
}

export type CheckReasonCode =
  | 'expired'
  | 'not-yet-valid'
  | 'revoked'
  | 'target-not-allowed'
  | 'function-not-allowed'
  | 'argument-rule'
  | 'value-over-cap'
  | 'spend-over-cap'
  | 'calls-exhausted'

export type CheckReason = {
  code: CheckReasonCode
  /** Index of the offending call in the batch. */
  callIndex?: number | undefined
  /** Which rule refused it, e.g. `calls[0].args.to` or `native.perPeriod`. */
  rule: string
  limit?: bigint | number | string | undefined
  attempted?: bigint | number | string | undefined
  /** One sentence for a person. */
  message: string
}

export type SpendRemaining = {
  token: TokenInfo
  period?: PolicyPeriod | undefined
  /** Period length in seconds, when the cap is per period (also for custom periods). */
  periodSeconds?: number | undefined
  limit: bigint
  used: bigint
  left: bigint
}

export type Remaining = {
  actionsLeft?: number | undefined
  actionsUsed?: number | undefined
  spend: SpendRemaining[]
  /** Seconds until expiry, if any. */
  timeLeft?: number | undefined
  expiresAt?: number | undefined
}

export type CheckResult =
  | { allowed: true; remaining: Remaining }
  | { allowed: false; reason: CheckReason; remaining: Remaining }

/** Lifecycle state of a stored session as read from the chain. */
export type SessionState =
  | 'active'
  | 'expired'
  | 'revoked'
  | 'exhausted'
  | 'not-yet-valid'
  | 'missing'

/** Period state of a NativeTokenPeriodTransfer / ERC20PeriodTransfer enforcer for one delegation. */
export type PeriodUsage = {
  /** Index of the period of the last transfer (1-based from the start date; 0 = none yet). */
  lastTransferPeriod: bigint
  transferredInCurrentPeriod: bigint
}

/** On-chain enforcer state of one compiled delegation. */
export type DelegationUsage = {
  /** The delegator disabled (revoked) this delegation in the DelegationManager. */
  disabled?: boolean | undefined
  /** LimitedCallsEnforcer call count. */
  callsUsed?: number | undefined
  /** NativeTokenTransferAmountEnforcer spent amount. */
  nativeSpent?: bigint | undefined
  nativePeriod?: PeriodUsage | undefined
  /** ERC20TransferAmountEnforcer spent amount. */
  erc20Spent?: bigint | undefined
  erc20Period?: PeriodUsage | undefined
}

/** On-chain state of a session's enforcers, keyed by compiled delegation id (`calls:0`, `native`, `erc20:0x…`). */
export type PolicyUsage = {
  revoked?: boolean | undefined
  delegations?: { [id: string]: DelegationUsage | undefined } | undefined
}
