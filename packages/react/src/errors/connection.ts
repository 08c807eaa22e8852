import { BaseError } from '@sessionkit/core'

export type ConnectionChangedErrorType = ConnectionChangedError & { name: 'ConnectionChangedError' }

/** The wallet or chain changed in wagmi while a session query was starting; the hooks reload for the new one. */
export class ConnectionChangedError extends BaseError {
  override name = 'ConnectionChangedError' as const

  constructor() {
    super(
      'The connected account or chain changed while loading sessions. They reload for the new account; nothing to do.',
      {
        docsPath: '/react/errors#connectionchangederror',
      },
    )
  }
}
