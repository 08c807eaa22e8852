#!/usr/bin/env node
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { signalChildren } from './child.js'
import { toDevnetInfo } from './info.js'
import { type Devnet, startDevnet } from './startDevnet.js'

/** `sessionkit-devnet [--out file.json]`: starts the stack, prints its URLs, writes them to JSON, stops on Ctrl-C / SIGTERM. */
async function main() {
  const outIndex = process.argv.indexOf('--out')
  const out = resolve(outIndex > 0 ? process.argv[outIndex + 1]! : '.devnet.json')
  let devnet: Devnet | undefined
  let stopping = false
  // Handlers first: a signal that arrives during start-up or right after the URLs are printed still stops every child.
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    signalChildren('SIGTERM')
    console.log(`\n${signal}: stopping devnet…`)
    await devnet?.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))

  const started = performance.now()
  devnet = await startDevnet()
  if (stopping) return void (await devnet.stop())
  const info = toDevnetInfo(devnet)
  writeFileSync(out, `${JSON.stringify(info, null, 2)}\n`)
  console.log(`Sessionkit devnet ready in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  console.log(`  chain id   ${info.chainId}`)
  console.log(`  rpc        ${info.rpcUrl}`)
  console.log(`  bundler    ${info.bundlerUrl}`)
  console.log(`  paymaster  ${info.paymasterUrl}`)
  console.log(`  written to ${out}`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
