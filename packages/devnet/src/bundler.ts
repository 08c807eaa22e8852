import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { entryPoint07Address } from 'viem/account-abstraction'
import { roles } from './accounts.js'
import { type Child, startChild } from './child.js'
import { DevnetStartError } from './errors.js'

function altoCli(): string {
  if (process.env.SESSIONKIT_ALTO_CLI) return process.env.SESSIONKIT_ALTO_CLI
  try {
    const require = createRequire(import.meta.url)
    return join(dirname(require.resolve('@pimlico/alto')), 'cli', 'alto.js')
  } catch (cause) {
    throw new DevnetStartError('bundler', '@pimlico/alto is not installed. Run `pnpm install`.', {
      cause,
    })
  }
}

/** Starts the alto bundler against anvil, tuned for a local chain: no tracer (safe mode off), fast polling, deep mempool. */
export async function startBundler(parameters: { rpcUrl: string; port: number }): Promise<Child> {
  const { rpcUrl, port } = parameters
  const url = `http://127.0.0.1:${port}`
  return startChild({
    part: 'bundler',
    command: process.execPath,
    args: [
      altoCli(),
      '--entrypoints',
      entryPoint07Address,
      '--executor-private-keys',
      roles.executors.map((a) => a.privateKey).join(','),
      '--utility-private-key',
      roles.utility.privateKey,
      '--rpc-url',
      rpcUrl,
      '--port',
      String(port),
      '--safe-mode',
      'false',
      '--deploy-simulations-contract',
      'true',
      '--block-time',
      '100',
      '--min-bundle-interval',
      '20',
      '--max-bundle-interval',
      '100',
      '--mempool-max-parallel-ops',
      '512',
      '--mempool-max-queued-ops',
      '128',
      '--mempool-pop-batch-size',
      '64',
      '--enforce-unique-senders-per-bundle',
      'false',
      '--max-gas-per-bundle',
      '25000000',
      '--enable-cors',
      'true',
      '--utility-wallet-monitor',
      'false',
      '--refilling-wallets',
      'false',
      '--log-level',
      process.env.SESSIONKIT_BUNDLER_LOG ?? 'warn',
    ],
    env: { ...process.env, NODE_OPTIONS: '' },
    probe: async () => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'eth_supportedEntryPoints',
          params: [],
        }),
      })
      const body = (await response.json()) as { result?: string[] }
      return Array.isArray(body.result) && body.result.length > 0
    },
    timeoutMs: 40_000,
  })
}
