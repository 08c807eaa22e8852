import type { SessionLeaf, SessionRuntime } from '../../engines/loadSession.js'
import type { selectDelegation } from '../../policy/selectDelegation.js'
import type { PolicyCall } from '../../policy/toRawCall.js'

/**
 * For `unsafeSkipCheck` (tests and attack suites only, loaded on first use): the leaf to redeem
 * each call with even when the policy refuses it, so the chain has to refuse it. Imports types only
 * (`select` is passed in), so this chunk shares no module with the main bundle.
 */
export function selectAnyway(
  session: SessionRuntime,
  calls: readonly PolicyCall[],
  select: typeof selectDelegation,
): SessionLeaf[] {
  return calls.map((call) => {
    try {
      const [compiled] = select(session.compiled, [call])
      return session.leaves.find((l) => l.id === compiled?.id) as SessionLeaf
    } catch {
      return session.leaves.find((l) => l.id === 'calls') ?? (session.leaves[0] as SessionLeaf)
    }
  })
}
