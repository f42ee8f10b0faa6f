/**
 * Field-level security and data scope, per role. The defaults follow the least-privilege reading of the
 * roles: service staff help customers who call in, so they see names and history but not identity
 * documents; marketing works with segments, not with individual contact details; compliance and auditors
 * see everything they must check, masked until they state a reason to reveal. Admins can change every
 * role's policy (access_policies table); a role without a stored policy uses these.
 */
import type { components } from '@cims/api-client';
import type { TStaffRole } from '@cims/schemas';

export type FieldAccess = components['schemas']['FieldAccess'];
export type SensitiveField = components['schemas']['SensitiveField'];
export type FieldAccessMap = components['schemas']['FieldAccessMap'];
export type DataScope = components['schemas']['DataScope'];
export type AccessPolicy = components['schemas']['AccessPolicy'];
export type PolicySettings = Omit<AccessPolicy, 'role'>;

export const sensitiveFields: SensitiveField[] = [
  'residentIdNumber',
  'otherIdNumber',
  'birthDate',
  'phone',
  'email',
  'wechat',
  'addressDetail',
];

// Identity documents share one default: a passport number is as sensitive as a resident ID.
const fields = (
  residentIdNumber: FieldAccess,
  birthDate: FieldAccess,
  phone: FieldAccess,
  email: FieldAccess,
  wechat: FieldAccess,
  addressDetail: FieldAccess,
): FieldAccessMap => ({
  residentIdNumber,
  otherIdNumber: residentIdNumber,
  birthDate,
  phone,
  email,
  wechat,
  addressDetail,
});

export const defaultPolicies: Record<TStaffRole, PolicySettings> = {
  admin: {
    dataScope: 'all',
    fieldAccess: fields('masked', 'visible', 'visible', 'visible', 'visible', 'visible'),
    canReveal: true,
  },
  sales: {
    dataScope: 'own_or_team',
    fieldAccess: fields('masked', 'masked', 'visible', 'visible', 'visible', 'visible'),
    canReveal: false,
  },
  service: {
    dataScope: 'assigned_work_orders',
    fieldAccess: fields('masked', 'hidden', 'masked', 'masked', 'masked', 'visible'),
    canReveal: false,
  },
  marketing: {
    dataScope: 'all',
    fieldAccess: fields('hidden', 'masked', 'masked', 'masked', 'masked', 'hidden'),
    canReveal: false,
  },
  compliance: {
    dataScope: 'all',
    fieldAccess: fields('masked', 'masked', 'masked', 'masked', 'masked', 'masked'),
    canReveal: true,
  },
  auditor: {
    dataScope: 'all',
    fieldAccess: fields('masked', 'masked', 'masked', 'masked', 'masked', 'masked'),
    canReveal: false,
  },
};

/** Partner systems read what their integration needs, but never identity documents in the clear. */
export const partnerPolicy: PolicySettings = {
  dataScope: 'all',
  fieldAccess: fields('masked', 'masked', 'visible', 'visible', 'visible', 'visible'),
  canReveal: false,
};

const openness: Record<FieldAccess, number> = { hidden: 0, masked: 1, visible: 2 };

/**
 * Several roles give the union of their data scopes (`dataScopes`, ORed by customerScope), so a sales and
 * service user keeps both their own customers and the ones their work orders bring.
 */
export interface CombinedPolicy extends Omit<PolicySettings, 'dataScope'> {
  dataScopes: DataScope[];
}

/** A user with several roles gets, field by field, the most open access any of them grants. */
export function combinePolicies(policies: PolicySettings[]): CombinedPolicy {
  const fieldAccess = fields('hidden', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden');
  for (const policy of policies) {
    for (const field of sensitiveFields) {
      if (openness[policy.fieldAccess[field]] > openness[fieldAccess[field]])
        fieldAccess[field] = policy.fieldAccess[field];
    }
  }
  return {
    dataScopes: [...new Set(policies.map((p) => p.dataScope))],
    fieldAccess,
    canReveal: policies.some((p) => p.canReveal),
  };
}

/** Who is looking, and what they may see. */
export interface Viewer extends CombinedPolicy {
  userId: string | null;
  team: string | null;
  /** The work-order queues the user belongs to (read only for the `assigned_work_orders` scope). */
  queueIds: string[];
  /** The staff user's roles (none for partners and the system): approval policies name roles. */
  roles: TStaffRole[];
}

/** The viewer one role's policy makes of a user (or of nobody in particular). */
export function viewerOf(
  { dataScope, ...policy }: PolicySettings,
  who: Pick<Viewer, 'userId' | 'team'> & { queueIds?: string[]; roles?: TStaffRole[] },
): Viewer {
  return {
    ...policy,
    dataScopes: [dataScope],
    userId: who.userId,
    team: who.team,
    queueIds: who.queueIds ?? [],
    roles: who.roles ?? [],
  };
}

/** The system itself (scheduled jobs): the whole base in scope; it shows nothing to anyone. */
export const systemViewer: Viewer = {
  dataScopes: ['all'],
  fieldAccess: fields('hidden', 'hidden', 'hidden', 'hidden', 'hidden', 'hidden'),
  canReveal: false,
  userId: null,
  team: null,
  queueIds: [],
  roles: [],
};

export function hasAllScope(viewer: Pick<Viewer, 'dataScopes'>): boolean {
  return viewer.dataScopes.includes('all');
}

/**
 * Whether the viewer may name customers' owners: not someone who sees customers only through work orders
 * (service staff), or they could take any customer a work order shows them, and keep it.
 */
export function canAssignOwners(viewer: Pick<Viewer, 'dataScopes'>): boolean {
  return viewer.dataScopes.some((scope) => scope !== 'assigned_work_orders');
}
