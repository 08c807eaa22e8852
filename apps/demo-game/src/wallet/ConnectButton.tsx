import { useChainId, useConnect, useConnection, useConnectors, useDisconnect } from 'wagmi'

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`

/** Connect with the injected wallet when there is one, else the dev wallet; shows the account once connected. */
export function ConnectButton() {
  const { address, status, connector } = useConnection()
  const connectors = useConnectors()
  const { mutate: connect, isPending, error } = useConnect()
  const { mutate: disconnect } = useDisconnect()
  const chainId = useChainId()
  if (status === 'connected' && address)
    return (
      <div className="connect">
        <span className="connect-account" title={address}>
          {connector?.name}: {short(address)}
        </span>
        <button type="button" className="button" onClick={() => disconnect()}>
          Disconnect
        </button>
      </div>
    )
  const preferred = connectors.find((c) => c.type === 'injected') ?? connectors[0]
  return (
    <div className="connect">
      <button
        type="button"
        className="button button-primary"
        disabled={!preferred || isPending || status === 'reconnecting'}
        onClick={() => preferred && connect({ connector: preferred, chainId })}
      >
        {status === 'reconnecting' ? 'Reconnecting…' : `Connect ${preferred?.name ?? 'wallet'}`}
      </button>
      {error && <span className="error">{error.message.split('\n')[0]}</span>}
    </div>
  )
}
