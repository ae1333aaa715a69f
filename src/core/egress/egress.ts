import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIP } from 'node:net';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import axios, { isAxiosError, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import { APP_CONFIG, type AppConfig } from '../config';
import { AllowList, refusalOf } from './address-policy';
import { admits, EgressRefusedError, guardedLookup } from './guarded-lookup';

const ABSOLUTE_URL = /^([a-z][a-z\d+\-.]*:)?\/\//i;
/** Requests that change nothing: safe on a kept-alive socket, and safe to send again. */
const IDEMPOTENT_READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** How a socket the server had already closed fails ("socket hang up" is ECONNRESET too). */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/**
 * The one door out: every platform call, account check, OAuth exchange and webhook goes through
 * here (docs/security.md, "One guarded egress"). Only http(s); an address literal is checked before
 * the request, a name when it is resolved (guardedLookup), so the socket only ever reaches a checked
 * address. Redirects are never followed: a 3xx comes back to the caller, who may only go there by
 * asking again, checked the same way. No proxy from the environment, no unix sockets, no fetch or HTTP/2.
 * Every response is returned (callers map statuses); refusals throw EgressRefusedError.
 */
@Injectable()
export class Egress implements OnModuleDestroy {
  private readonly allow: AllowList;
  private readonly lookup: ReturnType<typeof guardedLookup>;
  /** Keep-alive agents, for idempotent reads only. */
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;
  /** One connection per request: writes, and the second try of a read. Same guarded lookup. */
  private readonly freshHttpAgent: HttpAgent;
  private readonly freshHttpsAgent: HttpsAgent;
  private readonly client: AxiosInstance;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'EGRESS_ALLOW'>) {
    this.allow = new AllowList(config.EGRESS_ALLOW);
    const lookup = guardedLookup(this.allow);
    this.lookup = lookup;
    this.httpAgent = new HttpAgent({ keepAlive: true, lookup });
    this.httpsAgent = new HttpsAgent({ keepAlive: true, lookup });
    this.freshHttpAgent = new HttpAgent({ keepAlive: false, lookup });
    this.freshHttpsAgent = new HttpsAgent({ keepAlive: false, lookup });
    this.client = axios.create({
      validateStatus: () => true,
      maxContentLength: 20 * 1024 * 1024,
      maxBodyLength: 100 * 1024 * 1024,
      // Responses are mostly JSON; keep raw text when they are not.
      transitional: { silentJSONParsing: true, forcedJSONParsing: true, clarifyTimeoutError: true },
    });
  }

  /**
   * Keep-alive only where it is safe (docs/publishing.md, "Stale connections"): a server may close an
   * idle connection without saying so, and the next request on it fails with ECONNRESET. Whether
   * such a request was read cannot be known, so a write (a POST that may publish) always goes out on
   * a fresh connection and never meets a stale one; an idempotent read uses the kept-alive pool and,
   * when its socket turns out to be closed, is sent once more on a fresh connection.
   */
  async request<T = unknown>(config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    const url = this.checkedUrl(config);
    if (!IDEMPOTENT_READS.has((config.method ?? 'GET').toUpperCase())) return this.send<T>(config, url, 'fresh');
    try {
      return await this.send<T>(config, url, 'kept-alive');
    } catch (error) {
      if (!closedUnderUs(error) || config.signal?.aborted) throw error;
      return this.send<T>(config, url, 'fresh');
    }
  }

  private send<T>(config: AxiosRequestConfig, url: URL, connection: 'kept-alive' | 'fresh'): Promise<AxiosResponse<T>> {
    const fresh = connection === 'fresh';
    return this.client.request<T>({
      ...config,
      url: url.toString(),
      baseURL: undefined,
      // Node's http(s) only, HTTP/1.1: fetch and HTTP/2 would resolve names without the guarded agents.
      adapter: 'http',
      httpVersion: 1,
      http2Options: undefined,
      maxRedirects: 0,
      beforeRedirect: undefined,
      proxy: false,
      socketPath: undefined,
      transport: undefined,
      lookup: undefined,
      httpAgent: fresh ? this.freshHttpAgent : this.httpAgent,
      httpsAgent: fresh ? this.freshHttpsAgent : this.httpsAgent,
    });
  }

  /**
   * Refuses an address a user enters for later (a webhook URL) as a request to it would be refused,
   * sending nothing. A name that does not resolve now is not refused: it may resolve when used.
   */
  async check(url: string): Promise<void> {
    const host = this.checkedUrl({ url }).hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0) return;
    const refusal = await new Promise<Error | null>((resolve) =>
      this.lookup(host, { all: true }, (error) => resolve(error)),
    );
    if (refusal instanceof EgressRefusedError) throw refusal;
  }

  /** The full URL the request goes to (as axios would build it), refused when it may not be reached. */
  private checkedUrl(config: AxiosRequestConfig): URL {
    const relative = config.url ?? '';
    const base = config.baseURL;
    const full =
      base && !ABSOLUTE_URL.test(relative)
        ? relative
          ? `${base.replace(/\/?\/$/, '')}/${relative.replace(/^\/+/, '')}`
          : base
        : relative;
    let url: URL;
    try {
      url = new URL(full);
    } catch {
      throw new EgressRefusedError(full.slice(0, 200), 'not a URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new EgressRefusedError(url.protocol, 'not http or https');
    // The URL parser already turned 127.1, 2130706433 and 0177.0.0.1 into 127.0.0.1.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) !== 0 && !admits(this.allow, literal))
      throw new EgressRefusedError(url.hostname, refusalOf(literal) ?? 'refused');
    return url;
  }

  onModuleDestroy(): void {
    for (const agent of [this.httpAgent, this.httpsAgent, this.freshHttpAgent, this.freshHttpsAgent]) agent.destroy();
  }
}

/** A transport failure of the kind a connection closed by the server ends with. */
function closedUnderUs(error: unknown): boolean {
  if (!isAxiosError(error) || error.response) return false;
  const causeCode = (error.cause as NodeJS.ErrnoException | undefined)?.code;
  return STALE_SOCKET_CODES.has(error.code ?? '') || STALE_SOCKET_CODES.has(causeCode ?? '');
}
