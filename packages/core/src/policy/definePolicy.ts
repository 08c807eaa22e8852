import type {
  Abi,
  AbiParameter,
  AbiParameterToPrimitiveType,
  Address,
  ExtractAbiFunction,
  ExtractAbiFunctionNames,
  Narrow,
} from 'abitype'
import { assertObject } from '../errors/invalidInput.js'
import type { PolicyUnenforceableErrorType, PolicyValidationErrorType } from '../errors/policy.js'
import type { SessionParameterErrorType } from '../errors/session.js'
import { planDelegations } from './planDelegations.js'
import { resolvePolicy } from './resolvePolicy.js'
import type { PolicyPeriod } from './types.js'

/** A period as a name or as a whole number of seconds. */
export type PolicyPeriodInput = PolicyPeriod | number

/** A cap that resets every period. */
export type PeriodCap = { amount: bigint; period: PolicyPeriodInput }

type ArgValue<parameter extends AbiParameter> =
  AbiParameterToPrimitiveType<parameter> extends infer value
    ? value extends number | bigint
      ? number | bigint
      : value
    : never

/**
 * A rule on one argument. A plain value or `{ equals }` is enforced on chain (AllowedCalldataEnforcer).
 * `oneOf` with several values and `gte` / `lte` ranges are part of the language so they can be
 * refused with a clear error: no deployed enforcer checks them.
 */
export type ArgRule<value = unknown> =
  | value
  | { equals: value }
  | { oneOf: readonly value[] }
  | { gte?: value | undefined; lte?: value | undefined }

type FunctionInputs<abi extends Abi, name extends string> = ExtractAbiFunction<
  abi,
  name
>['inputs'][number]

/** Argument rules of one function, keyed by argument name (typed from the ABI). */
export type ArgRules<abi extends Abi = Abi, name extends string = string> = Abi extends abi
  ? { readonly [arg: string]: ArgRule | undefined }
  : {
      readonly [parameter in FunctionInputs<abi, name> as parameter extends {
        name: infer n extends string
      }
        ? n extends ''
          ? never
          : n
        : never]?: ArgRule<ArgValue<parameter>>
    }

/** A function of the ABI by name, or by signature (`move(uint8)`) when the name is overloaded. */
export type FunctionRef<abi extends Abi = Abi> = Abi extends abi
  ? string
  : ExtractAbiFunctionNames<abi> | `${ExtractAbiFunctionNames<abi>}(${string})`

type FunctionPermissionOf<abi extends Abi, name extends string> = {
  readonly name: name | `${name}(${string})`
  readonly args?: ArgRules<abi, name> | undefined
}

/** One allowed function: a name or signature, or `{ name, args }` with argument rules. */
export type FunctionPermission<abi extends Abi = Abi> = Abi extends abi
  ? string | { readonly name: string; readonly args?: ArgRules | undefined }
  :
      | FunctionRef<abi>
      | {
          [name in ExtractAbiFunctionNames<abi>]: FunctionPermissionOf<abi, name>
        }[ExtractAbiFunctionNames<abi>]

/** Contract calls a session may make on one target. */
export type CallPermission<abi extends Abi = Abi> = {
  /** Contract address. */
  readonly target: Address
  readonly abi: abi
  /** Allowed functions, by name or signature, with optional argument rules. */
  readonly functions: readonly FunctionPermission<abi>[]
  /** Max native value (wei) per call of a payable function. Defaults to 0; non-payable functions may never send value. */
  readonly valueLimit?: bigint | undefined
  /** Display name of the target, e.g. `Dungeon`. */
  readonly name?: string | undefined
  /** The user may switch this permission off in the consent dialog. */
  readonly optional?: boolean | undefined
}

