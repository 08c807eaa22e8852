import { readFileSync } from 'node:fs'
import { getSmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import { describe, expect, test } from 'vitest'
import { ChainNotConfiguredError } from '../errors/session.js'
import { getDeployedEnvironment } from './environment.js'

describe('getDeployedEnvironment', () => {
  test('behavior: reads the published deployment of a chain, as the Smart Accounts Kit has it', async () => {
    const ours = await getDeployedEnvironment(11155111)
    const kit = getSmartAccountsEnvironment(11155111)
    expect(ours.DelegationManager).toBe(kit.DelegationManager)
    expect(ours.EntryPoint).toBe(kit.EntryPoint)
    expect(ours.SimpleFactory).toBe(kit.SimpleFactory)
    expect(ours.implementations.HybridDeleGatorImpl).toBe(kit.implementations.HybridDeleGatorImpl)
    expect(ours.caveatEnforcers.AllowedTargetsEnforcer).toBe(
      kit.caveatEnforcers.AllowedTargetsEnforcer,
    )
  })

  test('error: a chain without a deployment rejects with ChainNotConfiguredError', async () => {
    const error = await getDeployedEnvironment(424242).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ChainNotConfiguredError)
    expect((error as ChainNotConfiguredError).chainId).toBe(424242)
    expect((error as ChainNotConfiguredError).shortMessage).toContain('is not deployed there')
  })

  test('behavior: the lazily loaded table reader imports nothing of the kit at run time, so its chunk shares no module with the main bundle', () => {
    const source = readFileSync(new URL('./deployedEnvironment.ts', import.meta.url), 'utf8')
    const statements = source.split(/^(?=import )/m).filter((s) => s.startsWith('import '))
    const runtimeFrom = statements
      .filter((statement) => !statement.startsWith('import type '))
      .map((statement) => /from '([^']*)'/.exec(statement)?.[1])
    expect(statements.length).toBeGreaterThan(runtimeFrom.length)
    expect(runtimeFrom.filter((from) => from?.startsWith('.'))).toEqual([])
  })
})
