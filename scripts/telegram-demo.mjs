#!/usr/bin/env node
// The Telegram Bot API stand-in (test/contracts/telegram) for trying the notification bot without
// Telegram: it plays Telegram and you play the person in the chat. See README, "Telegram demo".
//   node scripts/telegram-demo.mjs [port]     (default 8081; the app: TELEGRAM_API_URL=http://127.0.0.1:8081
//                                              and TELEGRAM_UPDATES=polling in .env)
// Type at the prompt:
//   start <deep link or token>   press Start on a deep link from Settings > Telegram
//   press <1|2>                  press a button of the last message that has buttons
//   reply <text>                 answer the last "reply with your comment" prompt
//   say <text>                   write anything, e.g. "say /tahan Krisis di lapangan"
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const { transformSync } = require('@swc/core');

// The stand-in is TypeScript of the test suite: compiled to CommonJS beside each other in a temp folder.
const out = join(tmpdir(), 'gaung-telegram-demo');
for (const file of ['contract-server.ts', 'multipart.ts', 'telegram/telegram-contract.ts']) {
  const source = readFileSync(join(root, 'test/contracts', file), 'utf8');
  const { code } = transformSync(source, {
    filename: file,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  mkdirSync(dirname(join(out, file)), { recursive: true });
  writeFileSync(join(out, file.replace(/\.ts$/, '.js')), code);
}
const { TelegramContract } = createRequire(join(out, 'package.json'))('./telegram/telegram-contract.js');

const DEMO_BOT_TOKEN = '777000111:AAH-gaung-demo-bot-token-0123456789';
const port = Number(process.argv[2] ?? 8081);
const telegram = await new TelegramContract().start(port);
telegram.validTokens.add(DEMO_BOT_TOKEN);
const person = { id: 424242, first_name: 'Demo', username: 'demo_person', language_code: 'id' };
telegram.addPerson(person);

console.log(`Telegram Bot API stand-in on ${telegram.baseUrl} (bot @${telegram.bot.username})`);
console.log(`Bot token to paste in Settings > Telegram notification bot: ${DEMO_BOT_TOKEN}`);
console.log('Commands: start <link>, press <1|2>, reply <text>, say <text>');

let shown = 0;
setInterval(() => {
  for (const message of telegram.sent.slice(shown)) {
    console.log(
      `\n[bot -> ${message.chatId === person.id ? 'you' : message.chatId}] ${message.text ?? message.caption ?? ''}`,
    );
    message.replyMarkup?.inline_keyboard?.[0]?.forEach((button, i) => console.log(`   (${i + 1}) ${button.text}`));
    if (message.replyMarkup?.force_reply) console.log('   (reply <text> to answer)');
  }
  shown = telegram.sent.length;
  for (const message of telegram.sent) {
    const edits = message.edits.length;
    if (edits > (message.shownEdits ?? 0)) console.log(`\n[bot edited a message] ${message.edits[edits - 1]}`);
    message.shownEdits = edits;
  }
  for (const answer of telegram.answered.splice(0)) console.log(`\n[bot answers the button] ${answer.text}`);
}, 300).unref();

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [command, ...rest] = line.trim().split(' ');
  const text = rest.join(' ');
  const mine = telegram.sent.filter((m) => m.chatId === person.id);
  if (command === 'start') telegram.personWrites(person, `/start ${text.replace(/^.*start=/, '')}`);
  else if (command === 'say') telegram.personWrites(person, text);
  else if (command === 'reply') {
    const prompt = mine.reverse().find((m) => m.replyMarkup?.force_reply);
    if (prompt) telegram.personWrites(person, text, prompt.messageId);
    else console.log('no prompt to reply to');
  } else if (command === 'press') {
    const message = [...mine].reverse().find((m) => m.replyMarkup?.inline_keyboard);
    const button = message?.replyMarkup.inline_keyboard[0][Number(text) - 1];
    if (button) telegram.personPresses(person, message, button.callback_data);
    else console.log('no such button');
  } else if (command) console.log('Commands: start <link>, press <1|2>, reply <text>, say <text>');
});
process.on('SIGINT', () => telegram.stop().then(() => process.exit(0)));
