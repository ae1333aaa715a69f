import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { type AllowList, refusalOf } from './address-policy';

/** A host or address the egress will not connect to; `reason` names the kind of address. */
export class EgressRefusedError extends Error {
  readonly code = 'EGRESS_REFUSED';

  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(`${host} is not a public address (${reason}); only EGRESS_ALLOW admits it`);
    this.name = 'EgressRefusedError';
  }
}

/**
 * The `lookup` of the egress agents: resolves every address of the name and hands the socket only
 * the ones the policy admits, so the address checked is the address connected to (a second, rebound
 * DNS answer is never asked for). A name on the allow-list admits all its addresses.
 */
export function guardedLookup(allow: AllowList, resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '');
      const admitted = allow.admitsHost(hostname)
        ? addresses
        : addresses.filter((entry) => admits(allow, entry.address));
      const first = admitted[0];
      if (!first)
        return callback(
          new EgressRefusedError(
            hostname,
            addresses[0] ? (refusalOf(addresses[0].address) ?? 'refused') : 'no address',
          ),
          '',
        );
      if (options.all) callback(null, admitted);
      else callback(null, first.address, first.family);
    });
  };
}

/** True when the address is public, or admitted by the allow-list. */
export function admits(allow: AllowList, address: string): boolean {
  return refusalOf(address) === null || allow.admitsAddress(address);
}
