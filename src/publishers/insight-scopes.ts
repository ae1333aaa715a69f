/**
 * Whether a sign-in asks for the platform's insights permissions too (ANALYTICS_INSIGHT_SCOPES).
 * Each needs the platform's app review, so they are asked only when the operator says the app has
 * them; without them a metrics read records "not available" (docs/analytics.md).
 */
export interface InsightOption {
  insights?: boolean;
}

export function withInsights(
  scopes: readonly string[],
  insightScopes: readonly string[],
  options: InsightOption,
): string[] {
  return options.insights ? [...scopes, ...insightScopes.filter((scope) => !scopes.includes(scope))] : [...scopes];
}
