export * from './locale';
export { inputMessage, readInputMessage } from './input-message';
