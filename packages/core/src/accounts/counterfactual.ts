import { ERC1967Proxy } from '@metamask/delegation-abis/bytecode'
import type { Address, Hex } from 'viem'
import { concatHex, encodeAbiParameters, encodeFunctionData, getContractAddress, pad } from 'viem'
import { hybridDeleGatorAbi, simpleFactoryAbi } from './abis.js'

/** Where a counterfactual HybridDeleGator lives and how its factory deploys it. */
export type DeleGatorDeployment = {
  address: Address
  factory: Address
  /** Calldata of `SimpleFactory.deploy(creationCode, salt)`. */
  factoryData: Hex
}

/** The environment parts a HybridDeleGator deployment needs. */
export type DeleGatorEnvironment = {
  SimpleFactory: Address
  implementations: { HybridDeleGatorImpl?: Address | undefined } & Record<
    string,
    Address | undefined
  >
}

/**
 * Computes the counterfactual HybridDeleGator of `owner` (deploy params `[owner, [], [], []]`, salt `0x`),
 * as the Smart Accounts Kit does: an ERC1967 proxy deployed with CREATE2 by the SimpleFactory.
 */
export function getDeleGatorDeployment(parameters: {
  owner: Address
  environment: DeleGatorEnvironment
  salt?: Hex | undefined
}): DeleGatorDeployment {
  const { owner, environment } = parameters
  // Pure and asked for on every action (CREATE2 hashes the whole proxy creation code): memoized.
  const key = `${owner}|${environment.implementations.HybridDeleGatorImpl}|${environment.SimpleFactory}|${parameters.salt ?? ''}`
  const known = deployments.get(key)
  if (known) return known
  if (deployments.size >= 256) deployments.clear()
  const deployment = computeDeployment(owner, environment, parameters.salt)
  deployments.set(key, deployment)
  return deployment
}

const deployments = new Map<string, DeleGatorDeployment>()

function computeDeployment(
  owner: Address,
  environment: DeleGatorEnvironment,
  saltParameter: Hex | undefined,
): DeleGatorDeployment {
  const implementation = environment.implementations.HybridDeleGatorImpl as Address
  const initcode = encodeFunctionData({
    abi: hybridDeleGatorAbi,
    functionName: 'initialize',
    args: [owner, [], [], []],
  })
  const creationCode = concatHex([
    ERC1967Proxy as Hex,
    encodeAbiParameters([{ type: 'address' }, { type: 'bytes' }], [implementation, initcode]),
  ])
  const salt = pad(saltParameter ?? '0x', { dir: 'left', size: 32 })
  const address = getContractAddress({
    bytecode: creationCode,
    from: environment.SimpleFactory,
    opcode: 'CREATE2',
    salt,
  })
  const factoryData = encodeFunctionData({
    abi: simpleFactoryAbi,
    functionName: 'deploy',
    args: [creationCode, salt],
  })
  return { address, factory: environment.SimpleFactory, factoryData }
}
