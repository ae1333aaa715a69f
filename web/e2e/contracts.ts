import { createRequire } from 'node:module';
import type * as ContractServerModule from '../../test/contracts/contract-server';
import type * as TelegramModule from '../../test/contracts/telegram/telegram-contract';
import type * as XModule from '../../test/contracts/x/x-contract';

/**
 * The API's platform stand-ins (test/contracts, 127.0.0.1 only) for the browser tests. They are
 * CommonJS TypeScript of the API's package: loaded through require, which Playwright compiles.
 */
const load = createRequire(import.meta.url);

export const { TelegramContract } = load('../../test/contracts/telegram/telegram-contract.ts') as typeof TelegramModule;

export const { ContractServer, sendJson } = load(
  '../../test/contracts/contract-server.ts',
) as typeof ContractServerModule;
export const { XContract } = load('../../test/contracts/x/x-contract.ts') as typeof XModule;
