import { type Demo, startDemo } from './startDemo.js'

/** `pnpm --filter @sessionkit/demo-game dev`: devnet + game + app; Ctrl-C stops everything. */
let demo: Demo | undefined
let stopping = false
// Handlers first: a signal during start-up still stops every child (the devnet kills its children on exit).
const shutdown = async (signal: string) => {
  if (stopping) return
  stopping = true
  console.log(`\n  ${signal}: stopping Vite and the devnet…`)
  await demo?.stop()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))

const started = performance.now()
demo = await startDemo()
if (stopping) await demo.stop()
else {
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`\n  Dungeon demo ready in ${seconds} s: ${demo.url}`)
  console.log(`  devnet rpc ${demo.devnet.rpcUrl} · bundler ${demo.devnet.bundlerUrl}`)
  console.log(`  paymaster ${demo.devnet.paymasterUrl} · game ${demo.config.game}`)
  console.log(`  dev wallet ${demo.config.player.address}; Ctrl-C stops everything\n`)
}
