export { WordpressPublisher } from './wordpress.publisher';
export { plainTextToHtml } from './wordpress-content';
