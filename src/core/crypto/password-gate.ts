import { AppError } from '../errors';

/**
 * How many scrypt hashes run at once in this process. Each holds 32 MiB and a libuv thread (4 by
 * default): unbounded, 60 requests would want 2 GiB and leave no thread or core for a sign-in.
 * Two at a time leaves threads for files, DNS and the rest of crypto; work other than sign-in
 * (registrations, invitation acceptances, password changes and resets) gets one of the two, so a
 * sign-in always finds a slot and shares the CPU with at most one such hash.
 */
const CONCURRENCY = 2;
const OTHER_CONCURRENCY = 1;
/** Per lane: beyond this many waiting, a request is refused at once instead of piling up. */
const MAX_WAITING = 64;

export type HashPriority = 'sign-in' | 'other';
const LANES: HashPriority[] = ['sign-in', 'other'];

/**
 * Runs password hashing with bounded concurrency, sign-in first, so a flood of expensive anonymous
 * requests cannot make a real sign-in wait behind them (docs/security.md, rule 10).
 */
export class PasswordGate {
  private readonly running: Record<HashPriority, number> = { 'sign-in': 0, other: 0 };
  private readonly waiting: Record<HashPriority, Array<() => void>> = { 'sign-in': [], other: [] };

  constructor(
    private readonly concurrency = CONCURRENCY,
    private readonly otherConcurrency = OTHER_CONCURRENCY,
    private readonly maxWaiting = MAX_WAITING,
  ) {}

  async run<T>(lane: HashPriority, task: () => Promise<T>): Promise<T> {
    if (this.mayStart(lane)) {
      this.running[lane] += 1;
    } else {
      if (this.waiting[lane].length >= this.maxWaiting) throw AppError.tooManyRequests('server_busy', BUSY_TEXT, 5);
      // admit() counts the slot for us before waking us, so nobody can take it in between.
      await new Promise<void>((resolve) => this.waiting[lane].push(resolve));
    }
    try {
      return await task();
    } finally {
      this.running[lane] -= 1;
      this.admit();
    }
  }

  private mayStart(lane: HashPriority): boolean {
    const total = this.running['sign-in'] + this.running.other;
    return total < this.concurrency && (lane === 'sign-in' || this.running.other < this.otherConcurrency);
  }

  /** Wakes waiters while slots are free, sign-ins first. */
  private admit(): void {
    for (const lane of LANES) {
      while (this.waiting[lane].length > 0 && this.mayStart(lane)) {
        this.running[lane] += 1;
        this.waiting[lane].shift()!();
      }
    }
  }
}

const BUSY_TEXT = {
  id: 'Server sedang sibuk memeriksa kata sandi. Coba lagi dalam beberapa detik.',
  en: 'The server is busy checking passwords. Try again in a few seconds.',
};

export const passwordGate = new PasswordGate();
