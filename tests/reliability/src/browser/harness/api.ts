import type { SessionScope, SessionStorageEvent } from '@sessionkit/core'
import type { Address, Hex } from 'viem'

/** What the tests pass to the harness page. */
export type HarnessSetup = {
  chainId: number
  rpcUrl: string
  bundlerUrl: string
  paymasterUrl: string
  environment: unknown
  /** A devnet dev account: anvil signs for it (wagmi's mock connector forwards signing to the RPC). */
  owner: Address
  databaseName: string
}

/** A thrown error as the page saw it. */
export type SerializedError = {
  name: string
  message: string
  isBaseError: boolean
  isTypeError: boolean
  reason: string | undefined
  sessionId: string | undefined
}

/** A stored value, JSON-safe: bytes as hex, CryptoKeys described. */
export type RawValue =
  | { kind: 'empty' }
  | { kind: 'string'; value: string }
  | { kind: 'bytes'; hex: string }
  | { kind: 'cryptoKey'; extractable: boolean; type: string; algorithm: string }
  | { kind: 'array'; items: RawValue[] }
  | { kind: 'object'; entries: [string, RawValue][] }

/** Everything the origin keeps: every IndexedDB record of every database, localStorage and sessionStorage. */
export type RawDump = {
  indexedDb: { database: string; store: string; key: RawValue; value: RawValue }[]
  webStorage: { area: 'localStorage' | 'sessionStorage'; key: string; value: string }[]
}

/** `window.harness` of the harness page. */
export type HarnessApi = {
  setup(parameters: HarnessSetup): Promise<void>
  createSessions(count: number, target: Address, actions?: number): Promise<string[]>
  privateKeys(ids: string[]): Promise<Hex[]>
  dump(): Promise<RawDump>
  tamper(databaseName: string, id: string, kind: string): Promise<void>
  tamperings(): string[]
  list(): Promise<{ ids: string[]; errors: SerializedError[] }>
  getSessions(): Promise<{
    sessions: { id: string; state: string }[]
    errors: SerializedError[]
    threw?: SerializedError
  }>
  send(id: string, target: Address): Promise<SerializedError | undefined>
  sendMany(
    id: string,
    target: Address,
    count: number,
  ): Promise<({ landed: true; hash: Hex } | { landed: false; error: SerializedError })[]>
  revoke(id: string): Promise<{ at: number; error?: SerializedError }>
  revokeInStorage(id: string): Promise<number>
  revokedAt(id: string): Promise<number | undefined>
  setScope(scope: SessionScope): void
  scope(): SessionScope
  events(): (SessionStorageEvent & { at: number })[]
}
