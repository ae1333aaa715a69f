export { MailModule } from './mail.module';
export { Mailer, type MailMessage } from './mailer';