/** Native token budget. The budget covers all native value the session can move. */
export type NativePermission = {
  /** Total cap over the whole session (wei). */
  readonly total?: bigint | undefined
  /** Cap per period (wei). */
  readonly perPeriod?: PeriodCap | undefined
  /** Allow plain transfers (empty calldata), optionally only to these recipients. */
  readonly transfers?: boolean | { readonly to: readonly Address[] } | undefined
  readonly symbol?: string | undefined
  readonly decimals?: number | undefined
}

/** ERC-20 spend caps for one token (enforced on `transfer`). */
export type TokenPermission = {
  readonly address: Address
  readonly symbol?: string | undefined
  readonly decimals: number
  readonly total?: bigint | undefined
  readonly perPeriod?: PeriodCap | undefined
}

/** When the session may act. Times are unix seconds. */
export type Validity = {
  readonly expiresAt?: number | undefined
  /** Seconds after the session is granted. */
  readonly expiresIn?: number | undefined
  readonly notBefore?: number | undefined
}

type CallPermissionOf<call> = call extends { readonly abi: infer abi extends Abi }
  ? CallPermission<abi>
  : CallPermission

/** Types each call permission from its own ABI (recursive like viem's MulticallContracts, so inference works). */
type CallPermissions<
  calls extends readonly unknown[],
  result extends readonly unknown[] = [],
> = calls extends readonly []
  ? readonly []
  : calls extends readonly [infer head]
    ? readonly [...result, CallPermissionOf<head>]
    : calls extends readonly [infer head, ...infer tail]
      ? CallPermissions<[...tail], [...result, CallPermissionOf<head>]>
      : readonly unknown[] extends calls
        ? calls
        : calls extends readonly (infer call)[]
          ? readonly CallPermissionOf<call>[]
          : readonly CallPermission[]

type PolicyBase = {
  readonly native?: NativePermission | undefined
  readonly tokens?: readonly TokenPermission[] | undefined
  /** Total number of contract calls (through `calls`). */
  readonly actions?: number | undefined
  readonly validity?: Validity | undefined
}

/** A call permission with any ABI: what functions that take any policy accept. */
export type AnyCallPermission = {
  readonly target: Address
  readonly abi: Abi
  readonly functions: readonly (
    | string
    | { readonly name: string; readonly args?: { readonly [arg: string]: unknown } | undefined }
  )[]
  readonly valueLimit?: bigint | undefined
  readonly name?: string | undefined
  readonly optional?: boolean | undefined
}

/** What `definePolicy` takes: each call permission is typed from its own ABI. */
export type DefinePolicyParameters<calls extends readonly unknown[] = readonly unknown[]> =
  PolicyBase & {
    readonly calls?: CallPermissions<Narrow<calls>> | undefined
  }

/** A validated session policy: plain data (JSON-safe but for bigints, see `serializePolicy`). */
export type Policy<calls extends readonly unknown[] = readonly unknown[]> =
  readonly unknown[] extends calls
    ? PolicyBase & { readonly calls?: readonly AnyCallPermission[] | undefined }
    : DefinePolicyParameters<calls>

export type DefinePolicyOptions = {
  /** Unix seconds used to refuse an expiry in the past. Defaults to the current time. */
  now?: number | undefined
}

export type DefinePolicyErrorType =
  | PolicyValidationErrorType
  | PolicyUnenforceableErrorType
  | SessionParameterErrorType

/**
 * Defines a session policy: validates every field, refuses rules no on-chain enforcer can check,
 * and returns the policy unchanged in shape. https://sessionkit.dev/policy
 */
export function definePolicy<const calls extends readonly unknown[] = readonly []>(
  parameters: DefinePolicyParameters<calls>,
  options: DefinePolicyOptions = {},
): Policy<calls> {
  assertObject(options, 'options')
  const resolved = resolvePolicy(parameters as unknown as Policy, {
    now: options.now ?? Math.floor(Date.now() / 1000),
    checkPast: true,
  })
  // Compiling refuses what the enforcers cannot express (shared counters across delegations).
  planDelegations(resolved)
  return parameters as Policy<calls>
}
