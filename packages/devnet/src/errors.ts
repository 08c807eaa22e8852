export type DevnetPart = 'anvil' | 'contracts' | 'bundler' | 'paymaster' | 'ports'

/** Raised when a part of the local stack fails to start; names the part and what to try next. */
export class DevnetStartError extends Error {
  override name = 'DevnetStartError'
  readonly part: DevnetPart
  readonly shortMessage: string

  constructor(
    part: DevnetPart,
    shortMessage: string,
    options: { cause?: unknown; output?: string } = {},
  ) {
    const tail = options.output ? `\n\nLast output of ${part}:\n${options.output}` : ''
    super(
      `[devnet:${part}] ${shortMessage}${tail}`,
      options.cause ? { cause: options.cause } : undefined,
    )
    this.part = part
    this.shortMessage = shortMessage
  }
}
