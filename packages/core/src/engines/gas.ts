/** Gas limits of a UserOperation (EntryPoint v0.7, with a paymaster). */
export type GasLimits = {
  callGasLimit: bigint
  verificationGasLimit: bigint
  preVerificationGas: bigint
  paymasterVerificationGasLimit: bigint
  paymasterPostOpGasLimit: bigint
}

/** Percent added to estimated limits before they are reused. */
export type GasMargins = { call: number; verification: number; preVerification: number }

/** Gas limits learned once per call shape and reused with a margin. */
export type GasBook = {
  get(shape: string): GasLimits | undefined
  /** Stores an estimate (margins applied) and returns the limits to use. */
  learn(shape: string, estimate: Partial<GasLimits>): GasLimits
  forget(shape: string): void
  /** Runs `estimate` once per shape at a time: concurrent callers of the same shape share it. */
  learnOnce(shape: string, estimate: () => Promise<Partial<GasLimits>>): Promise<GasLimits>
  readonly size: number
}

const withMargin = (value: bigint | undefined, percent: number) =>
  ((value ?? 0n) * BigInt(100 + percent) + 99n) / 100n

/** Creates an empty gas book. */
export function createGasBook(margins: GasMargins): GasBook {
  const book = new Map<string, GasLimits>()
  const inflight = new Map<string, Promise<GasLimits>>()
  const gasBook: GasBook = {
    learnOnce(shape, estimate) {
      const known = book.get(shape)
      if (known) return Promise.resolve(known)
      let pending = inflight.get(shape)
      if (!pending) {
        pending = estimate()
          .then((result) => gasBook.learn(shape, result))
          .finally(() => inflight.delete(shape))
        inflight.set(shape, pending)
      }
      return pending
    },
    get: (shape) => book.get(shape),
    learn(shape, estimate) {
      const limits: GasLimits = {
        callGasLimit: withMargin(estimate.callGasLimit, margins.call),
        verificationGasLimit: withMargin(estimate.verificationGasLimit, margins.verification),
        preVerificationGas: withMargin(estimate.preVerificationGas, margins.preVerification),
        paymasterVerificationGasLimit: withMargin(
          estimate.paymasterVerificationGasLimit,
          margins.verification,
        ),
        paymasterPostOpGasLimit: withMargin(estimate.paymasterPostOpGasLimit, margins.verification),
      }
      book.set(shape, limits)
      return limits
    },
    forget: (shape) => void book.delete(shape),
    get size() {
      return book.size
    },
  }
  return gasBook
}
