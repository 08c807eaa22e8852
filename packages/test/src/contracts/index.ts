export * from './artifacts.js'
export { deployTestContracts, type TestContracts } from './deploy.js'
