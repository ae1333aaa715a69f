import { type RecordedRequest, sendJson } from '../contract-server';
import {
  accessTokenOf,
  formField,
  GraphContractServer,
  INVALID_TOKEN,
  type GraphErrorSpec,
  pathId,
  sendGraphError,
} from './graph-contract';

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export interface Container {
  id: string;
  userId: string;
  params: Record<string, string>;
  /** Polls answered IN_PROGRESS before the final status shows. */
  pollsLeft: number;
  finalStatus: ContainerStatus;
  status: ContainerStatus;
}

export interface PublishedMedia {
  id: string;
  userId: string;
  container: Container;
  permalink: string;
  timestamp: string;
  /** When the publish call that made it was received (Date.now()): what the rolling quota counts. */
  receivedAt: number;
}

/** A quota counted as the platform counts it: publishes received per account in a rolling window. */
export interface RollingQuota {
  total: number;
  windowMs: number;
}

/** The differences between Instagram's and Threads' container APIs, as each documents them. */
export interface ContainerDialect {
  version: string;
  createPath: string;
  publishPath: string;
  limitPath: string;
  statusField: 'status_code' | 'status';
  reasonField: 'status' | 'error_message';
  /** The field holding a media's text: caption (Instagram) or text (Threads). */
  textField: 'caption' | 'text';
  quotaTotal: number;
  permalinkBase: string;
  validate(params: Record<string, string>): GraphErrorSpec | null;
}

/**
 * Meta's two-step publishing (Instagram content publishing, Threads): POST a container, GET its
 * status until FINISHED (or ERROR / EXPIRED), POST the publish call with creation_id; a rolling
 * 24-hour quota is readable from the *_publishing_limit edge and enforced on publish.
 */
export class ContainerContract extends GraphContractServer {
  readonly users = new Map<string, { token: string; username: string; name: string }>();
  readonly containers = new Map<string, Container>();
  readonly published: PublishedMedia[] = [];
  /** Outcomes for the next containers created, in order; FINISHED at once when empty. */
  readonly nextOutcomes: Array<{ inProgressPolls: number; final: ContainerStatus }> = [];
  /** The usage the *_publishing_limit edge reports and publishing checks, when no rolling quota is set. */
  quotaUsage = 0;
  /**
   * When set, the quota is a rolling count of the account's publish calls by the time each was
   * received (Instagram's "50 per 24 hours", shortened for tests): the limit edge reports it and a
   * publish over it is refused with the documented error (code 9, subcode 2207042), counted in
   * quotaRefusals.
   */
  rollingQuota: RollingQuota | null = null;
  quotaRefusals = 0;

  constructor(private readonly dialect: ContainerDialect) {
    super(dialect.version);
    this.graphRoute('POST', `/:user${dialect.createPath}`, (req, res) => {
      const user = this.authorisedUser(req);
      if (!user) return sendGraphError(res, INVALID_TOKEN);
      const params = (req.json as Record<string, string>) ?? {};
      const invalid = dialect.validate(params);
      if (invalid) return sendGraphError(res, invalid);
      const outcome = this.nextOutcomes.shift() ?? { inProgressPolls: 0, final: 'FINISHED' };
      const container: Container = {
        id: this.newId(),
        userId: pathId(req),
        params,
        pollsLeft: outcome.inProgressPolls,
        finalStatus: outcome.final,
        status: 'IN_PROGRESS',
      };
      this.containers.set(container.id, container);
      sendJson(res, 200, { id: container.id });
    });
    this.graphRoute('GET', `/:user${dialect.createPath}`, (req, res) => {
      if (!this.authorisedUser(req)) return sendGraphError(res, INVALID_TOKEN);
      const limit = Number(req.query.get('limit') ?? 25);
      const data = this.published
        .filter((m) => m.userId === pathId(req))
        .reverse()
        .slice(0, limit)
        .map((m) => ({ id: m.id, [dialect.textField]: m.container.params[dialect.textField], timestamp: m.timestamp }));
      sendJson(res, 200, { data, paging: { cursors: { before: 'b', after: 'a' } } });
    });
    this.graphRoute('POST', `/:user${dialect.publishPath}`, (req, res) => this.publish(req, res));
    this.graphRoute('GET', `/:user${dialect.limitPath}`, (req, res) => {
      if (!this.authorisedUser(req)) return sendGraphError(res, INVALID_TOKEN);
      const rolling = this.rollingQuota;
      sendJson(res, 200, {
        data: [
          rolling
            ? {
                quota_usage: this.usageInWindow(pathId(req), Date.now()),
                config: { quota_total: rolling.total, quota_duration: rolling.windowMs / 1000 },
              }
            : { quota_usage: this.quotaUsage, config: { quota_total: dialect.quotaTotal, quota_duration: 86_400 } },
        ],
      });
    });
    this.graphRoute('GET', '/:id', (req, res) => this.readObject(req, res));
  }

