import { Inject, Injectable, Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config';
import { writeToOutbox } from './outbox';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to the text (notification e-mails). */
  html?: string;
}

/**
 * Outgoing mail through SMTP when SMTP_URL is set. Without SMTP the message is written to the
 * operator's outbox (MAIL_OUTBOX_DIR, see outbox.ts) and send() returns false, so a caller that may
 * show an invitation link to the admin who asked for it still does. Never throws: a message that
 * cannot go out is logged (without its text, which may hold a one-time link).
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
  }

  /** True when the message was handed to the SMTP server. */
  async send(message: MailMessage): Promise<boolean> {
    try {
      return await this.deliver(message);
    } catch (error) {
      this.logger.warn({
        msg: this.transport ? 'mail not sent' : 'mail not written to the outbox',
        to: message.to,
        reason: (error as Error).message,
      });
      return false;
    }
  }

  /**
   * As send(), but a message that cannot go out (SMTP refused, outbox not writable) throws: for a
   * queued job, which BullMQ then retries with backoff.
   */
  async deliver(message: MailMessage): Promise<boolean> {
    if (!this.transport) {
      const file = await writeToOutbox(this.config.MAIL_OUTBOX_DIR, { from: this.config.MAIL_FROM, ...message });
      this.logger.log({ msg: 'mail written to the outbox (no SMTP_URL)', to: message.to, file });
      return false;
    }
    await this.transport.sendMail({ from: this.config.MAIL_FROM, ...message });
    return true;
  }
}
