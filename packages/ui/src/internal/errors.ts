import { BaseError } from '@sessionkit/core'

export type MissingRootErrorType = MissingRootError & { name: 'MissingRootError' }

/** A compound part was rendered outside its `Root`. */
export class MissingRootError extends BaseError {
  override name = 'MissingRootError'
  constructor({ component, part }: { component: string; part: string }) {
    super(`${component}.${part} must be rendered inside ${component}.Root.`, {
      docsPath: '/ui',
    })
  }
}
