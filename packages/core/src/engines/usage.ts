import type { Hex } from 'viem'
import { readContract } from 'viem/actions'
import { delegationManagerAbi } from '../accounts/abis.js'
import { readUsage } from '../policy/readUsage.js'
import type { PolicyCall } from '../policy/toRawCall.js'
import type { PolicyUsage } from '../policy/types.js'
import type { Engine } from './createEngines.js'
import type { SessionLeaf } from './loadSession.js'

/** On-chain usage of a session, read at `fetchedAt` (ms). */
export type UsageSnapshot = {
  usage: PolicyUsage
  fetchedAt: number
  /** The latest block when the read was made. */
  blockNumber: bigint
  rootDisabled: boolean
  managerDeployed: boolean
}

/** Calls sent but not yet seen in a usage snapshot. */
export type PendingCalls = {
  calls: readonly PolicyCall[]
  sentAt: number
  /** Block the calls landed in, once their receipt was seen. */
  landedIn?: bigint | undefined
  /** Settles once the engine has followed the receipt of the operation carrying the calls. */
  followed?: Promise<unknown> | undefined
}

/** A session's on-chain usage, reused for `usageTtl` ms, plus the calls sent since. */
export type UsageCache = {
  /**
   * The last read while it is younger than `usageTtl`; a stale one is still answered (calls sent
   * since are in `pending`) and refreshed in the background, or, with `defer`, by `revalidate()`.
   */
  get(options?: {
    fresh?: boolean | undefined
    defer?: boolean | undefined
  }): Promise<UsageSnapshot>
  /** Starts the background refresh a deferred `get` left due. */
  revalidate(): void
  /** Actions sent whose effect the snapshot may not include yet, oldest first. */
  pending(snapshot: UsageSnapshot): readonly PendingCalls[]
  track(calls: readonly PolicyCall[]): PendingCalls
  landed(entry: PendingCalls, blockNumber: bigint): void
  failed(entry: PendingCalls): void
  invalidate(): void
}

const pendingLifetime = 60_000

/** Creates the usage cache of one session. */
export function createUsageCache(parameters: {
  engine: Engine
  rootHash: Hex
  leaves: readonly SessionLeaf[]
}): UsageCache {
  const { engine, rootHash, leaves } = parameters
  let cached: { at: number; snapshot: Promise<UsageSnapshot> } | undefined
  let entries: PendingCalls[] = []
  let refreshing: Promise<unknown> | undefined
  let due = false
  const revalidate = () => {
    if (!due || refreshing) return
    due = false
    refreshing = read()
      .then((snapshot) => {
        if (!cached || cached.at <= snapshot.fetchedAt)
          cached = { at: snapshot.fetchedAt, snapshot: Promise.resolve(snapshot) }
      })
      .catch(() => undefined)
      .finally(() => {
        refreshing = undefined
      })
  }
  let managerDeployed = false
  const managerCode = async () => {
    const code = await engine.publicClient.getCode({
      address: engine.environment.DelegationManager,
    })
    managerDeployed = code !== undefined && code !== '0x'
    return managerDeployed
  }
  const read = async (): Promise<UsageSnapshot> => {
    const fetchedAt = Date.now()
    // The Delegation Framework's code is checked once (and again whenever a read fails).
    const [deployed, block] = await Promise.all([
      managerDeployed || managerCode(),
      engine.syncClock(),
    ])
    // The chain has no Delegation Framework (reset): nothing is used, and the session is missing.
    const missing: UsageSnapshot = {
      usage: {},
      fetchedAt,
      blockNumber: block.number,
      rootDisabled: false,
      managerDeployed: false,
    }
    if (!deployed) return missing
    try {
      const [usage, rootDisabled] = await Promise.all([
        readUsage({
          client: engine.publicClient,
          environment: engine.environment,
          delegations: leaves.map((leaf) => ({ delegation: leaf.compiled, hash: leaf.hash })),
        }),
        readContract(engine.publicClient, {
          address: engine.environment.DelegationManager,
          abi: delegationManagerAbi,
          functionName: 'disabledDelegations',
          args: [rootHash],
        }),
      ])
      return {
        usage: { ...usage, revoked: Boolean(usage.revoked || rootDisabled) },
        fetchedAt,
        blockNumber: block.number,
        rootDisabled,
        managerDeployed: true,
      }
    } catch (error) {
      if (!(await managerCode().catch(() => true))) return missing
      throw error
    }
  }
  return {
    get(options = {}) {
      const now = Date.now()
      const refresh = () => {
        const entry = { at: now, snapshot: read() }
        cached = entry
        entry.snapshot.catch(() => {
          if (cached === entry) cached = undefined
        })
        return entry.snapshot
      }
      // Missing, forced, or too old for the pending calls to cover: read now.
      if (options.fresh || !cached || now - cached.at > pendingLifetime / 2) return refresh()
      if (now - cached.at < engine.options.usageTtl) return cached.snapshot
      // Stale: answer from the last read (calls sent since are in `pending`), refresh in the background.
      // The new read replaces the cached one only once it has arrived.
      const stale = cached.snapshot
      due = true
      if (!options.defer) revalidate()
      return stale
    },
    revalidate,
    pending(snapshot) {
      const now = Date.now()
      entries = entries.filter(
        (entry) =>
          now - entry.sentAt < pendingLifetime &&
          !(entry.landedIn !== undefined && entry.landedIn <= snapshot.blockNumber),
      )
      return entries
    },
    track(calls) {
      const entry: PendingCalls = { calls, sentAt: Date.now() }
      entries.push(entry)
      return entry
    },
    landed(entry, blockNumber) {
      entry.landedIn = blockNumber
    },
    failed(entry) {
      entries = entries.filter((e) => e !== entry)
    },
    invalidate() {
      cached = undefined
    },
  }
}
