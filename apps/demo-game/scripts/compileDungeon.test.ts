import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { dungeonAbi, dungeonBytecode } from '../src/contracts/generated/dungeon.js'
import { artifactPath, compileDungeon, renderArtifact } from './compileDungeon.js'
import { DungeonCompileError } from './errors.js'

describe('compileDungeon', () => {
  const result = compileDungeon()

  test('behavior: the committed artifact is exactly what solc produces from Dungeon.sol (no drift)', () => {
    expect(readFileSync(artifactPath, 'utf8')).toBe(renderArtifact(result))
    expect(dungeonBytecode).toBe(result.bytecode)
    expect(dungeonAbi).toEqual(result.abi)
  })

  test('behavior: the ABI holds the game moves and the item transfer', () => {
    const functions = dungeonAbi.filter((x) => x.type === 'function').map((x) => x.name)
    expect(functions).toEqual(
      expect.arrayContaining(['move', 'attack', 'pickUp', 'transferItem', 'getPlayer', 'board']),
    )
    expect(result.version).toMatch(/^0\.8\.28\+/)
  })

  test('error: a source that does not compile gives DungeonCompileError with solc message', () => {
    expect(() => compileDungeon('contract Dungeon { function f( }')).toThrow(DungeonCompileError)
    expect(() => compileDungeon('contract Other {}')).toThrow(/no Dungeon contract/)
  })
})
