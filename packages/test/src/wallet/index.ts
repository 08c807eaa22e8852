export {
  type CreateTestWagmiConfigParameters,
  connectTestWallet,
  createTestWagmiConfig,
  disconnectAll,
} from './createTestWagmiConfig.js'
export {
  type CreateTestWalletParameters,
  createTestWallet,
  type TestWallet,
  type TestWalletPrompt,
  type TestWalletPromptMethod,
  type TestWalletProvider,
} from './createTestWallet.js'
