// @vitest-environment node
import { createSessionConfig } from '@sessionkit/core'
import { createTestWagmiConfig, createTestWallet, getDevnet } from '@sessionkit/test'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { WagmiProvider } from 'wagmi'
import { SessionProvider } from './context.js'
import { useCreateSession } from './hooks/useCreateSession.js'
import { useRevokeSession } from './hooks/useRevokeSession.js'
import { useSession } from './hooks/useSession.js'
import { useSessionAction } from './hooks/useSessionAction.js'
import { useSessionCheck } from './hooks/useSessionCheck.js'
import { useSessionStatus } from './hooks/useSessionStatus.js'
import { useSessions } from './hooks/useSessions.js'

describe('server rendering', () => {
  test('behavior: every hook renders on the server with no window, no IndexedDB and no request', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof indexedDB).toBe('undefined')
    const devnet = getDevnet()
    const wallet = createTestWallet({ privateKey: devnet.accounts[1]!.privateKey })
    const wagmi = createTestWagmiConfig({ chains: [devnet.chain], wallets: [wallet] })
    let requests = 0
    const config = createSessionConfig({
      wagmi,
      app: { name: 'SSR', url: 'https://game.example' },
      chains: {
        [devnet.chainId]: { bundlerUrl: devnet.bundlerUrl, paymasterUrl: devnet.paymasterUrl },
      },
      onRequest: () => void requests++,
    })
    const queryClient = new QueryClient()
    function App() {
      const session = useSession()
      const sessions = useSessions()
      const check = useSessionCheck({ calls: [{ to: devnet.environment.DelegationManager }] })
      const status = useSessionStatus({ id: 'x' })
      const create = useCreateSession()
      const action = useSessionAction()
      const revoke = useRevokeSession()
      return (
        <p>
          {[
            session.status,
            sessions.status,
            check.fetchStatus,
            status.fetchStatus,
            create.status,
            action.status,
            revoke.status,
          ].join(' ')}
        </p>
      )
    }
    const html = renderToString(
      <WagmiProvider config={wagmi as never}>
        <QueryClientProvider client={queryClient}>
          <SessionProvider config={config}>
            <App />
          </SessionProvider>
        </QueryClientProvider>
      </WagmiProvider>,
    )
    expect(html).toBe('<p>disconnected pending idle idle idle idle idle</p>')
    expect(requests).toBe(0)
  })
})
