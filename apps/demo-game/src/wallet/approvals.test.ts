import { describe, expect, test } from 'vitest'
import { createApprovals } from './approvals.js'

describe('createApprovals', () => {
  test('behavior: each request is counted, queued, and resolved by its answer', async () => {
    const approvals = createApprovals()
    let notified = 0
    approvals.subscribe(() => notified++)
    const first = approvals.request({
      kind: 'message',
      method: 'personal_sign',
      title: 'a',
      lines: [],
    })
    const second = approvals.request({
      kind: 'transaction',
      method: 'eth_sendTransaction',
      title: 'b',
      lines: [],
    })
    const { pending, count } = approvals.getSnapshot()
    expect(count).toBe(2)
    expect(pending.map((r) => r.title)).toEqual(['a', 'b'])
    approvals.answer(pending[1]!.id, false)
    approvals.answer(pending[0]!.id, true)
    expect(await first).toBe(true)
    expect(await second).toBe(false)
    expect(approvals.getSnapshot()).toEqual({ pending: [], count: 2 })
    expect(notified).toBe(4)
  })

  test('behavior: the count survives a new instance over the same storage (a reload)', () => {
    const map = new Map<string, string>()
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    }
    const before = createApprovals({ storage })
    void before.request({ kind: 'message', method: 'personal_sign', title: 'a', lines: [] })
    expect(createApprovals({ storage }).getSnapshot().count).toBe(1)
  })

  test('error: answering an unknown id changes nothing', () => {
    const approvals = createApprovals()
    approvals.answer(42, true)
    expect(approvals.getSnapshot()).toEqual({ pending: [], count: 0 })
  })
})
