/** The queue of metrics snapshots, apart from publishing so a slow platform read never delays a post. */
export const METRICS_QUEUE = 'metrics';
