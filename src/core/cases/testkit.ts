import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import { verifyAudit } from '../audit/chain';
import { ADMIN, ORG, tempDir } from '../testing/fixtures';
import { createVault, VaultSession, type SessionUser } from '../vault/vault';

/**
 * For tests: one real encrypted vault, and sessions for several users over its connection.
 * Users are inserted as rows rather than added with key slots, since a slot costs an Argon2
 * derivation and access control depends only on the user row and its roles.
 */
export interface CaseVault {
  admin: VaultSession;
  addUser(name: string, roles: Role[]): SessionUser;
  as(user: SessionUser): VaultSession;
  auditActions(subject?: string): { action: string; subject: string; actor: string; detail: Record<string, unknown> }[];
  auditIntact(): boolean;
  dir: string;
  close(): void;
}

export async function openCaseVault(now?: () => Date): Promise<CaseVault> {
  const { dir, cleanup } = tempDir('sauga-cases-');
  const { session: admin } = await createVault(
    { dir, orgName: ORG, userName: ADMIN.name, passphrase: ADMIN.passphrase },
    now ? { now } : {},
  );
  return {
    admin,
    dir,
    addUser(name, roles) {
      const user: SessionUser = { id: randomUUID(), name, roles };
      admin.db
        .prepare('INSERT INTO users (id, name, roles, slot_id, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(user.id, name, JSON.stringify(roles), `test-slot-${user.id}`, new Date().toISOString());
      return user;
    },
    as(user) {
      const dek = admin.withDek((d) => Buffer.from(d));
      return new VaultSession(
        admin.paths,
        admin.vaultId,
        admin.db,
        dek,
        Buffer.from(admin.auditKeyForVerification()),
        user,
        admin.options,
      );
    },
    auditActions(subject) {
      const rows = admin.db
        .prepare(
          `SELECT action, subject, actor, detail FROM audit_log ${subject ? 'WHERE subject = ?' : ''} ORDER BY seq`,
        )
        .all(...(subject ? [subject] : [])) as { action: string; subject: string; actor: string; detail: string }[];
      return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
    },
    auditIntact() {
      return verifyAudit(admin.db, admin.auditKeyForVerification()).ok;
    },
    close() {
      admin.lock();
      cleanup();
    },
  };
}
