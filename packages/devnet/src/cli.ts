#!/usr/bin/env node
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { toDevnetInfo } from './info.js'
import { startDevnet } from './startDevnet.js'

/** `sessionkit-devnet [--out file.json]`: starts the stack, prints its URLs, writes them to JSON, stops on Ctrl-C / SIGTERM. */
async function main() {
  const outIndex = process.argv.indexOf('--out')
  const out = resolve(outIndex > 0 ? process.argv[outIndex + 1]! : '.devnet.json')
  const started = performance.now()
  const devnet = await startDevnet()
  const info = toDevnetInfo(devnet)
  writeFileSync(out, `${JSON.stringify(info, null, 2)}\n`)
  console.log(`Sessionkit devnet ready in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  console.log(`  chain id   ${info.chainId}`)
  console.log(`  rpc        ${info.rpcUrl}`)
  console.log(`  bundler    ${info.bundlerUrl}`)
  console.log(`  paymaster  ${info.paymasterUrl}`)
  console.log(`  written to ${out}`)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping devnet…`)
    await devnet.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
