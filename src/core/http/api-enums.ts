import { z } from 'zod';
import {
  AccountStatus,
  CommentKind,
  DeliveryState,
  KeyDateKind,
  LatePolicy,
  NotificationKind,
  NotificationSubject,
  PartnershipStatus,
  Platform,
  PostStatus,
  Role,
} from '../database';

// The domain's enumerations, each one named component of the OpenAPI document, so a typed client
// gets one union type per enumeration. Requests and views use these, never a copy of the values.

export const zRole = z.enum(Role).meta({
  id: 'Role',
  description: 'Each role includes the ones before it: VIEWER < EDITOR < COORDINATOR < ADMIN < OWNER',
});
export const zPlatform = z.enum(Platform).meta({ id: 'Platform' });
export const zPostStatus = z.enum(PostStatus).meta({ id: 'PostStatus', description: 'Editorial status of a post' });
export const zDeliveryState = z
  .enum(DeliveryState)
  .meta({ id: 'DeliveryState', description: 'Delivery state of one post to one account' });
export const zAccountStatus = z.enum(AccountStatus).meta({ id: 'AccountStatus' });
export const zPartnershipStatus = z.enum(PartnershipStatus).meta({ id: 'PartnershipStatus' });
export const zLatePolicy = z
  .enum(LatePolicy)
  .meta({ id: 'LatePolicy', description: 'What happens to deliveries whose time passed during a hold' });
export const zKeyDateKind = z.enum(KeyDateKind).meta({ id: 'KeyDateKind' });
export const zCommentKind = z.enum(CommentKind).meta({ id: 'CommentKind' });
export const zNotificationKind = z.enum(NotificationKind).meta({ id: 'NotificationKind' });
export const zNotificationSubject = z
  .enum(NotificationSubject)
  .meta({ id: 'NotificationSubject', description: 'What a notification is about; the web app opens its page' });
