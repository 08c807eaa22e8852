import { type Address, isAddressEqual } from 'viem'
import { useApprovals } from '../wallet/ApprovalSheet.js'

export type HudProps = {
  landed: number
  pending: number
  failed: { count: number; last?: string | undefined }
  kills: number
  gems: number
  relic: bigint
  relicOwner: Address | undefined
  player: Address | undefined
}

/** The counters that prove the point: wallet prompts vs moves landed on-chain. */
export function Hud(props: HudProps) {
  const { count } = useApprovals()
  const owned =
    props.relicOwner !== undefined &&
    props.player !== undefined &&
    isAddressEqual(props.relicOwner, props.player)
  return (
    <dl className="hud">
      <Stat name="wallet prompts" value={count} testId="prompts" />
      <Stat name="moves landed" value={props.landed} testId="landed" />
      <Stat name="in flight" value={props.pending} testId="pending" />
      <Stat name="failed" value={props.failed.count} testId="failed" note={props.failed.last} />
      <Stat name="monsters slain" value={props.kills} testId="kills" />
      <Stat name="gems" value={props.gems} testId="gems" />
      <Stat
        name="player"
        testId="player"
        address={props.player}
        value={props.player ? `${props.player.slice(0, 6)}…${props.player.slice(-4)}` : '—'}
      />
      <Stat
        name="relic"
        testId="relic"
        value={props.relic === 0n ? 'none yet' : `#${props.relic} ${owned ? 'yours' : 'lost'}`}
      />
    </dl>
  )
}

function Stat(props: {
  name: string
  value: number | string
  testId: string
  address?: Address | undefined
  note?: string | undefined
}) {
  const { name, value, testId, address, note } = props
  return (
    <div className="stat" data-testid={testId} data-address={address} title={address ?? note}>
      <dt>{name}</dt>
      <dd>{value}</dd>
    </div>
  )
}
