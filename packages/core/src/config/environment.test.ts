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
})
