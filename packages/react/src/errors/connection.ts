import { BaseError } from '@sessionkit/core'

export type ConnectionChangedErrorType = ConnectionChangedError & { name: 'ConnectionChangedError' }

/** The wallet or chain changed in wagmi while a session query was starting; the hooks reload for the new one. */
export class ConnectionChangedError extends BaseError {
  override name = 'ConnectionChangedError' as const

  constructor() {
    super('The account or chain changed; sessions reload for it. Nothing to do.', {
      docsPath: '/react/errors#connectionchangederror',
    })
  }
}
