import { operationRoles } from '@cims/api-client';
import type { TStaffRole } from '../auth/roles';

/*
 * Who sees which part of the approvals area. The policies follow their operations' `x-roles`. The `all`
 * view is open by contract to "approvers, compliance and auditors"; any role can be made an approver, so
 * the SPA offers the tab only to the roles that oversee approvals as such and leaves the rest to the
 * to-decide and my-requests views.
 */
export const APPROVAL_ALL_VIEW_ROLES: readonly TStaffRole[] = ['admin', 'compliance', 'auditor'];
export const APPROVAL_POLICY_READ_ROLES: readonly TStaffRole[] = operationRoles.listApprovalPolicies;
export const APPROVAL_POLICY_EDIT_ROLES: readonly TStaffRole[] = operationRoles.updateApprovalPolicy;
