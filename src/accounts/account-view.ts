import { z } from 'zod';
import { localTimeView } from '../calendar/calendar-views';
import { postingSlotSchema, type PostingSlot } from '../calendar/posting-slots';
import type { ConnectedAccount } from '../core/database';
import { zAccountStatus, zInstant, zPlatform, zTimestamp, zUuid } from '../core/http';

/** Settings keys that hold secrets (a private feed's token): never shown. */
const SECRET_SETTING = /token|secret|password|key/i;

/** A connected account as the API shows it: never credentials, ciphertext or secret settings. */
export const accountView = z
  .object({
    id: z.string(),
    platform: zPlatform,
    displayName: z.string(),
    handle: z.string().nullable(),
    externalId: z.string().nullable(),
    baseUrl: z
      .string()
      .nullable()
      .meta({ description: 'Instance, PDS, site or Bot API server for federated or self-hosted platforms' }),
    status: zAccountStatus,
    statusReason: z.string().nullable(),
    tokenExpiresAt: zTimestamp.nullable(),
    lastCheckedAt: zTimestamp.nullable(),
    settings: z.record(z.string(), z.unknown()).meta({ description: 'Platform settings without secrets' }),
    postingSlots: z.array(postingSlotSchema),
    hasCredentials: z.boolean(),
    createdAt: zTimestamp,
    updatedAt: zTimestamp,
    disconnectedAt: zTimestamp.nullable(),
  })
  .meta({ id: 'Account' });

export type AccountView = z.output<typeof accountView>;

export const accountListView = z.object({ accounts: z.array(accountView) }).meta({ id: 'AccountList' });

export const accountConnectedView = z
  .intersection(
    accountView,
    z.object({
      secret: z.string().optional().meta({ description: 'A generated webhook signing secret, shown only this once' }),
    }),
  )
  .meta({ id: 'AccountConnected' });

export const accountDisconnectedView = z
  .intersection(
    accountView,
    z.object({ cancelledDeliveries: z.int().meta({ description: 'Deliveries not yet made that were cancelled' }) }),
  )
  .meta({ id: 'AccountDisconnected' });

export const nextSlotView = z
  .object({
    after: zInstant,
    timeZone: z.string().meta({ description: 'The workspace zone, in which the weekly slots are defined' }),
    zone: z.string().meta({ description: 'The zone the slots are shown in (?zone=, default the workspace zone)' }),
    slotsDefined: z.int(),
    slot: zInstant.nullable().meta({ description: 'The next free slot, or null when none is free within the horizon' }),
    localTime: z
      .string()
      .nullable()
      .meta({ description: 'The same slot in the workspace zone, ISO 8601 with its offset' }),
    slots: z
      .array(z.object({ at: zInstant, local: localTimeView }))
      .meta({ description: 'The next free slots (?count=), first one first' }),
  })
  .meta({ id: 'NextSlot' });

export const oauthStartView = z
  .object({
    authorizeUrl: z.string().meta({ description: "Send the admin's browser here" }),
    redirectUri: z.string(),
    expiresInSeconds: z.int(),
  })
  .meta({ id: 'OAuthStart' });

export const oauthConnectedView = z
  .object({
    workspace: z.string().meta({ description: 'Workspace slug' }),
    accounts: z.array(z.intersection(accountView, z.object({ reconnected: z.boolean() }))),
  })
  .meta({ id: 'OAuthConnected' });

export function presentAccount(account: ConnectedAccount): AccountView {
  const settings = Object.fromEntries(
    Object.entries((account.settings ?? {}) as Record<string, unknown>).filter(([name]) => !SECRET_SETTING.test(name)),
  );
  return {
    id: account.id,
    platform: account.platform,
    displayName: account.displayName,
    handle: account.handle,
    externalId: account.externalId,
    baseUrl: account.baseUrl,
    status: account.status,
    statusReason: account.statusReason,
    tokenExpiresAt: account.tokenExpiresAt,
    lastCheckedAt: account.lastCheckedAt,
    settings,
    // Validated by postingSlotsSchema on every write.
    postingSlots: account.postingSlots as PostingSlot[],
    hasCredentials: account.credentialsCiphertext !== null,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
    disconnectedAt: account.disconnectedAt,
  };
}

export const rateBudgetListView = z
  .object({
    budgets: z.array(
      z.object({
        accountId: zUuid,
        posts: z.int().meta({ description: 'Posts the platform allows in its rolling window' }),
        windowMs: z.int(),
        left: z
          .int()
          .meta({ description: 'Posts left now, counted by the same SQL function the publishing claim decides with' }),
        nextSlotAt: zTimestamp.nullable().meta({
          description: 'When the oldest counted post leaves the window (a slot frees); null when nothing is counted',
        }),
      }),
    ),
  })
  .meta({
    id: 'RateBudgetList',
    description: 'The rate budget left on each connected account whose platform has one (Instagram, Threads)',
  });

const credentialFieldView = z.object({
  name: z.string().meta({ description: "The form's field name; the web's help text is keyed by it" }),
  checkbox: z.boolean().meta({ description: 'A yes/no question: the form sends true or false' }),
  secret: z.boolean().meta({ description: 'Typed into a password input' }),
  optional: z.boolean(),
  advanced: z.boolean().meta({ description: 'Folded under "more settings" (self-hosted servers)' }),
});

/** How each platform's accounts are connected: a credential form, OAuth, or both. */
export const connectMethodListView = z
  .object({
    platforms: z.array(
      z.object({
        platform: zPlatform,
        form: z.array(credentialFieldView).nullable().meta({
          description: 'The credential form (POST /workspaces/{workspace}/accounts), fields in order; null without one',
        }),
        oauth: z
          .object({
            segment: z.string(),
            reconnects: z.boolean().meta({ description: 'Accounts reconnect through OAuth rather than the form' }),
            asksForInstance: z.boolean(),
          })
          .nullable()
          .meta({
            description:
              'The OAuth flow (POST /workspaces/{workspace}/accounts/oauth/{segment}/start); null without one',
          }),
      }),
    ),
  })
  .meta({ id: 'ConnectMethods' });
