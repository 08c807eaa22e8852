import { counterAbi } from '@sessionkit/test/contracts'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Address } from 'viem'
import { describe, expect, test } from 'vitest'
import { useCreateSession, useSession, useSessionAction } from './exports/index.js'
import { createTestSetup, gamePolicy, getTestContracts } from './test/createTestSetup.js'

describe('quick start (README)', () => {
  test('behavior: one prompt to start, then every move without a prompt', async () => {
    const { counter } = await getTestContracts()
    const setup = await createTestSetup()
    const wallet = setup.wallets[0]!
    const policy = gamePolicy(counter)

    // The README's component, as an app would write it.
    function Game({ counter }: { counter: Address }) {
      const session = useSession({ policy })
      const start = useCreateSession()
      const move = useSessionAction()
      if (session.status !== 'active')
        return (
          <button type="button" onClick={() => start.mutate({ policy })}>
            Start playing
          </button>
        )
      return (
        <button
          type="button"
          onClick={() =>
            move.mutate({ address: counter, abi: counterAbi, functionName: 'move', args: [1] })
          }
        >
          Move ({move.status})
        </button>
      )
    }

    render(<Game counter={counter} />, { wrapper: setup.wrapper })
    fireEvent.click(await screen.findByText('Start playing'))
    await screen.findByText('Move (idle)')
    expect(wallet.promptCount()).toBe(1)
    for (let i = 0; i < 3; i++) {
      fireEvent.click(screen.getByRole('button'))
      await screen.findByText('Move (success)')
      await waitFor(() => expect(screen.getByRole('button').textContent).toBe('Move (success)'))
    }
    expect(wallet.promptCount()).toBe(1)
  })
})
