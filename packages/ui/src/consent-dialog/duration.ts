import type { PolicyDescription } from '@sessionkit/core'

/** A choice in the duration picker. */
export type DurationOption = { label: string; seconds: number }

/** 15 min, 1 h and 24 h; options above the app's maximum are shown disabled. */
export const defaultDurationOptions: readonly DurationOption[] = [
  { label: '15 min', seconds: 15 * 60 },
  { label: '1 hour', seconds: 3600 },
  { label: '24 hours', seconds: 86_400 },
]

/** The shortest session the picker allows. */
export const minDurationSeconds = 60

/** Bounds `seconds` to `[minDurationSeconds, max]`. */
export function clampDuration(seconds: number, maxSeconds: number | undefined): number {
  const upper = maxSeconds ?? Number.POSITIVE_INFINITY
  return Math.max(minDurationSeconds, Math.min(Math.floor(seconds), upper))
}

/** The app's maximum duration as stated by the policy's validity line, if any. */
export function policyMaxDuration(description: PolicyDescription): number | undefined {
  for (const line of description.lines)
    if (line.kind === 'validity' && line.validity?.durationSeconds)
      return line.validity.durationSeconds
  return undefined
}

/** Default pick: one hour, or the maximum when that is shorter. */
export function defaultDuration(maxSeconds: number | undefined): number {
  return clampDuration(3600, maxSeconds)
}
