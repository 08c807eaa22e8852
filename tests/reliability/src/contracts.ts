// The shared test contracts (Counter, TestToken, Vault) of @sessionkit/test, until its entry exports them.
export {
  counterAbi,
  deployTestContracts,
  type TestContracts,
  testTokenAbi,
  vaultAbi,
} from '../../../packages/test/src/contracts/index.js'
