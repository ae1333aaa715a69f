import { randomBytes } from 'node:crypto';

/**
 * A platform's OAuth consent dialog as the admin's browser meets it: it reads the authorize URL
 * (client id, redirect URI, the scopes asked), the admin grants exactly those scopes, and the
 * dialog answers a code. The token the code is exchanged for carries those scopes, and every
 * permission check of the platform's contract asks `has(token, scope)`.
 */
export class ConsentDialog {
  private readonly codeScopes = new Map<string, string[]>();
  private readonly tokenScopes = new Map<string, string[]>();

  /** `separator`: how the platform's authorize URL joins its scopes (Meta: a comma; LinkedIn: a space). */
  constructor(private readonly separator: ',' | ' ') {}

  /** The admin approves everything the URL asks for; the URL must name this app and its redirect URI. */
  approve(authorizeUrl: string, app: { clientId: string; redirectUri: string }): { code: string; scopes: string[] } {
    const query = new URL(authorizeUrl).searchParams;
    if (query.get('client_id') !== app.clientId)
      throw new Error(`consent dialog: unknown client_id ${query.get('client_id')}`);
    if (query.get('redirect_uri') !== app.redirectUri)
      throw new Error(`consent dialog: redirect_uri ${query.get('redirect_uri')} is not the app's ${app.redirectUri}`);
    if (query.get('response_type') !== 'code' || !query.get('state'))
      throw new Error('consent dialog: response_type=code and a state are required');
    const scopes = (query.get('scope') ?? '').split(this.separator).filter(Boolean);
    const code = `code-${randomBytes(6).toString('hex')}`;
    this.codeScopes.set(code, scopes);
    return { code, scopes };
  }

  /** The scopes granted with a code (none for a code the dialog did not give, as in older fixtures). */
  scopesOfCode(code: string): string[] {
    return this.codeScopes.get(code) ?? [];
  }

  /** A token carries these scopes from now on (a new grant replaces the old one, as on every platform). */
  grant(token: string, scopes: string[]): void {
    this.tokenScopes.set(token, scopes);
  }

  scopesOf(token: string): string[] {
    return this.tokenScopes.get(token) ?? [];
  }

  has(token: string, scope: string): boolean {
    return this.scopesOf(token).includes(scope);
  }
}
