import type { CSSProperties } from 'react'

/** Storybook theme choices: `light` and `dark` ship with @sessionkit/ui; `game` is variables only. */
export const themes = {
  light: { appearance: 'light', style: {} },
  dark: { appearance: 'dark', style: {} },
  game: {
    appearance: 'dark',
    // A restyle with nothing but token overrides: no selectors, no component CSS.
    style: {
      '--sk-font': '"Trebuchet MS", "Segoe UI", system-ui, sans-serif',
      '--sk-radius': '2px',
      '--sk-radius-sm': '2px',
      '--sk-bg': '#1b1035',
      '--sk-surface': '#2a1a4f',
      '--sk-fg': '#fff8e1',
      '--sk-fg-muted': '#d7c9ff',
      '--sk-border': '#6d4fc2',
      '--sk-accent': '#ffd23f',
      '--sk-accent-fg': '#1b1035',
      '--sk-accent-soft': '#3b2a12',
      '--sk-danger': '#ff8a80',
      '--sk-danger-fg': '#1b1035',
      '--sk-danger-soft': '#47182a',
      '--sk-warning': '#ffd23f',
      '--sk-warning-soft': '#3b2a12',
      '--sk-success': '#7cf29c',
      '--sk-success-soft': '#173a2a',
      '--sk-meter-track': '#402b73',
      '--sk-overlay': 'rgb(10 4 28 / 0.75)',
      '--sk-shadow': '0 0 0 3px #ffd23f, 0 12px 0 #0a041c',
    } as CSSProperties,
  },
} as const

export type ThemeName = keyof typeof themes
