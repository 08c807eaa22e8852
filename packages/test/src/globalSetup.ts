import { type Devnet, startDevnet, toDevnetInfo } from '@sessionkit/devnet'
import type { TestProject } from 'vitest/node'

let devnet: Devnet | undefined

/** Vitest global setup: one real devnet per test project run, shared with every test file through `inject('devnet')`. */
export async function setup(project: TestProject) {
  devnet = await startDevnet()
  project.provide('devnet', toDevnetInfo(devnet))
}

export async function teardown() {
  await devnet?.stop()
}
