import { Injectable } from '@nestjs/common';
import type { WorkspaceAccess } from '../auth/auth-context';
import { DEFAULT_LOCALE, interpolate, isLocale, type Locale, type LocalizedText } from '../core/i18n';
import type { TelegramUser } from '../notifications/telegram/bot-api';
import { TelegramRepository } from '../notifications/telegram/telegram.repository';

/** The member a chat acts as: their access with their current role, as a request of theirs in the app would have. */
export interface ChatActor {
  access: WorkspaceAccess;
  locale: Locale;
  name: string;
}

export interface ChatBot {
  id: string;
  workspaceId: string;
}

/** Text for someone in a chat: a linked member's language, else what their Telegram app says. */
export function say(text: LocalizedText, locale: Locale, params: Record<string, string | number> = {}): string {
  return interpolate(text[locale], params);
}

export function localeOfTelegramUser(user: TelegramUser | undefined): Locale {
  return user?.language_code?.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LOCALE;
}

/**
 * Who a Telegram user is in Gaung: the member whose private chat with this workspace's bot is
 * theirs (a private chat's id is the user's id), and only while they are still a member. Their
 * role is read now, never remembered from when they linked.
 */
@Injectable()
export class ChatActors {
  constructor(private readonly repository: TelegramRepository) {}

  async of(bot: ChatBot, telegramUserId: number): Promise<ChatActor | null> {
    const link = await this.repository.linkByChat(bot.id, telegramUserId);
    if (!link || link.workspaceId !== bot.workspaceId) return null;
    const membership = await this.repository.membership(bot.workspaceId, link.userId);
    if (!membership) return null;
    const person = await this.repository.person(link.userId);
    return {
      access: {
        workspaceId: bot.workspaceId,
        workspaceSlug: membership.workspace.slug,
        timeZone: membership.workspace.timeZone,
        userId: link.userId,
        role: membership.role,
        actorKind: 'user',
      },
      locale: isLocale(person.locale) ? person.locale : DEFAULT_LOCALE,
      name: person.name,
    };
  }
}
