'use client'
import { type ComponentProps, createContext, useContext, useState } from 'react'
import { cx } from '../internal/cx.js'

export type ThemeAppearance = 'light' | 'dark' | (string & {})

type ThemeContextValue = { appearance: ThemeAppearance; container: HTMLElement | null }

const ThemeContext = createContext<ThemeContextValue | null>(null)

export type ThemeProps = Omit<ComponentProps<'div'>, 'ref'> & {
  /** Value of `data-sk-theme`; `light` and `dark` ship with tokens, other names are yours to style. */
  appearance?: ThemeAppearance | undefined
}

/** Scopes Sessionkit tokens (`--sk-*`) to a subtree; dialogs portal into it so they inherit overrides. */
export function Theme({ appearance = 'light', className, ...props }: ThemeProps) {
  const [container, setContainer] = useState<HTMLElement | null>(null)
  return (
    <ThemeContext.Provider value={{ appearance, container }}>
      <div
        data-sk-theme={appearance}
        data-slot="theme"
        {...props}
        className={cx('sk-theme', className)}
        ref={setContainer}
      />
    </ThemeContext.Provider>
  )
}

/**
 * Where portalled parts mount and which theme attribute they carry. Inside a `Theme` they portal
 * into it and inherit its tokens (`ready` is false until it has mounted); outside they carry
 * `data-sk-theme` themselves.
 */
export function usePortalTheme(fallback: ThemeAppearance = 'light'): {
  ready: boolean
  container: HTMLElement | undefined
  themeAttribute: ThemeAppearance | undefined
} {
  const context = useContext(ThemeContext)
  if (!context) return { ready: true, container: undefined, themeAttribute: fallback }
  return {
    ready: context.container !== null,
    container: context.container ?? undefined,
    themeAttribute: undefined,
  }
}
