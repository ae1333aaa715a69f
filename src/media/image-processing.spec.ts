import { oneImageAtATime } from './image-processing';

describe('oneImageAtATime', () => {
  it('starts the next piece of image work only when the one before has ended, failed or not', async () => {
    const events: string[] = [];
    let release!: () => void;
    const first = oneImageAtATime(async () => {
      events.push('first started');
      await new Promise<void>((resolve) => (release = resolve));
      events.push('first ended');
      throw new Error('broken image');
    });
    const second = oneImageAtATime(async () => {
      events.push('second started');
      return 'second done';
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(events).toEqual(['first started']);
    release();
    await expect(first).rejects.toThrow('broken image');
    await expect(second).resolves.toBe('second done');
    expect(events).toEqual(['first started', 'first ended', 'second started']);
  });
});
