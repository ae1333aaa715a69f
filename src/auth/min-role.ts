export const MIN_ROLE = 'gaung:min-role';
