export { getDevnet } from '../devnet.js'
