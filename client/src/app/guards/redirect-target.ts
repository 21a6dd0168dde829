/** The in-app path a guard sent the user away from, if any (never another origin). */
export function redirectTarget(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('from' in state)) return null;
  const { from } = state;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : null;
}

/** Router state that passes the remembered path on (between the login and registration pages). */
export function forwardRedirect(state: unknown): { from: string } | null {
  const from = redirectTarget(state);
  return from ? { from } : null;
}
