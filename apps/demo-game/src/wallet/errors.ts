import { BaseError } from '@sessionkit/core'

export type DevWalletErrorType = DevWalletError & { name: 'DevWalletError' }
/** The dev wallet got a request it cannot serve (wrong account, unknown chain, bad payload). */
export class DevWalletError extends BaseError {
  override name = 'DevWalletError'
}
