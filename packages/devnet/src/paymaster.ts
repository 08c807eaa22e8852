import { createServer, type IncomingMessage, type Server } from 'node:http'
import {
  type Address,
  type Chain,
  encodeAbiParameters,
  encodePacked,
  type Hex,
  hexToBigInt,
  keccak256,
  type PublicClient,
  parseEther,
  slice,
  toBytes,
  toHex,
  type WalletClient,
} from 'viem'
import {
  entryPoint07Address,
  toPackedUserOperation,
  type UserOperation,
} from 'viem/account-abstraction'
import { privateKeyToAccount } from 'viem/accounts'
import { roles } from './accounts.js'
import { loadSingletonPaymaster07 } from './mockPaymaster.js'

/** Sponsors every operation (`sponsor`), refuses all (`refuse`), or answers nothing (`down`): for fault tests. */
export type PaymasterMode = 'sponsor' | 'refuse' | 'down'

export type PaymasterService = {
  url: string
  address: Address
  /** Number of JSON-RPC requests served, by method. */
  requests: Map<string, number>
  setMode(mode: PaymasterMode): void
  stop(): Promise<void>
}

const dummySignature: Hex =
  '0xcd91f19f0f19ce862d7bec7b7d9b95457145afc6f639c28fd0360f488937bfa41e6eedcd3a46054fd95fcd0e3ef6b0bc0a615c4d975eef55c8a3517257904d5b1c'

/** Verifying mode, all bundlers allowed, no expiry (so anvil time travel does not invalidate sponsorships). */
const paymasterDataPrefix = encodePacked(['uint8', 'uint48', 'uint48'], [1, 0, 0])

/** Bytes of `paymasterAndData` the verifying-mode hash covers: paymaster, its two gas limits, mode byte, validUntil, validAfter. */
const hashedPaymasterAndData = 20 + 16 + 16 + 1 + 6 + 6

/**
 * SingletonPaymasterV7's `getHash(0, userOp)` (verifying mode) computed locally, as the contract
 * does: the op's fields with hashed initCode, callData and unsigned paymaster fields, then bound to
 * the chain. Saves the service an `eth_call` per sponsorship (checked against the
 * contract in the devnet tests).
 */
export function paymasterHash(parameters: {
  userOperation: UserOperation<'0.7'>
  chainId: number
}): Hex {
  const packed = toPackedUserOperation(parameters.userOperation)
  const inner = keccak256(
    encodeAbiParameters(
      [
        { type: 'address' },
        { type: 'uint256' },
        { type: 'bytes32' },
        { type: 'uint256' },
        { type: 'bytes32' },
        { type: 'bytes32' },
        { type: 'bytes32' },
        { type: 'bytes32' },
      ],
      [
        packed.sender,
        packed.nonce,
        packed.accountGasLimits,
        packed.preVerificationGas,
        packed.gasFees,
        keccak256(packed.initCode),
        keccak256(packed.callData),
        keccak256(slice(packed.paymasterAndData, 0, hashedPaymasterAndData)),
      ],
    ),
  )
  return keccak256(
    encodeAbiParameters(
      [{ type: 'bytes32' }, { type: 'uint256' }],
      [inner, BigInt(parameters.chainId)],
    ),
  )
}

/** Deploys SingletonPaymasterV7 with a deposit in the EntryPoint. */
export async function deployPaymaster(parameters: {
  chain: Chain
  publicClient: PublicClient
  walletClient: WalletClient
}): Promise<Address> {
  const { chain, publicClient, walletClient } = parameters
  const { getSingletonPaymaster07InitCode, singletonPaymaster07Abi } =
    await loadSingletonPaymaster07()
  const account = walletClient.account!
  const hash = await walletClient.sendTransaction({
    account,
    chain,
    data: getSingletonPaymaster07InitCode(roles.paymasterSigner.address),
  })
  const { contractAddress } = await publicClient.waitForTransactionReceipt({
    hash,
    pollingInterval: 20,
  })
  const address = contractAddress!
  const deposit = await walletClient.writeContract({
    account,
    chain,
    address,
    abi: singletonPaymaster07Abi,
    functionName: 'deposit',
    value: parseEther('1000'),
  })
  await publicClient.waitForTransactionReceipt({ hash: deposit, pollingInterval: 20 })
  return address
}

