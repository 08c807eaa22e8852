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
