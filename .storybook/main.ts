import type { StorybookConfig } from '@storybook/react-vite'
import react from '@vitejs/plugin-react'

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../packages/ui/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const hasReact = (viteConfig.plugins ?? [])
      .flat()
      .some((p) => p && typeof p === 'object' && 'name' in p && p.name === 'vite:react-babel')
    return {
      ...viteConfig,
      plugins: [...(viteConfig.plugins ?? []), ...(hasReact ? [] : [react()])],
    }
  },
}

export default config
