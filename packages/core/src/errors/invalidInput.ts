import type { Address } from 'viem'
import { isAddress } from 'viem'
import { BaseError } from './base.js'
import { SessionParameterError } from './session.js'

/** Throws `SessionParameterError` for `parameter`, saying what to pass. */
export function invalid(parameter: string, message: string, cause?: unknown): never {
  throw new SessionParameterError({ parameter, message, cause })
}

/** Asserts an object (not null, not an array). */
export function assertObject(
  value: unknown,
  parameter: string,
): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    invalid(parameter, 'must be an object.')
}

/** Asserts an array. */
export function assertArray(value: unknown, parameter: string): asserts value is unknown[] {
  if (!Array.isArray(value)) invalid(parameter, 'must be an array.')
}

/** Asserts a 0x-prefixed 20-byte address (any case). */
export function assertAddress(value: unknown, parameter: string): asserts value is Address {
  if (typeof value !== 'string' || !isAddress(value, { strict: false }))
    invalid(parameter, 'must be an address.')
}

/** Runs `fn`; a foreign error (viem's encoding errors, a TypeError on a malformed field) becomes `SessionParameterError` with it as `cause`. */
export function wrapInput<T>(parameter: string, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof BaseError) throw error
    return invalid(parameter, 'is malformed.', error)
  }
}
