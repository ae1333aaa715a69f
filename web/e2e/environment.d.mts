export function e2ePort(): number;
export function e2eBaseUrl(): string;
export function e2eEnvironment(): Record<string, string>;
export function e2eXPort(): number;
export function e2eTelegramPort(): number;
export const E2E_X_CLIENT: { clientId: string; clientSecret: string };
