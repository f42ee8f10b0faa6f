import type { TStaffRole } from '@cims/schemas';
import { systemAuditContext } from '../../modules/audit/service';
import { createUser } from '../../modules/users/service';
import type { Database } from '../client';

export const demoPassword = 'CimsDemo#2026';

const demoStaff: { email: string; displayName: string; roles: TStaffRole[]; team?: string }[] = [
  { email: 'admin@demo.cims', displayName: '系统管理员', roles: ['admin'] },
  { email: 'sales1@demo.cims', displayName: '销售·王磊', roles: ['sales'], team: '华南销售部' },
  { email: 'sales2@demo.cims', displayName: '销售·李娜', roles: ['sales'], team: '华南销售部' },
  { email: 'sales3@demo.cims', displayName: '销售·陈杰', roles: ['sales'], team: '华北销售部' },
  { email: 'service@demo.cims', displayName: '客服·赵敏', roles: ['service'] },
  { email: 'marketing@demo.cims', displayName: '市场·孙悦', roles: ['marketing'] },
  { email: 'compliance@demo.cims', displayName: '合规·周正', roles: ['compliance'] },
  { email: 'auditor@demo.cims', displayName: '审计·吴清', roles: ['auditor'] },
];

/**
 * One staff user per role (three in sales, in two teams, so that data scope shows), all with the demo
 * password. Returns them by email.
 */
export async function seedStaffUsers(db: Database) {
  const users = await Promise.all(
    demoStaff.map((staff) =>
      createUser(db, systemAuditContext('demo seed'), { ...staff, password: demoPassword }),
    ),
  );
  return new Map(users.map((user) => [user.email, user]));
}
