import type { Address } from 'viem'
import type { Engine } from './createEngines.js'

/** A claimed deployment: the caller includes the deploy in its operation and settles the claim once it lands or fails. */
export type DeploymentClaim = { address: Address; settle(deployed: boolean): void }

type State =
  | { status: 'deployed' }
  | { status: 'absent' }
  | { status: 'busy'; promise: Promise<void> }

const states = new WeakMap<Engine, Map<string, State>>()

/**
 * Returns `null` when `address` has code (waiting for a deployment in flight), or a claim when
 * the caller must deploy it. Only one caller at a time holds the claim of an address.
 */
export async function claimDeployment(
  engine: Engine,
  address: Address,
): Promise<DeploymentClaim | null> {
  const map = states.get(engine) ?? new Map<string, State>()
  states.set(engine, map)
  const key = address.toLowerCase()
  for (;;) {
    const state = map.get(key)
    if (state?.status === 'deployed') return null
    if (state?.status === 'busy') {
      await state.promise
      continue
    }
    let release!: () => void
    const promise = new Promise<void>((resolve) => {
      release = resolve
    })
    map.set(key, { status: 'busy', promise })
    if (state?.status === 'absent')
      return {
        address,
        settle(deployed) {
          // After a failure, look again: another tab or app may have deployed it meanwhile.
          if (deployed) map.set(key, { status: 'deployed' })
          else map.delete(key)
          release()
        },
      }
    try {
      const code = await engine.publicClient.getCode({ address })
      map.set(key, { status: code && code !== '0x' ? 'deployed' : 'absent' })
    } catch (error) {
      map.delete(key)
      throw error
    } finally {
      release()
    }
  }
}

/** Forgets what is known about deployments (e.g. after a chain reset). */
export function forgetDeployments(engine: Engine): void {
  states.delete(engine)
}

/** Learns whether `address` has code, without claiming anything (to overlap with other reads). */
export async function probeDeployment(engine: Engine, address: Address): Promise<void> {
  const map = states.get(engine) ?? new Map<string, State>()
  states.set(engine, map)
  const key = address.toLowerCase()
  if (map.has(key)) return
  let release!: () => void
  const promise = new Promise<void>((resolve) => {
    release = resolve
  })
  map.set(key, { status: 'busy', promise })
  try {
    const code = await engine.publicClient.getCode({ address })
    map.set(key, { status: code && code !== '0x' ? 'deployed' : 'absent' })
  } catch {
    map.delete(key)
  } finally {
    release()
  }
}
