export const MIN_ROLE = 'gaung:min-role';
/** Set by @WorkspaceRoute: personal API tokens may call the route. Absent: signed-in people only. */
export const API_TOKENS_ALLOWED = 'gaung:api-tokens-allowed';
