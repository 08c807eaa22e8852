/**
 * The few functions the engine calls, as minimal ABI fragments (the full ABIs of
 * `@metamask/delegation-abis` weigh ~50 kB). `abis.test.ts` proves each fragment equals the
 * published ABI entry.
 */

/** The Delegation struct's ABI components: `disableDelegation` takes it, a permission context encodes a list of it. */
export const delegationComponents = [
  { name: 'delegate', type: 'address' },
  { name: 'delegator', type: 'address' },
  { name: 'authority', type: 'bytes32' },
  {
    name: 'caveats',
    type: 'tuple[]',
    components: [
      { name: 'enforcer', type: 'address' },
      { name: 'terms', type: 'bytes' },
      { name: 'args', type: 'bytes' },
    ],
  },
  { name: 'salt', type: 'uint256' },
  { name: 'signature', type: 'bytes' },
] as const

/** DelegationManager: redeem, read disabled. */
export const delegationManagerAbi = [
  {
    type: 'function',
    name: 'redeemDelegations',
    stateMutability: 'nonpayable',
    inputs: [
      { name: '_permissionContexts', type: 'bytes[]' },
      { name: '_modes', type: 'bytes32[]' },
      { name: '_executionCallDatas', type: 'bytes[]' },
    ],
    outputs: [],
  },
  {
    type: 'function',
    name: 'disabledDelegations',
    stateMutability: 'view',
    inputs: [{ name: 'delegationHash', type: 'bytes32' }],
    outputs: [{ name: 'isDisabled', type: 'bool' }],
  },
] as const

/** DelegationManager: disable (revoke only). */
export const disableDelegationAbi = [
  {
    type: 'function',
    name: 'disableDelegation',
    stateMutability: 'nonpayable',
    inputs: [{ name: '_delegation', type: 'tuple', components: delegationComponents }],
    outputs: [],
  },
] as const

/** HybridDeleGator: initialize (deploy data) and ERC-7579 execute. */
export const hybridDeleGatorAbi = [
  {
    type: 'function',
    name: 'initialize',
    stateMutability: 'nonpayable',
    inputs: [
      { name: '_owner', type: 'address' },
      { name: '_keyIds', type: 'string[]' },
      { name: '_xValues', type: 'uint256[]' },
      { name: '_yValues', type: 'uint256[]' },
    ],
    outputs: [],
  },
  {
    type: 'function',
    name: 'execute',
    stateMutability: 'payable',
    inputs: [
      { name: '_mode', type: 'bytes32' },
      { name: '_executionCalldata', type: 'bytes' },
    ],
    outputs: [],
  },
] as const

/** SimpleFactory: CREATE2 deploy. */
export const simpleFactoryAbi = [
  {
    type: 'function',
    name: 'deploy',
    stateMutability: 'nonpayable',
    inputs: [
      { name: '_bytecode', type: 'bytes' },
      { name: '_salt', type: 'bytes32' },
    ],
    outputs: [{ name: 'addr_', type: 'address' }],
  },
] as const
