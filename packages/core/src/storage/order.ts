/** Sorts sessions newest first (then by id, for a stable order), in place. */
export function sortNewestFirst<T extends { createdAt: number; id: string }>(sessions: T[]): T[] {
  return sessions.sort(
    (a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}
