import { isPublishable } from './publishable';

describe('isPublishable', () => {
  it('admits a delivery of the approved version only', () => {
    expect(isPublishable({ status: 'APPROVED', approvedVersion: 3 }, 3)).toBe(true);
    expect(isPublishable({ status: 'APPROVED', approvedVersion: 3 }, 2)).toBe(false);
    expect(isPublishable({ status: 'APPROVED', approvedVersion: null }, 3)).toBe(false);
  });

  it('admits nothing of a post that is not approved, whatever its versions', () => {
    for (const status of ['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'CANCELLED'] as const) {
      expect(isPublishable({ status, approvedVersion: 3 }, 3)).toBe(false);
    }
  });
});
