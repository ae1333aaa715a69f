export { APP_CONFIG, ConfigModule } from './config.module';
export type { AppConfig } from './config.schema';
export { ConfigError, loadConfig, loadConfigFromProcess } from './load-config';
