/** One signature request waiting for the user's answer in the approval sheet. */
export type ApprovalRequest = {
  id: number
  kind: 'typedData' | 'message' | 'transaction'
  /** Method as the dApp sent it, e.g. `eth_signTypedData_v4`. */
  method: string
  title: string
  /** Readable lines: what is being signed. */
  lines: string[]
}

export type ApprovalsSnapshot = { pending: readonly ApprovalRequest[]; count: number }

export type Approvals = {
  /** Queues a request and resolves with the user's answer (true = approve). */
  request(request: Omit<ApprovalRequest, 'id'>): Promise<boolean>
  /** Answers the request `id`. */
  answer(id: number, approved: boolean): void
  getSnapshot(): ApprovalsSnapshot
  subscribe(listener: () => void): () => void
}

/** Minimal storage for the prompt count (e.g. `sessionStorage`, so a reload keeps it per tab). */
export type CountStorage = Pick<Storage, 'getItem' | 'setItem'>

/**
 * The dev wallet's queue of signature requests: every request is counted (the "wallet prompts"
 * figure) and waits until the sheet answers it.
 */
export function createApprovals(
  parameters: { storage?: CountStorage | undefined } = {},
): Approvals {
  const { storage } = parameters
  const key = 'demo-game.walletPrompts'
  const listeners = new Set<() => void>()
  const resolvers = new Map<number, (approved: boolean) => void>()
  let nextId = 1
  let snapshot: ApprovalsSnapshot = {
    pending: [],
    count: Number(storage?.getItem(key) ?? 0) || 0,
  }
  const set = (next: ApprovalsSnapshot) => {
    snapshot = next
    storage?.setItem(key, String(next.count))
    for (const listener of listeners) listener()
  }
  return {
    request(request) {
      const id = nextId++
      const promise = new Promise<boolean>((resolve) => resolvers.set(id, resolve))
      set({ pending: [...snapshot.pending, { ...request, id }], count: snapshot.count + 1 })
      return promise
    },
    answer(id, approved) {
      const resolve = resolvers.get(id)
      if (!resolve) return
      resolvers.delete(id)
      set({ ...snapshot, pending: snapshot.pending.filter((r) => r.id !== id) })
      resolve(approved)
    },
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
