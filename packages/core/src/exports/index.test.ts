import { expect, test } from 'vitest'
import * as core from './index.js'

test('behavior: the public export names of @sessionkit/core', () => {
  expect(Object.keys(core).sort()).toMatchSnapshot()
})
