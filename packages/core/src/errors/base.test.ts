import { describe, expect, test } from 'vitest'
import { BaseError } from './base.js'

describe('BaseError', () => {
  test('behavior: message carries short message, meta, docs and details', () => {
    const error = new BaseError('Do the thing again.', {
      details: 'boom',
      docsPath: '/errors',
      metaMessages: ['field: x'],
    })
    expect(error.shortMessage).toBe('Do the thing again.')
    expect(error.message).toContain('field: x')
    expect(error.message).toContain('Docs: https://sessionkit.dev/errors')
    expect(error.message).toContain('Details: boom')
    expect(error.name).toBe('SessionkitError')
  })

  test('behavior: walk finds a cause by predicate and the deepest cause', () => {
    const root = new Error('root')
    const mid = new BaseError('mid', { cause: root })
    const top = new BaseError('top', { cause: mid })
    expect(top.details).toBe('root')
    expect(top.walk()).toBe(root)
    expect(top.walk((e) => e === mid)).toBe(mid)
    expect(top.walk((e) => e === 'nope')).toBeNull()
  })
})
