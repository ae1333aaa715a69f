import { ConfigError, loadConfig } from './load-config';

const KEY = Buffer.alloc(32, 1).toString('base64');
const valid = { DATABASE_URL: 'postgresql://u@127.0.0.1:5432/db', CREDENTIAL_KEYS: `k1:${KEY}` };

describe('loadConfig', () => {
  it('applies defaults and parses keys newest first', () => {
    const config = loadConfig({ ...valid, CREDENTIAL_KEYS: `k2:${KEY},k1:${KEY}` });
    expect(config.PORT).toBe(3000);
    expect(config.DEFAULT_TIME_ZONE).toBe('Asia/Jakarta');
    expect(config.CREDENTIAL_KEYS.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    [{ DATABASE_URL: undefined }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ CREDENTIAL_KEYS: 'k1:dG9vLXNob3J0' }, 'CREDENTIAL_KEYS'],
    [{ CREDENTIAL_KEYS: `k1:${KEY},k1:${KEY}` }, 'CREDENTIAL_KEYS'],
    [{ DEFAULT_TIME_ZONE: 'WIB' }, 'DEFAULT_TIME_ZONE'],
    [{ DEFAULT_TIME_ZONE: '+07:00' }, 'DEFAULT_TIME_ZONE'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ QUEUE_PREFIX: 'has:colon' }, 'QUEUE_PREFIX'],
    // An allow-list entry must say exactly what it admits: no 127.1, no empty prefix, no URL.
    [{ EGRESS_ALLOW: '127.1' }, 'EGRESS_ALLOW'],
    [{ EGRESS_ALLOW: '10.0.0.0/' }, 'EGRESS_ALLOW'],
    [{ EGRESS_ALLOW: '10.0.0.0/33' }, 'EGRESS_ALLOW'],
    [{ EGRESS_ALLOW: 'http://mastodon.lan' }, 'EGRESS_ALLOW'],
    [{ ANALYTICS_INSIGHT_SCOPES: 'ya' }, 'ANALYTICS_INSIGHT_SCOPES'],
  ])('rejects %j naming %s', (override, name) => {
    expect(() => loadConfig({ ...valid, ...override })).toThrow(ConfigError);
    try {
      loadConfig({ ...valid, ...override });
    } catch (error) {
      expect((error as ConfigError).problems.join('\n')).toContain(name);
    }
  });

  it('takes S3 media storage all or nothing: a partial set names what is missing', () => {
    const s3 = {
      MEDIA_S3_ENDPOINT: 'http://minio:9000',
      MEDIA_S3_BUCKET: 'gaung-media',
      MEDIA_S3_ACCESS_KEY: 'gaung',
      MEDIA_S3_SECRET_KEY: 'rahasia-sekali',
    };
    expect(loadConfig({ ...valid, ...s3 })).toMatchObject({ ...s3, MEDIA_S3_REGION: 'us-east-1' });
    expect(loadConfig(valid).MEDIA_S3_ENDPOINT).toBeUndefined();
    expect(() => loadConfig({ ...valid, ...s3, MEDIA_S3_SECRET_KEY: '' })).toThrow(
      /MEDIA_S3_SECRET_KEY: is required with MEDIA_S3_ENDPOINT/,
    );
    expect(() => loadConfig({ ...valid, ...s3, MEDIA_S3_BUCKET: 'Not_A_Bucket' })).toThrow(
      /MEDIA_S3_BUCKET: must be an S3 bucket name/,
    );
    expect(() => loadConfig({ ...valid, ...s3, MEDIA_S3_ENDPOINT: 'minio:9000' })).toThrow(/MEDIA_S3_ENDPOINT/);
  });

  it('admits nothing outbound by default; EGRESS_ALLOW takes addresses, CIDRs and host names', () => {
    expect(loadConfig(valid).EGRESS_ALLOW).toEqual([]);
    expect(loadConfig({ ...valid, EGRESS_ALLOW: ' 10.0.0.0/8, ::1 ,Mastodon.LAN' }).EGRESS_ALLOW).toEqual([
      '10.0.0.0/8',
      '::1',
      'Mastodon.LAN',
    ]);
  });

  it('asks for insight permissions only when the operator opts in', () => {
    expect(loadConfig(valid).ANALYTICS_INSIGHT_SCOPES).toBe(false);
    expect(loadConfig({ ...valid, ANALYTICS_INSIGHT_SCOPES: 'true' }).ANALYTICS_INSIGHT_SCOPES).toBe(true);
    expect(loadConfig({ ...valid, ANALYTICS_INSIGHT_SCOPES: 'false' }).ANALYTICS_INSIGHT_SCOPES).toBe(false);
  });

  it('treats empty strings as unset, so optional SMTP_URL= is fine', () => {
    expect(loadConfig({ ...valid, SMTP_URL: '' }).SMTP_URL).toBeUndefined();
  });
});
