import { readdirSync, readFileSync } from 'node:fs'

/** PIDs whose parent is `parent` (read from /proc, so no helper process shows up). */
export function childPidsOf(parent: number): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]
      if (ppid === String(parent)) pids.push(Number(entry))
    } catch {}
  }
  return pids
}

/** True while a process with this PID exists (zombies included until reaped). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
