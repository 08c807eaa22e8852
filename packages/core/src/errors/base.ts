import { version } from './version.js'

export type BaseErrorParameters = {
  cause?: unknown
  details?: string | undefined
  docsPath?: string | undefined
  metaMessages?: string[] | undefined
}

export type BaseErrorType = BaseError & { name: 'SessionkitError' }

/** Root of every Sessionkit error, shaped like viem's: a short message saying what to do next, details, docs path and a walkable cause. */
export class BaseError extends Error {
  override name = 'SessionkitError'
  declare shortMessage: string
  declare details: string
  declare docsPath: string | undefined
  declare metaMessages: string[] | undefined
  declare version: string

  constructor(shortMessage: string, parameters: BaseErrorParameters = {}) {
    const details =
      parameters.details ??
      (parameters.cause instanceof BaseError
        ? parameters.cause.details
        : parameters.cause instanceof Error
          ? ((parameters.cause as { shortMessage?: string }).shortMessage ??
            parameters.cause.message)
          : '')
    const message = [
      shortMessage,
      '',
      ...(parameters.metaMessages ? [...parameters.metaMessages, ''] : []),
      ...(parameters.docsPath ? [`Docs: https://sessionkit.dev${parameters.docsPath}`] : []),
      ...(details ? [`Details: ${details}`] : []),
      `Version: @sessionkit/core@${version}`,
    ].join('\n')
    super(message, parameters.cause !== undefined ? { cause: parameters.cause } : undefined)
    this.shortMessage = shortMessage
    this.details = details
    this.docsPath = parameters.docsPath
    this.metaMessages = parameters.metaMessages
    this.version = version
  }

  /** Walks the cause chain; returns the deepest cause, or the first for which `fn` is true. */
  walk(fn?: (error: unknown) => boolean): unknown {
    return walk(this, fn)
  }
}

function walk(error: unknown, fn?: (error: unknown) => boolean): unknown {
  if (fn?.(error)) return error
  if (error && typeof error === 'object' && 'cause' in error && error.cause !== undefined)
    return walk(error.cause, fn)
  return fn ? null : error
}
