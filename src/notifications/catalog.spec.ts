import { postLabel, renderNotification } from './catalog';

describe('renderNotification', () => {
  const jakarta = { locale: 'id' as const, timeZone: 'Asia/Jakarta' };
  const jayapuraEn = { locale: 'en' as const, timeZone: 'Asia/Jayapura' };

  it("renders the code and its parameters in the reader's language", () => {
    const params = { actor: 'Sari', post: 'Hari Buruh', comment: 'Tambah tagar' };
    expect(renderNotification('POST_CHANGES_REQUESTED', params, jakarta)).toBe(
      'Sari meminta perubahan pada "Hari Buruh": Tambah tagar',
    );
    expect(renderNotification('POST_CHANGES_REQUESTED', params, jayapuraEn)).toBe(
      'Sari asked for changes to "Hari Buruh": Tambah tagar',
    );
  });

  it("shows instants in the reader's zone", () => {
    const params = { actor: 'Sari', reason: 'Krisis', resumeAt: '2030-05-01T01:00:00.000Z' };
    expect(renderNotification('WORKSPACE_HELD', params, jakarta)).toMatch(/\(dilanjutkan 1 Mei 2030 08:00 /);
    expect(renderNotification('WORKSPACE_HELD', params, jayapuraEn)).toMatch(/\(resumes 1 May 2030 10:00 /);
    expect(renderNotification('WORKSPACE_HELD', { ...params, resumeAt: null }, jakarta)).toBe(
      'Sari menahan semua penerbitan: Krisis',
    );
    expect(renderNotification('WORKSPACE_RESUMED', { actor: null }, jakarta)).toBe(
      'Penahanan berakhir sesuai jadwal: penerbitan dilanjutkan',
    );
    expect(renderNotification('CAMPAIGN_RESUMED', { actor: 'Sari', campaign: 'Upah' }, jayapuraEn)).toBe(
      'Sari resumed the campaign "Upah"',
    );
  });

  it('keeps a row from before codes readable, and says seconds or minutes for lateness', () => {
    expect(
      renderNotification('TARGET_FAILED', { legacy: 'Gagal diterbitkan / Publishing failed: 422' }, jayapuraEn),
    ).toBe('Gagal diterbitkan / Publishing failed: 422');
    expect(renderNotification('TARGET_PUBLISHED_LATE', { post: 'A', lateSeconds: 95 }, jakarta)).toBe(
      '"A" terbit terlambat 95 detik',
    );
    expect(renderNotification('TARGET_PUBLISHED_LATE', { post: 'A', lateSeconds: 720 }, jayapuraEn)).toBe(
      '"A" was published late by 12 minutes',
    );
  });

  it('names a post by its title, else the start of its text on one line', () => {
    expect(postLabel({ title: ' Mayday ', baseText: 'x' })).toBe('Mayday');
    expect(postLabel({ title: null, baseText: 'Aksi\n\nserentak' })).toBe('Aksi serentak');
    expect(postLabel({ title: null, baseText: '' })).toBe('-');
  });
});
