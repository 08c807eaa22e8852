import { describe, expect, test } from 'vitest'
import * as artifacts from './artifacts.js'
import { compileContracts } from './compile.js'

describe('test contract artifacts', () => {
  test('behavior: the committed ABIs and bytecode equal a fresh offline solc compile of contracts/*.sol', () => {
    const compiled = compileContracts()
    expect(Object.keys(compiled).sort()).toEqual(['Counter', 'TestToken', 'Vault'])
    for (const [name, contract] of Object.entries(compiled)) {
      const stem = `${name[0]?.toLowerCase()}${name.slice(1)}`
      expect(artifacts[`${stem}Abi` as keyof typeof artifacts], `${name} abi`).toEqual(contract.abi)
      expect(artifacts[`${stem}Bytecode` as keyof typeof artifacts], `${name} bytecode`).toBe(
        contract.bytecode,
      )
    }
  }, 60_000)
})
