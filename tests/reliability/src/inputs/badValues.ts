/** Bad values by category; each is tried in every argument position and every top-level field. */
export type BadCategory = 'wrong type' | 'empty' | 'huge' | 'malformed address'

export type BadValue = { category: BadCategory; label: string; value: () => unknown }

export const badValues: readonly BadValue[] = [
  { category: 'wrong type', label: 'number 42', value: () => 42 },
  { category: 'wrong type', label: 'boolean true', value: () => true },
  { category: 'wrong type', label: 'symbol', value: () => Symbol('bad') },
  { category: 'wrong type', label: 'function', value: () => () => 0 },
  { category: 'wrong type', label: 'bigint 10n', value: () => 10n },
  { category: 'wrong type', label: 'plain string', value: () => 'hello' },
  { category: 'wrong type', label: 'NaN', value: () => Number.NaN },
  { category: 'wrong type', label: 'negative number', value: () => -1 },
  { category: 'empty', label: 'undefined', value: () => undefined },
  { category: 'empty', label: 'null', value: () => null },
  { category: 'empty', label: 'empty string', value: () => '' },
  { category: 'empty', label: 'empty object', value: () => ({}) },
  { category: 'empty', label: 'empty array', value: () => [] },
  { category: 'empty', label: 'zero', value: () => 0 },
  { category: 'huge', label: '1 MB string', value: () => 'a'.repeat(1_000_000) },
  { category: 'huge', label: '2^300', value: () => 2n ** 300n },
  { category: 'huge', label: 'Infinity', value: () => Number.POSITIVE_INFINITY },
  { category: 'huge', label: '1e300', value: () => 1e300 },
  {
    category: 'huge',
    label: '100k-element array',
    value: () => Array.from({ length: 100_000 }, () => 1),
  },
  { category: 'malformed address', label: 'short hex 0x1234', value: () => '0x1234' },
  { category: 'malformed address', label: 'non-hex 40 chars', value: () => `0x${'zz'.repeat(20)}` },
  {
    category: 'malformed address',
    label: 'bad checksum',
    value: () => '0xAbcdef0000000000000000000000000000000000',
  },
  { category: 'malformed address', label: 'ENS name', value: () => 'vitalik.eth' },
  { category: 'malformed address', label: '21 bytes', value: () => `0x${'11'.repeat(21)}` },
]
