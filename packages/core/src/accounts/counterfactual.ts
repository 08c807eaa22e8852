import { ERC1967Proxy } from '@metamask/delegation-abis/bytecode'
import {
  type Address,
  concat,
  encodeAbiParameters,
  encodeFunctionData,
  getContractAddress,
  type Hex,
  pad,
} from 'viem'
import { assertAddress, assertObject, wrapInput } from '../errors/invalidInput.js'
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
  assertObject(parameters, 'parameters')
  const { owner, environment } = parameters
  assertAddress(owner, 'owner')
  return wrapInput('environment', () => deployment(owner, environment, parameters.salt))
}

function deployment(
  owner: Address,
  environment: DeleGatorEnvironment,
  saltInput: Hex | undefined,
): DeleGatorDeployment {
  const implementation = environment.implementations.HybridDeleGatorImpl as Address
  const initcode = encodeFunctionData({
    abi: hybridDeleGatorAbi,
    functionName: 'initialize',
    args: [owner, [], [], []],
  })
  const creationCode = concat([
    ERC1967Proxy as Hex,
    encodeAbiParameters([{ type: 'address' }, { type: 'bytes' }], [implementation, initcode]),
  ])
  const salt = pad(saltInput ?? '0x', { dir: 'left', size: 32 })
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
