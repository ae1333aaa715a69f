export { BlueskyPublisher } from './bluesky.publisher';
export { rkeyFromIdempotencyKey } from './bluesky-rkey';
