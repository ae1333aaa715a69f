import { Injectable } from '@nestjs/common';
import { SecretBox, type SealedSecret, type SecretBinding } from '../../core/crypto';

export interface BotRef {
  id: string;
  workspaceId: string;
}

/**
 * A notification bot's token, sealed like account credentials (architecture.md, Security): AES-GCM
 * under the newest key, bound to the bot's row and workspace. Never returned by the API, never logged.
 */
@Injectable()
export class BotTokens {
  constructor(private readonly secrets: SecretBox) {}

  static binding(bot: BotRef): SecretBinding {
    return { workspaceId: bot.workspaceId, subject: `telegram-bot:${bot.id}` };
  }

  seal(bot: BotRef, token: string): SealedSecret {
    return this.secrets.seal(token, BotTokens.binding(bot));
  }

  open(bot: BotRef & { tokenKeyId: string; tokenCiphertext: Uint8Array }): string {
    return this.secrets.open(
      { keyId: bot.tokenKeyId, ciphertext: new Uint8Array(bot.tokenCiphertext) },
      BotTokens.binding(bot),
    );
  }
}