/** An ERC-7677 paymaster service (`pm_getPaymasterStubData`, `pm_getPaymasterData`) on loopback over SingletonPaymasterV7. */
export async function startPaymasterService(parameters: {
  publicClient: PublicClient
  address: Address
  port?: number
}): Promise<PaymasterService> {
  const { publicClient, address } = parameters
  const chainId = await publicClient.getChainId()
  const signer = privateKeyToAccount(roles.paymasterSigner.privateKey)
  const requests = new Map<string, number>()
  let mode: PaymasterMode = 'sponsor'

  const handle = async (method: string, params: unknown[]): Promise<unknown> => {
    const entryPoint = params[1]
    if (
      typeof entryPoint !== 'string' ||
      entryPoint.toLowerCase() !== entryPoint07Address.toLowerCase()
    )
      throw {
        code: -32602,
        message: `EntryPoint ${String(entryPoint)} is not supported; use v0.7 ${entryPoint07Address}.`,
      }
    if (mode === 'refuse') throw { code: -32001, message: 'Sponsorship refused by policy.' }
    if (method === 'pm_getPaymasterStubData')
      return {
        paymaster: address,
        paymasterData: encodePacked(['bytes', 'bytes'], [paymasterDataPrefix, dummySignature]),
        paymasterVerificationGasLimit: toHex(60_000n),
        paymasterPostOpGasLimit: toHex(1n),
        isFinal: false,
        sponsor: { name: 'Sessionkit devnet' },
      }
    if (method === 'pm_getPaymasterData') {
      const rpc = params[0] as Record<string, Hex | null | undefined>
      const userOperation = {
        sender: rpc.sender,
        nonce: hexToBigInt(rpc.nonce!),
        factory: rpc.factory ?? undefined,
        factoryData: rpc.factoryData ?? undefined,
        callData: rpc.callData,
        callGasLimit: hexToBigInt(rpc.callGasLimit ?? '0x0'),
        verificationGasLimit: hexToBigInt(rpc.verificationGasLimit ?? '0x0'),
        preVerificationGas: hexToBigInt(rpc.preVerificationGas ?? '0x0'),
        maxFeePerGas: hexToBigInt(rpc.maxFeePerGas ?? '0x0'),
        maxPriorityFeePerGas: hexToBigInt(rpc.maxPriorityFeePerGas ?? '0x0'),
        paymaster: address,
        paymasterVerificationGasLimit: hexToBigInt(
          rpc.paymasterVerificationGasLimit ?? toHex(60_000n),
        ),
        paymasterPostOpGasLimit: hexToBigInt(rpc.paymasterPostOpGasLimit ?? '0x1'),
        paymasterData: paymasterDataPrefix,
        signature: '0x',
      } as UserOperation<'0.7'>
      const hash = paymasterHash({ userOperation, chainId })
      const signature = await signer.signMessage({ message: { raw: toBytes(hash) } })
      return {
        paymaster: address,
        paymasterData: encodePacked(['bytes', 'bytes'], [paymasterDataPrefix, signature]),
      }
    }
    throw { code: -32601, message: `Method ${method} is not supported by this paymaster.` }
  }

  const server: Server = createServer(async (request, response) => {
    if (mode === 'down') {
      request.socket.destroy()
      return
    }
    response.setHeader('access-control-allow-origin', '*')
    response.setHeader('access-control-allow-headers', 'content-type')
    if (request.method === 'OPTIONS') return void response.writeHead(204).end()
    const reply = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body))
    }
    let payload: any
    try {
      payload = JSON.parse(await readBody(request))
    } catch {
      return reply({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } })
    }
    const one = async (call: any) => {
      requests.set(call?.method, (requests.get(call?.method) ?? 0) + 1)
      try {
        const result = await handle(
          String(call?.method),
          Array.isArray(call?.params) ? call.params : [],
        )
        return { jsonrpc: '2.0', id: call?.id ?? null, result }
      } catch (error: any) {
        return {
          jsonrpc: '2.0',
          id: call?.id ?? null,
          error: {
            code: error?.code ?? -32603,
            message: error?.shortMessage ?? error?.message ?? String(error),
          },
        }
      }
    }
    reply(Array.isArray(payload) ? await Promise.all(payload.map(one)) : await one(payload))
  })
  server.keepAliveTimeout = 1_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(parameters.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as { port: number }).port
  return {
    url: `http://127.0.0.1:${port}`,
    address,
    requests,
    setMode: (next) => {
      mode = next
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = ''
    request.on('data', (chunk) => {
      body += chunk
      if (body.length > 1_000_000) reject(new Error('body too large'))
    })
    request.on('end', () => resolve(body))
    request.on('error', reject)
  })
}
