import { describe, expect, inject, it } from 'vitest';
import { buildApp, logOptions } from '../../app';
import { readConfig } from '../../config';
import { openDatabase } from '../../db/client';

describe('request logs', () => {
  it('carry the request id and the path, but no query string (search terms are personal data)', async () => {
    const lines: string[] = [];
    const { db, pool } = openDatabase(inject('databaseUrl'), { max: 1 });
    const app = await buildApp({
      db,
      config: { ...readConfig({}), webDistDir: undefined },
      logger: logOptions('info', { write: (line) => lines.push(line) }),
    });
    await app.inject({
      method: 'GET',
      url: '/api/v1/customers/search?q=13800138000',
      headers: { 'x-request-id': 'trace-me' },
    });
    await app.close();
    await pool.end();
    const log = lines.join('');
    expect(log).toContain('/api/v1/customers/search');
    expect(log).toContain('trace-me');
    expect(log).not.toContain('13800138000');
  });
});
