import { z } from 'zod';
import type { AppConfig } from '../core/config';
import type { Platform } from '../core/database';
import { inputMessage } from '../core/i18n';
import type { PlatformHttp } from './http/platform-http';

/**
 * How an admin connects an account of one platform: a credential form, OAuth, or both (Mastodon).
 * Each platform's folder says it (a static `connect` on its publisher class); src/accounts reads it
 * from the registered classes and never names a platform.
 */
export interface ConnectMethod {
  readonly platform: Platform;
  /** The platform's name as people write it (messages about a post's targets). */
  readonly name: string;
  form?: CredentialForm;
  oauth?: OAuthSteps;
}

/** An http(s) address, without trailing slashes. */
export const zHttpUrl = z
  .string()
  .trim()
  .max(500)
  .refine(
    (value) => {
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    inputMessage({ id: 'Alamat http(s)://…', en: 'An http(s):// address' }),
  )
  .transform((value) => value.replace(/\/+$/, ''));

/** A token or password pasted into a form. */
export const zSecret = (max = 500) => z.string().trim().min(1).max(max);

type FieldSchema =
  z.ZodType<string | undefined, string | undefined> | z.ZodType<boolean | undefined, boolean | undefined>;

/** One field of a credential form: its validation, and how the web shows it. */
export interface CredentialFieldSpec {
  /** A string, or for a yes/no question a boolean (drawn as a checkbox). */
  schema: FieldSchema;
  /** Typed into a password input, never shown again. */
  secret?: boolean;
  /** Folded under "more settings" (self-hosted servers). */
  advanced?: boolean;
}

/** Where a connected account lives and what is secret, from the form's values. */
export interface FormAccount {
  baseUrl: string | null;
  externalId: string | null;
  handle: string | null;
  credentials: Record<string, unknown>;
  /** A secret Gaung generated (a webhook's signing secret), shown once to the admin. */
  revealedSecret: string | null;
  /** What the admin told about the server, kept in the account's settings (not secret). */
  settings?: Record<string, unknown>;
}

/** The field as the web's connect form draws it (GET /platforms); help texts are the web's, by field name. */
export interface CredentialFieldView {
  name: string;
  /** A yes/no question: the form sends true or false. */
  checkbox: boolean;
  secret: boolean;
  optional: boolean;
  advanced: boolean;
}

export interface CredentialForm {
  /** The fields, in the order the form shows them. */
  readonly fields: Readonly<Record<string, CredentialFieldSpec>>;
  toAccount(values: Record<string, unknown>): FormAccount;
}

type FormValues<F extends Record<string, CredentialFieldSpec>> = { [K in keyof F]: z.output<F[K]['schema']> };

/** A credential form whose `toAccount` sees its own fields' types. */
export function credentialForm<F extends Record<string, CredentialFieldSpec>>(
  fields: F,
  toAccount: (values: FormValues<F>) => FormAccount,
): CredentialForm {
  return { fields, toAccount: (values) => toAccount(values as FormValues<F>) };
}

export function credentialFieldViews(form: CredentialForm): CredentialFieldView[] {
  return Object.entries(form.fields).map(([name, spec]) => ({
    name,
    checkbox: spec.schema.safeParse(false).success,
    secret: spec.secret ?? false,
    optional: spec.schema.safeParse(undefined).success,
    advanced: spec.advanced ?? false,
  }));
}

/**
 * A client app registered on each instance on first use (Mastodon's POST /api/v1/apps), cached by
 * src/accounts: the OAuth steps of a federated platform ask it for the instance's app.
 */
export interface ClientApp {
  clientId: string;
  clientSecret: string;
}
export interface ClientAppRegistry {
  appFor(instanceUrl: string, redirectUri: string, signal: AbortSignal): Promise<ClientApp>;
  cached(instanceUrl: string): Promise<ClientApp | null>;
  forget(instanceUrl: string): Promise<void>;
}

/** What the OAuth steps are given by src/accounts. */
export interface OAuthContext {
  config: AppConfig;
  http: PlatformHttp;
  redirectUri: string;
  signal: AbortSignal;
  clientApps: ClientAppRegistry;
  /** The app's id when the operator configured id and secret; otherwise refuses ("platform not configured"). */
  requireApp(id: string | undefined, secret: string | undefined): string;
  /** Refuses a start without the instance a federated platform needs. */
  requireInstance(instanceUrl: string | undefined): string;
}

/** What a flow keeps with its state between start and callback. */
export interface OAuthKept {
  verifier?: string;
  instanceUrl?: string;
}

export interface OAuthStart {
  keep: OAuthKept;
  authorizeUrl(state: string): string;
}

/** One account the admin granted, before Gaung asks the platform "who am I" with its credentials. */
export interface OAuthGrantedAccount {
  externalId: string | null;
  baseUrl: string | null;
  credentials: Record<string, unknown>;
  tokenExpiresAt: Date | null;
}

/** An OAuth 2.0 authorization-code flow: its URL segment, authorize URL, and code exchange. */
export interface OAuthSteps {
  /** The segment of /accounts/oauth/<segment>/start and /oauth/callback/<segment>. */
  readonly segment: string;
  /** Whether the admin reconnects accounts through OAuth (rather than the platform's form). */
  readonly reconnects: boolean;
  /** A federated platform: the start names the instance (its body is { instanceUrl }). */
  readonly asksForInstance: boolean;
  start(context: OAuthContext, instanceUrl: string | undefined): Promise<OAuthStart>;
  /** Code -> tokens -> the accounts granted (one per Facebook page or Instagram account; one otherwise). */
  exchange(context: OAuthContext, kept: OAuthKept, code: string): Promise<OAuthGrantedAccount[]>;
}
