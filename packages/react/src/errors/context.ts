import { BaseError } from '@sessionkit/core'

export type SessionProviderNotFoundErrorType = SessionProviderNotFoundError & {
  name: 'SessionProviderNotFoundError'
}

/** A session hook ran outside `<SessionProvider>` and got no `config` parameter. */
export class SessionProviderNotFoundError extends BaseError {
  override name = 'SessionProviderNotFoundError' as const

  constructor() {
    super(
      'Session hooks must be used within `<SessionProvider config={sessionConfig}>` (inside WagmiProvider and QueryClientProvider), or be given `config`.',
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
      'The session config was created from another wagmi config than the one in <WagmiProvider>. Pass the same wagmi config to createSessionConfig({ wagmi }) so sessions follow the account and chain the app shows.',
      { docsPath: '/react/SessionProvider' },
    )
  }
}
