import { AppError } from '../errors';

/**
 * How many scrypt hashes run at once in this process, and how many may wait. Each hash holds
 * 32 MiB and a libuv thread (4 by default): unbounded, 60 requests would want 2 GiB and leave no
 * thread for a sign-in. Two at a time leaves threads for files, DNS and the rest of crypto.
 */
const CONCURRENCY = 2;
const MAX_WAITING = 64;

export type HashPriority = 'sign-in' | 'other';

/**
 * Runs password hashing with bounded concurrency. Sign-in checks go before everything else
 * (registrations, invitation acceptances, password changes and resets), so a flood of those cannot
 * make a real sign-in wait for more than the hashes already running (docs/security.md, rule 10).
 */
export class PasswordGate {
  private running = 0;
  private readonly waiting: Record<HashPriority, Array<() => void>> = { 'sign-in': [], other: [] };

  constructor(
    private readonly concurrency = CONCURRENCY,
    private readonly maxWaiting = MAX_WAITING,
  ) {}

  async run<T>(priority: HashPriority, task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting['sign-in'].length + this.waiting.other.length >= this.maxWaiting) {
        throw AppError.tooManyRequests('server_busy', BUSY_TEXT, 5);
      }
      await new Promise<void>((resolve) => this.waiting[priority].push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Hands the slot straight to the next waiter (sign-in first), or frees it. */
  private release(): void {
    const next = this.waiting['sign-in'].shift() ?? this.waiting.other.shift();
    if (next) next();
    else this.running -= 1;
  }
}

const BUSY_TEXT = {
  id: 'Server sedang sibuk memeriksa kata sandi. Coba lagi dalam beberapa detik.',
  en: 'The server is busy checking passwords. Try again in a few seconds.',
};

export const passwordGate = new PasswordGate();
