import type {
  Address,
  Chain,
  Client,
  Hex,
  SignableMessage,
  Transport,
  TypedDataDefinition,
} from 'viem'
import { concatHex, encodeFunctionData, keccak256, numberToHex, pad, toHex } from 'viem'
import type {
  SmartAccount,
  SmartAccountImplementation,
  UserOperation,
} from 'viem/account-abstraction'
import { entryPoint07Abi, toPackedUserOperation, toSmartAccount } from 'viem/account-abstraction'
import { hybridDeleGatorAbi } from './abis.js'
import { type DeleGatorEnvironment, getDeleGatorDeployment } from './counterfactual.js'
import { encodeExecutions } from './executions.js'

/** Signs for the EOA owner of a HybridDeleGator (a local key or the connected wallet). */
export type DeleGatorOwner = {
  address: Address
  signTypedData: (typedData: TypedDataDefinition) => Promise<Hex>
  signMessage?: ((parameters: { message: SignableMessage }) => Promise<Hex>) | undefined
  /** Signs a 32-byte digest as is (a local key): lets UserOperations skip viem's typed-data walk. */
  sign?: ((parameters: { hash: Hex }) => Promise<Hex>) | undefined
}

export type ToDeleGatorAccountParameters = {
  client: Client<Transport, Chain>
  owner: DeleGatorOwner
  environment: DeleGatorEnvironment & { EntryPoint: Address }
}

export type DeleGatorAccount = SmartAccount<
  SmartAccountImplementation<
    typeof entryPoint07Abi,
    '0.7',
    { deployment: ReturnType<typeof getDeleGatorDeployment> }
  >
>

/** A 65-byte ECDSA-shaped stub, as the kit uses for gas estimation. */
export const ecdsaStubSignature: Hex =
  '0x000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000000000011b'

const packedUserOperationTypeHash = keccak256(
  toHex(
    'PackedUserOperation(address sender,uint256 nonce,bytes initCode,bytes callData,bytes32 accountGasLimits,uint256 preVerificationGas,bytes32 gasFees,bytes paymasterAndData,address entryPoint)',
  ),
)
const domainTypeHash = keccak256(
  toHex('EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)'),
)
const nameHash = keccak256(toHex('HybridDeleGator'))
const versionHash = keccak256(toHex('1'))

/**
 * keccak256 of ABI-encoded static words. Each word must already be a 32-byte value, an address, or
 * a bigint (uint256): hex is left-padded to 32 bytes, so a short bytes32 (which ABI encoding pads
 * on the right) would hash wrong without an error.
 */
const hashWords = (...words: (Hex | bigint)[]): Hex =>
  keccak256(
    concatHex(
      words.map((word) => (typeof word === 'bigint' ? numberToHex(word, { size: 32 }) : pad(word))),
    ),
  )

/**
 * The EIP-712 digest of `getUserOperationTypedData` (`userOperationTypedData.ts`), computed directly (same bytes as viem's
 * `hashTypedData`, without its per-field validation walk): the hot path of every action.
 */
export function getUserOperationDigest(parameters: {
  userOperation: UserOperation<'0.7'>
  address: Address
  chainId: number
  entryPoint: Address
}): Hex {
  const packed = toPackedUserOperation({ ...parameters.userOperation, signature: '0x' })
  const domain = hashWords(
    domainTypeHash,
    nameHash,
    versionHash,
    BigInt(parameters.chainId),
    parameters.address,
  )
  const struct = hashWords(
    packedUserOperationTypeHash,
    packed.sender,
    packed.nonce,
    keccak256(packed.initCode),
    keccak256(packed.callData),
    packed.accountGasLimits,
    packed.preVerificationGas,
    packed.gasFees,
    keccak256(packed.paymasterAndData),
    parameters.entryPoint,
  )
  return keccak256(concatHex(['0x1901', domain, struct]))
}

/**
 * A light viem smart account for a counterfactual HybridDeleGator owned by one EOA, without the
 * Smart Accounts Kit: same address, deploy data and UserOperation signing.
 */
export async function toDeleGatorAccount(
  parameters: ToDeleGatorAccountParameters,
): Promise<DeleGatorAccount> {
  const { client, owner, environment } = parameters
  const deployment = getDeleGatorDeployment({ owner: owner.address, environment })
  const chainId = client.chain.id
  return toSmartAccount({
    client: client as Client<Transport, Chain, undefined>,
    entryPoint: { abi: entryPoint07Abi, address: environment.EntryPoint, version: '0.7' },
    extend: { deployment },
    async getAddress() {
      return deployment.address
    },
    async encodeCalls(calls) {
      const { mode, executionCalldata } = encodeExecutions(
        calls.map((call) => ({
          target: call.to,
          value: call.value ?? 0n,
          callData: call.data ?? '0x',
        })),
      )
      return encodeFunctionData({
        abi: hybridDeleGatorAbi,
        functionName: 'execute',
        args: [mode, executionCalldata],
      })
    },
    async getFactoryArgs() {
      return { factory: deployment.factory, factoryData: deployment.factoryData }
    },
    async getStubSignature() {
      return ecdsaStubSignature
    },
    async signMessage({ message }) {
      if (!owner.signMessage) throw new Error('This owner cannot sign messages.')
      return owner.signMessage({ message })
    },
    async signTypedData(typedData) {
      return owner.signTypedData(typedData as TypedDataDefinition)
    },
    async signUserOperation(userOperation) {
      const parameters = {
        userOperation: { ...userOperation, sender: deployment.address } as UserOperation<'0.7'>,
        address: deployment.address,
        chainId: userOperation.chainId ?? chainId,
        entryPoint: environment.EntryPoint,
      }
      if (owner.sign) return owner.sign({ hash: getUserOperationDigest(parameters) })
      // A wallet owner (revoking) signs the typed data instead: that code loads on first use.
      const { getUserOperationTypedData } = await import('./userOperationTypedData.js')
      return owner.signTypedData(
        getUserOperationTypedData(parameters) as unknown as TypedDataDefinition,
      )
    },
  }) as Promise<DeleGatorAccount>
}
