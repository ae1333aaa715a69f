/** The one-time token of a reset or invitation link (`?token=...`). */
export const tokenSearch = (search: Record<string, unknown>): { token: string } => ({
  token: typeof search.token === 'string' ? search.token.slice(0, 200) : '',
});
