import type { ServerResponse } from 'node:http';
import { ContractServer, type Handler, type RecordedRequest, sendJson } from '../contract-server';
import { FaultPlan } from './faults';

/**
 * What every Meta Graph API (Facebook, Instagram, Threads) shares, as documented: errors are
 * { error: { message, type, code, error_subcode, fbtrace_id } }, mostly with HTTP 400; invalid tokens
 * are OAuthException code 190; throttling is codes 4/17/32/613/80001+ with usage headers whose
 * estimated_time_to_regain_access is in minutes; ids are numeric strings.
 */
export interface GraphErrorSpec {
  status: number;
  code: number;
  message: string;
  type?: string;
  subcode?: number;
  isTransient?: boolean;
  headers?: Record<string, string>;
}

export function sendGraphError(res: ServerResponse, spec: GraphErrorSpec): void {
  sendJson(
    res,
    spec.status,
    {
      error: {
        message: spec.message,
        type: spec.type ?? (spec.code === 190 ? 'OAuthException' : 'GraphMethodException'),
        code: spec.code,
        ...(spec.subcode ? { error_subcode: spec.subcode } : {}),
        ...(spec.isTransient !== undefined ? { is_transient: spec.isTransient } : {}),
        fbtrace_id: 'AbCdEfGh123',
      },
    },
    spec.headers,
  );
}

export const INVALID_TOKEN: GraphErrorSpec = {
  status: 400,
  code: 190,
  message: 'Invalid OAuth access token - Cannot parse access token',
  type: 'OAuthException',
};

/** A fault a test plants for the next request matching method and path. */
export type Fault = Handler;

export class GraphContractServer extends ContractServer {
  constructor(readonly version = '/v23.0') {
    super();
  }

  private readonly faults = new FaultPlan();
  private readonly objectReaders: Array<(req: RecordedRequest, res: ServerResponse) => boolean> = [];
  private nextId = 1000;

  /** The versioned base URL a publisher is configured with. */
  get apiUrl(): string {
    return `${this.baseUrl}${this.version}`;
  }

  newId(): string {
    return String(++this.nextId) + '7841';
  }

  /** Plants a fault answered instead of the documented behaviour, once. */
  failNext(method: string, pattern: RegExp, fault: Fault): this {
    this.faults.failNext(method, pattern, fault);
    return this;
  }

  /**
   * Lets a companion contract (metrics) answer GET /{object-id} for objects or fields the publishing
   * contract does not know; a reader returns true when it answered.
   */
  readObjectsToo(reader: (req: RecordedRequest, res: ServerResponse) => boolean): this {
    this.objectReaders.push(reader);
    return this;
  }

  protected answeredByCompanion(req: RecordedRequest, res: ServerResponse): boolean {
    return this.objectReaders.some((reader) => reader(req, res));
  }

  /** A route below the version prefix that answers planted faults first. */
  graphRoute(method: string, path: string, handler: Handler): this {
    return this.route(method, `${this.version}${path}`, this.faults.wrap(handler));
  }
}

/** The token of a Graph call: the documented access_token parameter, in the query or the form body. */
export function accessTokenOf(req: RecordedRequest): string | undefined {
  return req.query.get('access_token') ?? formField(req, 'access_token');
}

export function formField(req: RecordedRequest, name: string): string | undefined {
  const json = req.json as Record<string, string> | undefined;
  return json?.[name] ?? req.query.get(name) ?? undefined;
}

/** The id segment of a path like /v23.0/<id>/feed. */
export function pathId(req: RecordedRequest, index = 2): string {
  return req.path.split('/')[index] ?? '';
}

/** The form fields of a POST without the token, for asserting the documented request shape. */
export function formParams(req: RecordedRequest): Record<string, string> {
  const { access_token: _token, ...rest } = (req.json as Record<string, string>) ?? {};
  return rest;
}
