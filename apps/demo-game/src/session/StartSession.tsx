import { describePolicy, useCreateSession } from '@sessionkit/react'
import { type ConsentApp, ConsentDialog } from '@sessionkit/ui'
import { useMemo, useState } from 'react'
import type { Address } from 'viem'
import { gamePolicy } from './policy.js'

export type StartSessionProps = { app: ConsentApp; game: Address; label?: string | undefined }

/** "Start session": the consent dialog for the game's policy; Approve asks the wallet once. */
export function StartSession({ app, game, label = 'Start session' }: StartSessionProps) {
  const [open, setOpen] = useState(false)
  const description = useMemo(() => describePolicy(gamePolicy(game)), [game])
  const create = useCreateSession({ mutation: { onSuccess: () => setOpen(false) } })
  const approve = ({ durationSeconds }: { durationSeconds: number }) =>
    create.mutate({ policy: gamePolicy(game, durationSeconds), label: 'Dungeon run' })
  return (
    <ConsentDialog.Root
      app={app}
      description={description}
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) create.reset()
      }}
      status={create.isPending ? 'pending' : create.error ? 'error' : 'idle'}
      error={create.error}
      onApprove={approve}
      onDeny={() => create.reset()}
    >
      <ConsentDialog.Trigger className="button button-primary">{label}</ConsentDialog.Trigger>
      <ConsentDialog.Content>
        <ConsentDialog.Header />
        <ConsentDialog.Risks />
        <ConsentDialog.Permissions />
        <ConsentDialog.Duration />
        <ConsentDialog.Status />
        <ConsentDialog.Actions />
      </ConsentDialog.Content>
    </ConsentDialog.Root>
  )
}
