import { Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { Principal } from '../auth/auth-context';
import { CurrentPrincipal, SignedIn } from '../auth/decorators';
import { NotificationKind } from '../core/database';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodBody, zNotificationKind } from '../core/http';
import { type NotificationChoices, URGENT_KINDS } from './preferences';
import { PreferencesRepository } from './preferences.repository';
import { inputMessage } from '../core/i18n';

const CLOCK = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
// Messages "id|en": the one exception filter shows each language (core/errors/zod-issues.ts).
const zClock = z.string().refine(
  (value) => CLOCK.test(value),
  inputMessage({
    id: 'Tulis jam sebagai JJ:MM, dari 00:00 sampai 23:59.',
    en: 'Write the time as HH:mm, from 00:00 to 23:59.',
  }),
);

const zKindList = z
  .array(zNotificationKind)
  .max(Object.keys(NotificationKind).length)
  .refine(
    (kinds) => new Set(kinds).size === kinds.length,
    inputMessage({ id: 'Setiap jenis cukup disebut sekali.', en: 'Name each kind once.' }),
  );

const preferencesSchema = z
  .object({
    emailKinds: zKindList,
    telegramKinds: zKindList
      .optional()
      .meta({ description: 'Kinds sent to my linked Telegram chats; unchanged when left out' }),
    quietHours: z
      .object({ from: zClock, until: zClock })
      .strict()
      .refine(
        (q) => q.from !== q.until,
        inputMessage({
          id: 'Jam tenang harus mulai dan berakhir pada jam yang berbeda.',
          en: 'Quiet hours must start and end at different times.',
        }),
      )
      .nullable(),
    digestHour: z.int().min(0).max(23).nullable().optional().meta({
      description:
        "Daily digest: the hour (0-23, the user's zone) of one e-mail listing the non-urgent kinds chosen by e-mail; null: each at once; omitted: unchanged",
    }),
  })
  .strict();

export const notificationPreferencesView = z
  .object({
    kinds: z.array(
      z.object({
        kind: zNotificationKind,
        inApp: z.literal(true).meta({ description: 'The list in the app is always on' }),
        email: z.boolean(),
        telegram: z
          .boolean()
          .meta({ description: 'Sent to my linked Telegram chats (see /workspaces/{ws}/telegram/link)' }),
        ignoresQuietHours: z.boolean().meta({
          description:
            'Holds, failures and statements awaiting release are e-mailed even in quiet hours, and never wait for the digest',
        }),
      }),
    ),
    emailKinds: z.array(zNotificationKind),
    telegramKinds: z.array(zNotificationKind),
    quietHours: z.object({ from: zClock, until: zClock }).nullable().meta({
      description: "Wall-clock times in the user's zone (else the workspace's); from after until spans midnight",
    }),
    digestHour: z.int().nullable().meta({
      description:
        "The daily digest's hour in the user's zone (else the workspace's); null: no digest. Urgent kinds are never digested",
    }),
  })
  .meta({ id: 'NotificationPreferences' });

function present(choices: NotificationChoices): z.infer<typeof notificationPreferencesView> {
  return {
    kinds: Object.values(NotificationKind).map((kind) => ({
      kind,
      inApp: true as const,
      email: choices.emailKinds.includes(kind),
      telegram: choices.telegramKinds.includes(kind),
      ignoresQuietHours: URGENT_KINDS.includes(kind),
    })),
    emailKinds: [...choices.emailKinds],
    telegramKinds: [...choices.telegramKinds],
    quietHours: choices.quietHours,
    digestHour: choices.digestHour,
  };
}

/** Each person's own choices, the same in every workspace they belong to. */
@ApiTags('notifications')
@Controller('me/notification-preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesRepository) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'My notification choices: which kinds come by e-mail and by Telegram (in the app: all) and my quiet hours',
  })
  @ApiZodResponse(200, notificationPreferencesView)
  async get(@CurrentPrincipal() principal: Principal) {
    return present(await this.preferences.choices(principal.userId));
  }

  @Put()
  @SignedIn()
  @ApiOperation({
    summary:
      'Replace my notification choices: the kinds I want by e-mail and by Telegram, my quiet hours (null: none) and my daily digest hour (null: none)',
  })
  @ApiZodBody(preferencesSchema)
  @ApiErrors(400)
  @ApiZodResponse(200, notificationPreferencesView)
  async put(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(preferencesSchema) body: z.infer<typeof preferencesSchema>,
  ) {
    return present(await this.preferences.save(principal.userId, body));
  }
}
