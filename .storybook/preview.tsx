import type { Decorator, Preview } from '@storybook/react-vite'
import { Theme } from '../packages/ui/src/exports/index.js'
import '../packages/ui/src/styles.css'
import { type ThemeName, themes } from './themes.js'

const withTheme: Decorator = (Story, context) => {
  const name = (context.globals.theme as ThemeName | undefined) ?? 'light'
  const theme = themes[name] ?? themes.light
  const background = name === 'light' ? '#ffffff' : name === 'dark' ? '#0d0f13' : '#120a26'
  // Canvas chrome lives on the outer div; the Theme itself carries only `--sk-*` variables.
  return (
    <div style={{ background, minHeight: '100vh', padding: 16 }}>
      <Theme appearance={theme.appearance} data-story-theme={name} style={theme.style}>
        <Story />
      </Theme>
    </div>
  )
}

const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Sessionkit theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'game', title: 'Game (variables only)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'fullscreen',
    a11y: { test: 'error' },
    controls: { expanded: true },
    viewport: {
      options: {
        narrow320: { name: '320 px (smallest phone)', styles: { width: '320px', height: '640px' } },
      },
    },
  },
  tags: ['autodocs'],
}

export default preview
