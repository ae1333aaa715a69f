import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

/**
 * Makes every transaction send its queries one after another. Prisma's query interpreter loads an
 * `include`'s relations with Promise.all; inside a transaction they share one connection, so pg
 * receives a query while another is running, which pg 8 deprecates and pg 9 refuses (Prisma issue
 * prisma/orm#29407, still open for 6.x and 7.x). Outside transactions each query takes its own
 * pooled connection and keeps running in parallel. test/support/no-overlapping-queries.ts fails any
 * test that sends overlapping queries, ours or Prisma's.
 */
export function withSerialTransactions(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => inTurn(await startTransaction(isolationLevel));
    return adapter;
  };
  return factory;
}

function inTurn(transaction: Transaction): Transaction {
  let previous: Promise<unknown> = Promise.resolve();
  const after = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = previous.then(work, work);
    previous = turn.catch(() => undefined);
    return turn;
  };
  const queryRaw = transaction.queryRaw.bind(transaction);
  const executeRaw = transaction.executeRaw.bind(transaction);
  transaction.queryRaw = (query) => after(() => queryRaw(query));
  transaction.executeRaw = (query) => after(() => executeRaw(query));
  return transaction;
}

/** A client outside the Nest app (the CLI, tests): its transactions send their queries in turn too. */
export function openPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: withSerialTransactions(new PrismaPg({ connectionString })) });
}
