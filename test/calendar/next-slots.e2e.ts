import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** The composer's "next free slot": an account's free weekly slots from an instant, shown in a zone. */
describe('next free posting slots of an account', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let accountId: string;
  const slots = (query: Record<string, string | number>, as = ws.users.VIEWER) =>
    t.http().get(`/workspaces/${ws.slug}/accounts/${accountId}/next-slot`).query(query).set(bearer(as));

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma); // Asia/Jakarta
    // Mondays and Wednesdays 09:00 WIB (02:00 UTC); Monday 1 March 2027 is already booked.
    const account = await t.prisma.connectedAccount.create({
      data: {
        workspaceId: ws.id,
        platform: 'FEED',
        displayName: 'Umpan',
        postingSlots: [
          { weekday: 1, time: '09:00' },
          { weekday: 3, time: '09:00' },
        ],
      },
    });
    accountId = account.id;
    await t.prisma.post.create({
      data: {
        workspaceId: ws.id,
        authorId: ws.users.EDITOR.id,
        baseText: 'Sudah terjadwal',
        scheduledAt: new Date('2027-03-01T02:00:00Z'),
        targets: { create: { workspaceId: ws.id, accountId } },
      },
    });
  });
  afterAll(() => t.close());

  it('returns the next free slots after an instant, skipping booked ones, shown in the zone asked for', async () => {
    const res = await slots({ after: '2027-03-01T00:00:00Z', zone: 'WIT', count: 3 })
      .set('Accept-Language', 'en')
      .expect(200);
    expect(res.body).toMatchObject({
      timeZone: 'Asia/Jakarta',
      zone: 'Asia/Jayapura',
      slotsDefined: 2,
      slot: '2027-03-03T02:00:00.000Z',
    });
    expect(
      res.body.slots.map((s: { at: string; local: { iso: string; abbreviation: string } }) => [
        s.at,
        s.local.iso,
        s.local.abbreviation,
      ]),
    ).toEqual([
      ['2027-03-03T02:00:00.000Z', '2027-03-03T11:00:00.000+09:00', 'WIT'],
      ['2027-03-08T02:00:00.000Z', '2027-03-08T11:00:00.000+09:00', 'WIT'],
      ['2027-03-10T02:00:00.000Z', '2027-03-10T11:00:00.000+09:00', 'WIT'],
    ]);
    // The fixture viewer's own language (id) names the day.
    expect(res.body.slots[0].local.text).toMatch(/^Rabu, 3 Maret 2027 11\.00 WIT$/);
    const one = await slots({ after: '2027-03-01T00:00:00Z' }).expect(200);
    expect(one.body).toMatchObject({
      zone: 'Asia/Jakarta',
      slot: '2027-03-03T02:00:00.000Z',
      slots: [{ at: '2027-03-03T02:00:00.000Z' }],
    });
  });

  it('answers bad input with a 4xx', async () => {
    expect((await slots({ zone: 'Mars/Olympus' }).expect(422)).body.error.code).toBeDefined();
    await slots({ count: 11 }).expect(400);
    await slots({ after: '2027-03-01 09:00' }).expect(400);
    const other = await createWorkspace(t.prisma);
    await t
      .http()
      .get(`/workspaces/${other.slug}/accounts/${accountId}/next-slot`)
      .set(bearer(other.users.VIEWER))
      .expect(404);
  });
});
