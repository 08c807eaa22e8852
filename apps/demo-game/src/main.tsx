import '@sessionkit/ui/styles.css'
import './app.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.js'
import { loadDemoConfig } from './config/demoConfig.js'

const root = createRoot(document.getElementById('root')!)
loadDemoConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    ),
  (error: Error & { shortMessage?: string }) =>
    root.render(
      <p className="error" role="alert">
        {error.shortMessage ?? error.message}
      </p>,
    ),
)
