export { getDevnet } from '../devnet.js'
export * from '../wallet/index.js'
