import { createServer, type Server } from 'node:http'
import { type Devnet, startDevnet, toDevnetInfo } from '@sessionkit/devnet'
import type { TestProject } from 'vitest/node'

let devnet: Devnet | undefined
let control: Server | undefined

/**
 * Vitest global setup: one real devnet per test project run, shared with every test file through
 * `inject('devnet')`, plus a loopback control endpoint that reverts the chain between files.
 */
export async function setup(project: TestProject) {
  devnet = await startDevnet()
  control = await startControl(devnet)
  const { port } = control.address() as { port: number }
  project.provide('devnet', toDevnetInfo(devnet))
  project.provide('devnetControlUrl', `http://127.0.0.1:${port}`)
}

export async function teardown() {
  await new Promise<void>((resolve) => (control ? control.close(() => resolve()) : resolve()))
  await devnet?.stop()
}

/**
 * POST /revert { snapshot }: reverts anvil to the snapshot and restarts the bundler, whose cached
 * executor nonces and mempool would otherwise outlive the state they were read from.
 */
function startControl(devnet: Devnet): Promise<Server> {
  let queue = Promise.resolve()
  const server = createServer((request, response) => {
    // happy-dom's fetch enforces CORS for test files running in a DOM environment.
    response.setHeader('access-control-allow-origin', '*')
    response.setHeader('access-control-allow-headers', 'content-type')
    if (request.method === 'OPTIONS') return void response.writeHead(204).end()
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      queue = queue.then(async () => {
        try {
          const { snapshot } = JSON.parse(body) as { snapshot: string }
          await devnet.faults.stopBundler()
          const reverted = await fetch(devnet.rpcUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              jsonrpc: '2.0',
              id: 1,
              method: 'evm_revert',
              params: [snapshot],
            }),
          }).then((r) => r.json() as Promise<{ result?: boolean }>)
          await devnet.faults.startBundler()
          response.writeHead(reverted.result ? 200 : 409).end(JSON.stringify(reverted))
        } catch (error) {
          response.writeHead(500).end(String(error))
        }
      })
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}
