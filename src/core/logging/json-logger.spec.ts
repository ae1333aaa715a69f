import { JsonLogger } from './json-logger';
import { requestContext } from './request-context';

describe('JsonLogger', () => {
  it('writes one JSON line with the request id and redacted secrets', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('info', (line) => lines.push(line));
    requestContext.run({ requestId: 'req-1', locale: 'id' }, () => {
      logger.log({ msg: 'connected', token: 's3cret', account: 'a1' }, 'Accounts');
    });
    logger.debug('hidden below info');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({
      level: 'info',
      context: 'Accounts',
      requestId: 'req-1',
      msg: 'connected',
      token: '[redacted]',
      account: 'a1',
    });
    expect(lines[0]).not.toContain('s3cret');
  });
});
