import { getSmartAccountsEnvironment } from '@metamask/smart-accounts-kit'
import { InvalidAddressError } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { getDeleGatorDeployment, hashDelegation } from './checked.js'
import * as counterfactual from './counterfactual.js'
import * as delegation from './delegation.js'

const environment = getSmartAccountsEnvironment(11155111)
const owner = privateKeyToAccount(generatePrivateKey()).address
const root = {
  delegate: owner,
  delegator: owner,
  authority: delegation.rootAuthority,
  caveats: [],
  salt: 1n,
}

describe('public getDeleGatorDeployment and hashDelegation', () => {
  test('behavior: valid input gives what the unchecked functions give', () => {
    expect(getDeleGatorDeployment({ owner, environment })).toEqual(
      counterfactual.getDeleGatorDeployment({ owner, environment }),
    )
    expect(hashDelegation(root)).toBe(delegation.hashDelegation(root))
  })

  test('error: a malformed owner or environment throws SessionParameterError', () => {
    for (const bad of [42, '0x1234', null])
      expect(() => getDeleGatorDeployment({ owner: bad as never, environment })).toThrow(
        expect.objectContaining({ name: 'SessionParameterError', parameter: 'owner' }),
      )
    expect(() => getDeleGatorDeployment(null as never)).toThrow(
      expect.objectContaining({ parameter: 'owner' }),
    )
    expect(() => getDeleGatorDeployment({ owner, environment: 42 as never })).toThrow(
      expect.objectContaining({ name: 'SessionParameterError', parameter: 'environment' }),
    )
  })

  test("error: a malformed delegation throws SessionParameterError with viem's error as cause", () => {
    let error: { name?: string; parameter?: string; cause?: unknown } = {}
    try {
      hashDelegation({ ...root, delegate: '0x1234' })
    } catch (e) {
      error = e as typeof error
    }
    expect(error).toMatchObject({ name: 'SessionParameterError', parameter: 'delegation' })
    expect(error.cause).toBeInstanceOf(InvalidAddressError)
    expect(() => hashDelegation(null as never)).toThrow(
      expect.objectContaining({ name: 'SessionParameterError' }),
    )
  })
})
