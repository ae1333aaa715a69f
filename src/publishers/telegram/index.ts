export { TelegramPublisher } from './telegram.publisher';
