import type { Platform } from '../core/database';
import {
  credentialFieldViews,
  type ConnectMethod,
  type CredentialFieldView,
  type CredentialForm,
  type OAuthSteps,
} from './connect-method';
import { PUBLISHER_CLASSES } from './publisher-classes';

/** Every registered platform's connect method, in registration order. */
export const CONNECT_METHODS: readonly ConnectMethod[] = PUBLISHER_CLASSES.map(
  (publisherClass) => publisherClass.connect,
);

/** The platforms connected by a credential form, each with its form. */
export const FORM_CONNECT_METHODS = CONNECT_METHODS.flatMap((method) =>
  method.form ? [{ platform: method.platform, form: method.form }] : [],
);

export interface OAuthPlatformSteps {
  platform: Platform;
  steps: OAuthSteps;
}

const OAUTH_BY_SEGMENT = new Map(
  CONNECT_METHODS.flatMap((method) =>
    method.oauth ? [[method.oauth.segment, { platform: method.platform, steps: method.oauth }] as const] : [],
  ),
);

/** The OAuth flow of /accounts/oauth/<segment>/..., or null for a segment no platform has. */
export function oauthStepsFor(segment: string): OAuthPlatformSteps | null {
  return OAUTH_BY_SEGMENT.get(segment) ?? null;
}

/** The platform's name as people write it. */
export function platformName(platform: Platform): string {
  return CONNECT_METHODS.find((method) => method.platform === platform)?.name ?? platform;
}

export function credentialFormFor(platform: Platform): CredentialForm | null {
  return CONNECT_METHODS.find((method) => method.platform === platform)?.form ?? null;
}

/** How each platform is connected, as the web's connect buttons and forms read it. */
export interface ConnectMethodView {
  platform: Platform;
  /** The fields of the credential form, in order; null when the platform has none. */
  form: CredentialFieldView[] | null;
  /** The OAuth segment of /accounts/oauth/<segment>/start, whether reconnecting goes through it, and whether it names an instance. */
  oauth: { segment: string; reconnects: boolean; asksForInstance: boolean } | null;
}

export function connectMethodViews(): ConnectMethodView[] {
  return CONNECT_METHODS.map((method) => ({
    platform: method.platform,
    form: method.form ? credentialFieldViews(method.form) : null,
    oauth: method.oauth
      ? {
          segment: method.oauth.segment,
          reconnects: method.oauth.reconnects,
          asksForInstance: method.oauth.asksForInstance,
        }
      : null,
  }));
}
