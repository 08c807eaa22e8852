/** Joins class names, skipping empty ones; the caller's `className` goes last so it wins. */
export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ')
}
