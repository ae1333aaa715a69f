import type { Handler } from '../contract-server';

/**
 * Faults a test plants for the next request matching a method and path, answered instead of the
 * documented behaviour, once each. Generic: the X and LinkedIn contract servers use it too.
 */
export class FaultPlan {
  private readonly planted: Array<{ method: string; pattern: RegExp; fault: Handler }> = [];

  failNext(method: string, pattern: RegExp, fault: Handler): void {
    this.planted.push({ method, pattern, fault });
  }

  /** A handler that answers a planted fault first, else the documented behaviour. */
  wrap(handler: Handler): Handler {
    return (req, res) => {
      const index = this.planted.findIndex((f) => f.method === req.method && f.pattern.test(req.path));
      if (index < 0) return handler(req, res);
      const [planted] = this.planted.splice(index, 1);
      return planted.fault(req, res);
    };
  }
}
