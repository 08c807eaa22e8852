import {
  type Abi,
  decodeFunctionData,
  formatEther,
  type Hex,
  hexToString,
  isHex,
  type RpcTransactionRequest,
} from 'viem'

const short = (value: unknown): string => {
  const text =
    typeof value === 'string'
      ? value
      : JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v))
  return text.length > 66 ? `${text.slice(0, 30)}…${text.slice(-12)} (${text.length} chars)` : text
}

/** Readable lines for an `eth_signTypedData_v4` payload: domain, primary type, top-level fields. */
export function summarizeTypedData(json: string): { title: string; lines: string[] } {
  let data: { domain?: Record<string, unknown>; primaryType?: string; message?: object }
  try {
    data = JSON.parse(json)
  } catch {
    return { title: 'Sign typed data', lines: ['(unreadable payload)'] }
  }
  const domain = data.domain ?? {}
  const lines = [
    `domain: ${[domain.name, domain.version && `v${domain.version}`, domain.chainId && `chain ${domain.chainId}`].filter(Boolean).join(' ')}`,
    ...Object.entries(data.message ?? {}).map(([key, value]) =>
      Array.isArray(value) ? `${key}: ${value.length} item(s)` : `${key}: ${short(value)}`,
    ),
  ]
  return { title: `Sign ${data.primaryType ?? 'typed data'}`, lines }
}

/** Readable lines for a `personal_sign` message: the text when printable, else the hex. */
export function summarizeMessage(message: Hex | string): { title: string; lines: string[] } {
  if (!isHex(message)) return { title: 'Sign message', lines: [message] }
  const text = hexToString(message)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detect binary payloads
  const printable = !/[\u0000-\u0008\u000e-\u001f]/.test(text)
  return { title: 'Sign message', lines: [printable ? text : short(message)] }
}

/** Readable lines for `eth_sendTransaction`: target, value and the decoded call when the ABI knows it. */
export function summarizeTransaction(
  tx: RpcTransactionRequest,
  abis: { name: string; abi: Abi }[] = [],
): { title: string; lines: string[] } {
  const lines = [`to: ${tx.to ?? '(contract creation)'}`]
  if (tx.value && BigInt(tx.value) > 0n) lines.push(`value: ${formatEther(BigInt(tx.value))} ETH`)
  const data = tx.data
  if (data && data !== '0x') {
    const decoded = abis
      .map(({ name, abi }) => {
        try {
          const call = decodeFunctionData({ abi, data })
          return `${name}.${call.functionName}(${(call.args ?? []).map(short).join(', ')})`
        } catch {
          return undefined
        }
      })
      .find(Boolean)
    lines.push(decoded ? `call: ${decoded}` : `data: ${short(data)}`)
  }
  return { title: 'Send transaction', lines }
}
