import { sql } from 'drizzle-orm';
import type { OperationHandler } from '../../http/contract';
import { DomainError } from '../../http/errors';

export const systemHandlers: {
  getHealth: OperationHandler<'getHealth'>;
  getReadiness: OperationHandler<'getReadiness'>;
} = {
  async getHealth() {
    return { status: 'ok' as const };
  },
  async getReadiness(request) {
    try {
      await request.server.db.execute(sql`SELECT 1 FROM customers LIMIT 1`);
    } catch {
      throw new DomainError('unavailable', 'The database is not reachable or not migrated.');
    }
    return { status: 'ok' as const };
  },
};
