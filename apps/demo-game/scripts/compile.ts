import { writeFileSync } from 'node:fs'
import { artifactPath, compileDungeon, renderArtifact } from './compileDungeon.js'

writeFileSync(artifactPath, renderArtifact(compileDungeon()))
console.log(`wrote ${artifactPath}`)
