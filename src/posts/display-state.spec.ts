import type { DeliveryState, PostStatus } from '../core/database';
import { displayStateOf } from './display-state';

describe('displayStateOf', () => {
  const cases: Array<[PostStatus, DeliveryState[], string]> = [
    ['DRAFT', ['PENDING', 'PENDING'], 'DRAFT'],
    ['IN_REVIEW', ['PENDING'], 'IN_REVIEW'],
    ['CHANGES_REQUESTED', ['PENDING'], 'CHANGES_REQUESTED'],
    ['IN_REVIEW', ['EXPIRED', 'EXPIRED'], 'EXPIRED'], // nobody approved it in time
    ['APPROVED', ['SCHEDULED', 'SCHEDULED'], 'SCHEDULED'],
    ['APPROVED', ['SCHEDULED', 'HELD'], 'HELD'],
    ['APPROVED', ['PUBLISHING', 'SCHEDULED'], 'PUBLISHING'],
    ['APPROVED', ['PUBLISHED', 'PUBLISHED'], 'PUBLISHED'],
    ['APPROVED', ['PUBLISHED', 'FAILED'], 'PARTLY_PUBLISHED'],
    ['APPROVED', ['PUBLISHED', 'SCHEDULED'], 'PARTLY_PUBLISHED'],
    ['APPROVED', ['PUBLISHED', 'UNCONFIRMED'], 'UNCONFIRMED'],
    ['APPROVED', ['FAILED', 'FAILED'], 'FAILED'],
    ['APPROVED', ['FAILED', 'EXPIRED'], 'FAILED'],
    ['APPROVED', ['EXPIRED', 'CANCELLED'], 'EXPIRED'],
    ['APPROVED', ['FAILED', 'SCHEDULED'], 'SCHEDULED'], // one still to go
    ['CANCELLED', ['CANCELLED'], 'CANCELLED'],
    ['CANCELLED', ['PUBLISHED', 'CANCELLED'], 'PARTLY_PUBLISHED'],
    ['IN_REVIEW', ['CANCELLED', 'CANCELLED'], 'CANCELLED'], // every delivery cancelled (e.g. a partner left)
    ['DRAFT', [], 'DRAFT'],
  ];
  it.each(cases)('%s with %j shows as %s', (status, deliveries, expected) => {
    expect(displayStateOf(status, deliveries)).toBe(expected);
  });
});
