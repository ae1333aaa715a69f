export const E2E_WORKERS: number;
export function e2ePort(slot?: number): number;
export function e2eBaseUrl(slot?: number): string;
export function e2eEnvironment(slot?: number): Record<string, string>;
export function e2eXPort(slot?: number): number;
export function e2eTelegramPort(slot?: number): number;
export const E2E_X_CLIENT: { clientId: string; clientSecret: string };
