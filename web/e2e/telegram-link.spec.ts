import { expect, test } from './fixtures';
import { TelegramContract } from './contracts';
import { apiAs, demoEmail, expectAccessible, runTelegramPort, signIn } from './support';

// The app under test reaches the Bot API stand-in on this port and polls it for updates (web/e2e/environment.mjs).
const BOT_TOKEN = '777000111:AAH-e2e-notification-bot-token-abcdefg';
let telegram: InstanceType<typeof TelegramContract>;
test.beforeAll(async () => {
  telegram = await new TelegramContract().start(runTelegramPort());
  telegram.validTokens.add(BOT_TOKEN);
});
test.afterAll(() => telegram.stop());

test('an admin connects the notification bot; a member links and unlinks their own Telegram chat', async ({
  page,
  request,
}, info) => {
  const phone = info.project.name === 'phone';
  // The bot, by an admin in the workspace settings (the token is never shown back).
  await signIn(page, demoEmail('admin'), '/app/kspi/settings');
  const botSection = page.getByRole('region', { name: 'Bot notifikasi Telegram' });
  await botSection.getByLabel('Token bot').fill(BOT_TOKEN);
  await botSection.getByRole('button', { name: 'Hubungkan bot' }).click();
  await expect(botSection.getByRole('status').filter({ hasText: 'Bot terhubung.' })).toBeVisible();
  await expect(botSection.getByTestId('telegram-bot')).toContainText('@gaung_bot');
  await expect(botSection.getByLabel(/Ganti dengan bot lain/)).toHaveValue('');
  await expectAccessible(page);

  // A member's own link: a one-time deep link to the bot, shown as a link with the bot's name.
  const member = demoEmail(phone ? 'editor' : 'coordinator');
  await signIn(page, member, '/app/kspi/settings');
  const section = page.getByRole('region', { name: 'Telegram', exact: true });
  await expect(section.getByTestId('telegram-not-linked')).toBeVisible();
  await expect(section.getByRole('link', { name: '@gaung_bot' })).toHaveAttribute('href', 'https://t.me/gaung_bot');
  await section.getByRole('button', { name: 'Buat tautan ke Telegram' }).click();
  const deepLink = section.getByTestId('telegram-deep-link');
  await expect(deepLink).toHaveAttribute('href', /^https:\/\/t\.me\/gaung_bot\?start=[A-Za-z0-9_-]{40,64}$/);
  await expect(
    section.getByText('Buka tautan ini di Telegram lalu tekan Start di obrolan dengan @gaung_bot:'),
  ).toBeVisible();
  await expectAccessible(page);
  await section.screenshot({ path: `test-results/telegram-link-${info.project.name}.png` });

  // The person presses Start in Telegram; the worker polls the bot and links the chat.
  const person = {
    id: phone ? 92_002 : 92_001,
    first_name: phone ? 'Eka' : 'Citra',
    username: phone ? 'eka_kspi' : 'citra_kspi',
    language_code: 'id',
  };
  telegram.addPerson(person);
  const token = new URL((await deepLink.getAttribute('href'))!).searchParams.get('start')!;
  telegram.personWrites(person, `/start ${token}`);
  await expect
    .poll(() => telegram.sent.some((m) => m.chatId === person.id && m.text?.startsWith('Terhubung')), {
      timeout: 10_000,
    })
    .toBe(true);
  await page.reload();
  await expect(section.getByTestId('telegram-linked')).toHaveText(`Terhubung ke Telegram sebagai @${person.username}.`);

  // Telegram kinds are chosen beside the e-mail ones.
  const telegramKinds = page
    .getByRole('region', { name: 'Notifikasi', exact: true })
    .getByRole('group', { name: 'Kirim juga ke obrolan Telegram saya yang terhubung' });
  await expect(telegramKinds.getByRole('checkbox', { name: 'Postingan diajukan untuk ditinjau' })).toBeChecked();

  await section.getByRole('button', { name: 'Putuskan Telegram' }).click();
  await expect(section.getByTestId('telegram-not-linked')).toBeVisible();
  const status = await (
    await request.get('/workspaces/kspi/telegram/link', { headers: await apiAs(request, member) })
  ).json();
  expect(status.linked).toBeNull();
});
