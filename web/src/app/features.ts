import { accountsFeature } from '../features/accounts';
import { analyticsFeature } from '../features/analytics';
import { auditFeature } from '../features/audit';
import { calendarFeature } from '../features/calendar';
import { partnersFeature } from '../features/partners';
import { peopleFeature } from '../features/people';
import { settingsFeature } from '../features/settings';
import { composerFeature } from '../features/composer';
import { campaignsFeature } from '../features/campaigns';
import { postsFeature } from '../features/posts';
import { reviewFeature } from '../features/review';
import { statementsFeature } from '../features/statements';
import { notificationsFeature } from '../features/notifications';
import { helpFeature } from '../features/help';
import { mediaFeature } from '../features/media';
import type { Feature } from './feature';

/** The signed-in features, in navigation order. Adding one: its folder plus one line here. */
export const features: Feature[] = [
  calendarFeature,
  composerFeature,
  reviewFeature,
  statementsFeature,
  campaignsFeature,
  analyticsFeature,
  postsFeature,
  mediaFeature,
  accountsFeature,
  peopleFeature,
  partnersFeature,
  settingsFeature,
  auditFeature,
  notificationsFeature,
  helpFeature,
];