  addUser(id: string, user: { token: string; username: string; name: string }): this {
    this.users.set(id, user);
    return this;
  }

  get tokens(): Set<string> {
    return new Set([...this.users.values()].map((u) => u.token));
  }

  /** The account's publishes received in the rolling window ending at `at` (0 without a rolling quota). */
  usageInWindow(userId: string, at: number): number {
    const windowMs = this.rollingQuota?.windowMs ?? 0;
    return this.published.filter((m) => m.userId === userId && m.receivedAt > at - windowMs && m.receivedAt <= at)
      .length;
  }

  /** The most publishes of the account ever received within one rolling window (any window, not only now). */
  mostInAnyWindow(userId: string): number {
    return Math.max(
      0,
      ...this.published.filter((m) => m.userId === userId).map((m) => this.usageInWindow(userId, m.receivedAt)),
    );
  }

  /** Publishes a FINISHED container once; a lost answer can be simulated with publishThenDrop. */
  publishContainer(
    creationId: string,
    userId: string,
    receivedAt = Date.now(),
  ): { error?: GraphErrorSpec; id?: string } {
    const container = this.containers.get(creationId);
    if (!container || container.userId !== userId)
      return { error: { status: 400, code: 100, message: 'Unsupported post request. Object does not exist.' } };
    const overQuota = this.rollingQuota
      ? this.usageInWindow(userId, receivedAt) >= this.rollingQuota.total
      : this.quotaUsage >= this.dialect.quotaTotal;
    if (overQuota) {
      this.quotaRefusals++;
      return { error: { status: 400, code: 9, subcode: 2207042, message: 'Application request limit reached' } };
    }
    if (container.status === 'PUBLISHED')
      return { error: { status: 400, code: 100, subcode: 2207008, message: 'The media has already been published' } };
    if (container.status !== 'FINISHED')
      return { error: { status: 400, code: 9007, subcode: 2207027, message: 'Media ID is not available' } };
    container.status = 'PUBLISHED';
    this.quotaUsage++;
    const id = this.newId();
    const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, '+0000');
    this.published.push({
      id,
      userId: container.userId,
      container,
      permalink: `${this.dialect.permalinkBase}${id}/`,
      timestamp,
      receivedAt,
    });
    return { id };
  }

  private publish(req: RecordedRequest, res: import('node:http').ServerResponse): void {
    if (!this.authorisedUser(req)) return sendGraphError(res, INVALID_TOKEN);
    const outcome = this.publishContainer(formField(req, 'creation_id') ?? '', pathId(req), req.receivedAt);
    if (outcome.error) return sendGraphError(res, outcome.error);
    sendJson(res, 200, { id: outcome.id });
  }

  private userIdOfToken(token: string | undefined): string {
    return [...this.users.entries()].find(([, user]) => user.token === token)?.[0] ?? '';
  }

  private authorisedUser(req: RecordedRequest) {
    const user = this.users.get(pathId(req));
    return user && user.token === accessTokenOf(req) ? user : undefined;
  }

  private readObject(req: RecordedRequest, res: import('node:http').ServerResponse): void {
    if (this.answeredByCompanion(req, res)) return;
    if (!this.tokens.has(accessTokenOf(req) ?? '')) return sendGraphError(res, INVALID_TOKEN);
    const id = pathId(req) === 'me' ? this.userIdOfToken(accessTokenOf(req)) : pathId(req);
    const container = this.containers.get(id);
    if (container) {
      if (container.status === 'IN_PROGRESS') {
        if (container.pollsLeft > 0) container.pollsLeft--;
        else container.status = container.finalStatus;
      }
      const reason =
        container.status === 'ERROR'
          ? "ERROR: Media download has failed. The media URI doesn't meet our requirements."
          : container.status;
      return sendJson(res, 200, {
        id,
        [this.dialect.statusField]: container.status,
        ...(this.dialect.reasonField === 'status' || container.status === 'ERROR'
          ? { [this.dialect.reasonField]: reason }
          : {}),
      });
    }
    const media = this.published.find((m) => m.id === id);
    if (media) return sendJson(res, 200, { id, permalink: media.permalink });
    const user = this.users.get(id);
    if (user) return sendJson(res, 200, { id, username: user.username, name: user.name });
    sendGraphError(res, {
      status: 400,
      code: 100,
      subcode: 33,
      message: `Unsupported get request. Object with ID '${id}' does not exist`,
    });
  }
}
