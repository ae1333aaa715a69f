export function e2ePort(): number;
export function e2eBaseUrl(): string;
export function e2eEnvironment(): Record<string, string>;
