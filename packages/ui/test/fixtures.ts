import type { PolicyDescription, Remaining, TokenInfo } from '@sessionkit/core'
import type { SessionListItem } from '../src/active-session-list/active-session-list.js'
import type { ConsentExpand } from '../src/consent-dialog/expand.js'

/** Fixed clock for tests and stories: 2026-01-01T12:00:00Z. */
export const NOW_MS = Date.UTC(2026, 0, 1, 12, 0, 0)
export const NOW_S = NOW_MS / 1000

export const eth: TokenInfo = { address: 'native', symbol: 'ETH', decimals: 18 }
export const usdc: TokenInfo = {
  address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  symbol: 'USDC',
  decimals: 6,
}

/** A healthy session: 40 min left of 1 h, 42 of 50 actions, 0.4 of 0.5 ETH per day. */
export const healthyRemaining: Remaining = {
  actionsLeft: 42,
  actionsUsed: 8,
  expiresAt: NOW_S + 40 * 60,
  spend: [
    {
      token: eth,
      period: 'day',
      limit: 500_000_000_000_000_000n,
      used: 100_000_000_000_000_000n,
      left: 400_000_000_000_000_000n,
    },
  ],
}

const dungeon = '0x1234567890abcdef1234567890abcdef123456ab' as const

/** A dungeon game's request: moves, attacks, an optional potion shop spend, 200 actions, up to 24 h. */
export const dungeonPolicy: PolicyDescription = {
  lines: [
    {
      id: 'call-0',
      kind: 'call',
      title: 'move(uint8 direction) on Dungeon (0x1234…56ab)',
      detail: 'direction must be 0, 1, 2 or 3',
      call: {
        target: dungeon,
        targetName: 'Dungeon',
        functionName: 'move',
        signature: 'move(uint8)',
        selector: '0x70e87aaf',
        args: [{ name: 'direction', type: 'uint8', rule: 'one of 0, 1, 2, 3' }],
      },
    },
    {
      id: 'call-1',
      kind: 'call',
      title: 'attack(uint256 monsterId) on Dungeon (0x1234…56ab)',
      call: {
        target: dungeon,
        targetName: 'Dungeon',
        functionName: 'attack',
        signature: 'attack(uint256)',
        selector: '0x9ae8886a',
        args: [{ name: 'monsterId', type: 'uint256' }],
      },
    },
    {
      id: 'spend-0',
      kind: 'native-spend',
      title: 'Spend up to 0.05 ETH per day',
      detail: 'For potions in the shop',
      optional: true,
      spend: { token: eth, amount: 50_000_000_000_000_000n, formatted: '0.05', period: 'day' },
    },
    {
      id: 'call-2',
      kind: 'call',
      title: 'transfer(address to, uint256 amount) on USDC (0xA0b8…eB48)',
      detail: 'No argument rule',
      optional: true,
      call: {
        target: usdc.address as `0x${string}`,
        targetName: 'USDC',
        functionName: 'transfer',
        signature: 'transfer(address,uint256)',
        selector: '0xa9059cbb',
        args: [
          { name: 'to', type: 'address' },
          { name: 'amount', type: 'uint256' },
        ],
      },
    },
    { id: 'actions', kind: 'actions', title: 'Up to 200 actions', actions: { count: 200 } },
    {
      id: 'validity',
      kind: 'validity',
      title: 'Valid for 24 hours',
      validity: { durationSeconds: 86_400 },
    },
  ],
  risks: [
    {
      code: 'dangerous-function',
      severity: 'danger',
      message: 'transfer on USDC is allowed with no argument rule.',
      lineId: 'call-2',
    },
    {
      code: 'large-spend',
      severity: 'warning',
      message: 'Up to 0.05 ETH a day can be spent without asking.',
      lineId: 'spend-0',
    },
  ],
  text: 'move(uint8 direction) on Dungeon\nattack(uint256 monsterId) on Dungeon\nSpend up to 0.05 ETH per day\ntransfer on USDC\nUp to 200 actions\nValid for 24 hours\nRisk: transfer on USDC is allowed with no argument rule.',
}

/** The same game asking for less: no risks, a 1 h maximum. */
export const safePolicy: PolicyDescription = {
  lines: [
    dungeonPolicy.lines[0]!,
    { id: 'actions', kind: 'actions', title: 'Up to 50 actions', actions: { count: 50 } },
    {
      id: 'validity',
      kind: 'validity',
      title: 'Valid for 1 hour',
      validity: { durationSeconds: 3600 },
    },
  ],
  risks: [],
  text: 'move(uint8 direction) on Dungeon\nUp to 50 actions\nValid for 1 hour',
}

/** The session in use only allows `move`; the game now wants to `attack`. */
export const outOfScope: ConsentExpand = {
  reason: {
    code: 'function-not-allowed',
    callIndex: 0,
    rule: 'calls[0].selector',
    attempted: '0x9ae8886a',
    message: 'Your session does not allow attack on Dungeon.',
  },
  current: safePolicy,
}

export const dungeonApp = { name: 'Dungeon Crawl', url: 'https://dungeon.example', icon: undefined }

/** One session per list status, relative to `NOW_MS`. */
export const sessionRows: SessionListItem[] = [
  {
    id: 'active',
    app: { name: 'Dungeon Crawl', url: 'https://dungeon.example' },
    state: 'active',
    summary: 'move, attack on Dungeon · 0.05 ETH per day',
    expiresAt: NOW_S + 3 * 3600 + 20 * 60,
    actionsUsed: 38,
    actionsLeft: 162,
    spend: [
      {
        token: eth,
        period: 'day',
        limit: 50_000_000_000_000_000n,
        used: 12_000_000_000_000_000n,
        left: 38_000_000_000_000_000n,
      },
    ],
  },
  {
    id: 'soon',
    app: { name: 'Kart Rally', url: 'https://kart.example' },
    state: 'active',
    summary: 'race on Track · 2 USDC per day',
    expiresAt: NOW_S + 4 * 60 + 10,
    actionsUsed: 12,
    actionsLeft: 8,
    spend: [{ token: usdc, period: 'day', limit: 2_000_000n, used: 1_500_000n, left: 500_000n }],
  },
  {
    id: 'expired',
    app: { name: 'Farm Days', url: 'https://farm.example' },
    state: 'expired',
    summary: 'plant, harvest on Farm',
    expiresAt: NOW_S - 2 * 3600,
    actionsUsed: 40,
    actionsLeft: 10,
  },
  {
    id: 'revoked',
    app: { name: 'Card Duel' },
    state: 'revoked',
    summary: 'playCard on Duel',
    expiresAt: NOW_S + 86_400,
    actionsUsed: 3,
    actionsLeft: 97,
  },
  {
    id: 'exhausted',
    app: { name: 'Pixel Paint', url: 'https://paint.example' },
    state: 'active',
    summary: 'paint on Canvas · up to 100 actions',
    expiresAt: NOW_S + 1800,
    actionsUsed: 100,
    actionsLeft: 0,
  },
]
