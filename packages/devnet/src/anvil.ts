import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { type Child, startChild } from './child.js'
import { DevnetStartError } from './errors.js'

/** Path of the anvil binary shipped in `@foundry-rs/anvil-linux-amd64` (spawned directly so a kill ends it). */
export function anvilBinary(): string {
  const fromEnv = process.env.SESSIONKIT_ANVIL_BIN
  if (fromEnv) return fromEnv
  try {
    const require = createRequire(import.meta.url)
    return join(
      dirname(require.resolve('@foundry-rs/anvil-linux-amd64/package.json')),
      'bin',
      'anvil',
    )
  } catch (cause) {
    throw new DevnetStartError(
      'anvil',
      'the anvil binary package @foundry-rs/anvil-linux-amd64 is not installed. Run `pnpm install`.',
      { cause },
    )
  }
}

/** Starts anvil on 127.0.0.1:port with instant mining. */
export async function startAnvil(parameters: { port: number; chainId: number }): Promise<Child> {
  const binary = anvilBinary()
  if (!existsSync(binary))
    throw new DevnetStartError(
      'anvil',
      `the anvil binary is missing at ${binary}. Reinstall with \`pnpm install\`.`,
    )
  return startChild({
    part: 'anvil',
    command: binary,
    args: [
      '--host',
      '127.0.0.1',
      '--port',
      String(parameters.port),
      '--chain-id',
      String(parameters.chainId),
      '--accounts',
      '10',
      '--balance',
      '100000',
      '--disable-code-size-limit',
      '--no-request-size-limit',
    ],
    ready: /Listening on/,
    timeoutMs: 20_000,
  })
}
