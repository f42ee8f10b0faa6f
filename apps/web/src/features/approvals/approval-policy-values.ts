import type { TStaffRole } from '../auth/roles';
import type { TApprovalPolicy, TApprovalPolicyUpdate } from './queries';

/*
 * The approval policy form edits text boxes (numbers as typed) and turns them into the update the API
 * takes. The row threshold means something only for exports and the requester roles only for reveals, so
 * the update carries each only for its kind; the API keeps what it has for the others.
 */

export const EXPIRY_HOURS = { min: 1, max: 720 } as const;

export type TApprovalPolicyFormValues = {
  isEnabled: boolean;
  approverRole: TStaffRole;
  expiresAfterHours: string;
  rowThreshold: string;
  requesterRoles: TStaffRole[];
};

export function policyFormValuesOf(policy: TApprovalPolicy): TApprovalPolicyFormValues {
  return {
    isEnabled: policy.isEnabled,
    approverRole: policy.approverRole,
    expiresAfterHours: String(policy.expiresAfterHours),
    rowThreshold: policy.rowThreshold === null ? '' : String(policy.rowThreshold),
    requesterRoles: [...policy.requesterRoles],
  };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

export type TPolicyProblem = 'required' | 'wholeNumber' | 'expiryRange' | 'thresholdMin' | 'noRequesterRoles';

/** What is wrong with the expiry box, if anything. */
export function expiryProblemOf(text: string): TPolicyProblem | null {
  if (text.trim() === '') return 'required';
  const hours = wholeNumber(text);
  if (hours === null) return 'wholeNumber';
  return hours < EXPIRY_HOURS.min || hours > EXPIRY_HOURS.max ? 'expiryRange' : null;
}

/** An export policy needs its threshold: "more rows than this" has no meaning without one. */
export function thresholdProblemOf(text: string): TPolicyProblem | null {
  if (text.trim() === '') return 'required';
  const rows = wholeNumber(text);
  if (rows === null) return 'wholeNumber';
  return rows < 1 ? 'thresholdMin' : null;
}

/** A reveal policy switched on for no role would hold nothing; say so instead of saving a no-op. */
export function requesterRolesProblemOf(
  kind: TApprovalPolicy['kind'],
  values: Pick<TApprovalPolicyFormValues, 'isEnabled' | 'requesterRoles'>,
): TPolicyProblem | null {
  return kind === 'reveal' && values.isEnabled && values.requesterRoles.length === 0
    ? 'noRequesterRoles'
    : null;
}

/** The update for valid form values (the form checks them first with the functions above). */
export function policyUpdateOf(
  kind: TApprovalPolicy['kind'],
  values: TApprovalPolicyFormValues,
): TApprovalPolicyUpdate {
  return {
    isEnabled: values.isEnabled,
    approverRole: values.approverRole,
    expiresAfterHours: Number(values.expiresAfterHours.trim()),
    ...(kind === 'export' ? { rowThreshold: Number(values.rowThreshold.trim()) } : {}),
    ...(kind === 'reveal' ? { requesterRoles: [...new Set(values.requesterRoles)] } : {}),
  };
}
