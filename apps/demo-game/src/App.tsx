import { SessionProvider } from '@sessionkit/react'
import { type ConsentApp, Theme } from '@sessionkit/ui'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { WagmiProvider } from 'wagmi'
import type { DemoConfig } from './config/demoConfig.js'
import { createDemoWagmiConfig } from './config/wagmi.js'
import { Game } from './game/Game.js'
import { SidePanel } from './SidePanel.js'
import { createDemoSessionConfig } from './session/sessionConfig.js'
import { ApprovalSheet, ApprovalsProvider } from './wallet/ApprovalSheet.js'
import { createApprovals } from './wallet/approvals.js'
import { ConnectButton } from './wallet/ConnectButton.js'

export const appName = 'Dungeon'

/** The demo: providers, header with Connect, the game, the session side panel, the wallet's sheet. */
export function App({ config }: { config: DemoConfig }) {
  const [approvals] = useState(() => createApprovals({ storage: window.sessionStorage }))
  const [wagmiConfig] = useState(() =>
    createDemoWagmiConfig({ config, approvals, hasInjected: 'ethereum' in window }),
  )
  const [queryClient] = useState(() => new QueryClient())
  const [app] = useState<ConsentApp>(() => ({ name: appName, url: window.location.origin }))
  const [sessionConfig] = useState(() =>
    createDemoSessionConfig({ config, wagmi: wagmiConfig, appName, appUrl: app.url! }),
  )
  return (
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={queryClient}>
        <SessionProvider config={sessionConfig}>
          <ApprovalsProvider value={approvals}>
            <Theme appearance="dark" className="app">
              <header className="app-header">
                <h1>
                  {appName} <small>one approval, then play</small>
                </h1>
                <ConnectButton />
              </header>
              <main className="app-main">
                <Game config={config} app={app} />
              </main>
              <SidePanel game={config.game} />
              <ApprovalSheet appName={appName} />
            </Theme>
          </ApprovalsProvider>
        </SessionProvider>
      </QueryClientProvider>
    </WagmiProvider>
  )
}
