import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { sessions, staffUsers } from '../../db/schema';
import { DomainError } from '../../http/errors';
import { type AuditContext, appendAuditEntry } from '../audit/service';

export const sessionCookieName = 'cims_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the email is unknown, so that a wrong email costs as long as a wrong password.
const decoyHash = hash('decoy password that matches nothing');

export async function signIn(
  db: Database,
  audit: AuditContext,
  input: { email: string; password: string; userAgent: string | undefined; ttlHours: number },
) {
  const [user] = await db
    .select()
    .from(staffUsers)
    .where(eq(sql`lower(${staffUsers.email})`, input.email.trim().toLowerCase()));
  const isValid = await verify(user?.passwordHash ?? (await decoyHash), input.password);
  if (!user || !isValid || !user.isActive) {
    await db.transaction((tx) =>
      appendAuditEntry(tx, audit, {
        action: 'auth.sign_in_failed',
        resourceType: 'session',
        details: {
          email: input.email.slice(0, 254),
          reason: user ? (user.isActive ? 'wrong_password' : 'inactive') : 'unknown_email',
        },
      }),
    );
    throw new DomainError('invalid_credentials');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(Date.now() + input.ttlHours * 3_600_000),
      ipAddress: audit.ipAddress,
      userAgent: input.userAgent?.slice(0, 300),
    });
    await appendAuditEntry(
      tx,
      { ...audit, actorType: 'staff', actorId: user.id, actorLabel: user.email },
      {
        action: 'auth.sign_in',
        resourceType: 'session',
      },
    );
  });
  return { token, csrfToken, user };
}

export async function findSession(db: Database, token: string) {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: staffUsers })
    .from(sessions)
    .innerJoin(staffUsers, eq(staffUsers.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, new Date()),
        eq(staffUsers.isActive, true),
      ),
    );
  if (!row) return null;
  const { id, email, displayName, roles, team, isActive, createdAt } = row.user;
  return {
    tokenHash,
    csrfToken: row.session.csrfToken,
    user: { id, email, displayName, roles, team, isActive, createdAt },
  };
}

export async function signOut(db: Database, audit: AuditContext, tokenHash: string) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    await appendAuditEntry(tx, audit, { action: 'auth.sign_out', resourceType: 'session' });
  });
}
