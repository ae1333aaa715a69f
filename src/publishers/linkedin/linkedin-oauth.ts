import type { PlatformHttp } from '../http/platform-http';
import { type InsightOption, withInsights } from '../insight-scopes';
import { PublishError } from '../publish-error';
import { firstText, unexpectedReason } from '../platform-reason';

/** LinkedIn OAuth 2.0 (3-legged). Refresh tokens exist only for apps LinkedIn enabled for them. */
export interface LinkedInApp {
  clientId: string;
  clientSecret: string;
  /** <PUBLIC_BASE_URL>/oauth/callback/linkedin */
  redirectUri: string;
}

/** Posting as a member and as an organisation, and reading who the member is. */
const LINKEDIN_SCOPES = ['openid', 'profile', 'w_member_social', 'w_organization_social', 'r_organization_admin'];
/** An organisation's posts' social actions (likes, comments); asked only when the operator opts in. */
export const LINKEDIN_INSIGHT_SCOPES = ['r_organization_social'];

export interface LinkedInTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date | null;
}

/**
 * The OAuth host is www.linkedin.com while the API is api.linkedin.com; a non-LinkedIn API URL
 * (a test or proxy stand-in) serves both.
 */
function linkedinOAuthBase(linkedinApiUrl: string): string {
  const url = new URL(linkedinApiUrl);
  return url.hostname === 'api.linkedin.com' ? 'https://www.linkedin.com' : url.origin;
}

export function buildLinkedInAuthorizeUrl(
  app: Pick<LinkedInApp, 'clientId' | 'redirectUri'>,
  state: string,
  linkedinApiUrl: string,
  options: InsightOption = {},
): string {
  const url = new URL(`${linkedinOAuthBase(linkedinApiUrl)}/oauth/v2/authorization`);
  const scope = withInsights(LINKEDIN_SCOPES, LINKEDIN_INSIGHT_SCOPES, options).join(' ');
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: app.redirectUri,
    state,
    scope,
  }).toString();
  return url.toString();
}

export function exchangeLinkedInCode(
  http: PlatformHttp,
  linkedinApiUrl: string,
  app: LinkedInApp,
  code: string,
  signal: AbortSignal,
): Promise<LinkedInTokens> {
  return tokenRequest(
    http,
    linkedinApiUrl,
    {
      grant_type: 'authorization_code',
      code,
      redirect_uri: app.redirectUri,
      client_id: app.clientId,
      client_secret: app.clientSecret,
    },
    signal,
  );
}

export function refreshLinkedInToken(
  http: PlatformHttp,
  linkedinApiUrl: string,
  app: Omit<LinkedInApp, 'redirectUri'>,
  refreshToken: string,
  signal: AbortSignal,
): Promise<LinkedInTokens> {
  return tokenRequest(
    http,
    linkedinApiUrl,
    {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: app.clientId,
      client_secret: app.clientSecret,
    },
    signal,
  );
}

interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  error?: string;
  error_description?: string;
}

async function tokenRequest(
  http: PlatformHttp,
  linkedinApiUrl: string,
  form: Record<string, string>,
  signal: AbortSignal,
): Promise<LinkedInTokens> {
  const response = await http.request<TokenAnswer>('linkedin', {
    method: 'POST',
    url: `${linkedinOAuthBase(linkedinApiUrl)}/oauth/v2/accessToken`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: new URLSearchParams(form).toString(),
    signal,
  });
  const answer = response.data ?? {};
  if (response.status === 200 && answer.access_token) {
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token ?? null,
      expiresAt: answer.expires_in ? new Date(Date.now() + answer.expires_in * 1000) : null,
    };
  }
  const reason = `LinkedIn refused the token request: ${firstText(answer.error_description, answer.error) ?? unexpectedReason('LinkedIn', response.status, response.data)}`;
  if (response.status >= 500)
    throw PublishError.notSent(`linkedin.token_${response.status}`, reason, { httpStatus: response.status });
  throw PublishError.auth(`linkedin.token_${answer.error ?? response.status}`, reason, { httpStatus: response.status });
}
