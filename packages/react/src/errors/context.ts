import { BaseError } from '@sessionkit/core'

export type SessionProviderNotFoundErrorType = SessionProviderNotFoundError & {
  name: 'SessionProviderNotFoundError'
}

/** A session hook ran outside `<SessionProvider>` and got no `config` parameter. */
export class SessionProviderNotFoundError extends BaseError {
  override name = 'SessionProviderNotFoundError' as const

  constructor() {
    super(
      'Session hooks need a <SessionProvider> above them (inside WagmiProvider and QueryClientProvider), or a config parameter.',
      { docsPath: '/react/SessionProvider' },
    )
  }
}

export type WagmiConfigMismatchErrorType = WagmiConfigMismatchError & {
  name: 'WagmiConfigMismatchError'
}

/** `<SessionProvider>` got a session config made from another wagmi config than the `<WagmiProvider>` above it. */
export class WagmiConfigMismatchError extends BaseError {
  override name = 'WagmiConfigMismatchError' as const

  constructor() {
    super(
      "The session config wraps another wagmi config than <WagmiProvider>'s. Pass that one to createSessionConfig({ wagmi }).",
      { docsPath: '/react/SessionProvider' },
    )
  }
}
