import { type components, type OperationId, operationRoles, type User } from '@cims/api-client';
import { useSession } from './queries';

export type TStaffRole = components['schemas']['StaffRole'];

/*
 * Who may open which page: the `x-roles` of the operation each page needs, generated from the contract
 * (operationRoles). The API enforces them; the SPA only uses them to avoid offering links and controls
 * that would end in a 403.
 */
export const AUDIT_LOG_ROLES: readonly TStaffRole[] = operationRoles.listAuditEntries;
export const ACCESS_POLICY_READ_ROLES: readonly TStaffRole[] = operationRoles.listAccessPolicies;
export const ACCESS_POLICY_EDIT_ROLES: readonly TStaffRole[] = operationRoles.updateAccessPolicy;
export const CUSTOMER_CREATE_ROLES: readonly TStaffRole[] = operationRoles.createCustomer;
export const IMPORT_ROLES: readonly TStaffRole[] = operationRoles.uploadImport;
export const DUPLICATE_REVIEW_ROLES: readonly TStaffRole[] = operationRoles.listDuplicateCandidates;
/** The dashboard's customer charts; its other cards need subsets of these roles. */
export const DASHBOARD_ROLES: readonly TStaffRole[] = operationRoles.getDashboardChart;
export const DATA_QUALITY_ROLES: readonly TStaffRole[] = operationRoles.getDataQualitySummary;
export const TASK_ROLES: readonly TStaffRole[] = operationRoles.listTasks;
export const TAG_ROLES: readonly TStaffRole[] = operationRoles.listTags;
export const SEGMENT_ROLES: readonly TStaffRole[] = operationRoles.listSegments;
export const CAMPAIGN_ROLES: readonly TStaffRole[] = operationRoles.listCampaigns;
export const CAMPAIGN_EDIT_ROLES: readonly TStaffRole[] = operationRoles.createCampaign;
export const SEGMENT_EDIT_ROLES: readonly TStaffRole[] = operationRoles.createSegment;
export const TRIGGER_ROLES: readonly TStaffRole[] = operationRoles.listTriggers;
export const TRIGGER_EDIT_ROLES: readonly TStaffRole[] = operationRoles.createTrigger;
export const VALUE_TIER_ROLES: readonly TStaffRole[] = operationRoles.getValueTierSettings;
export const WORK_ORDER_ROLES: readonly TStaffRole[] = operationRoles.listWorkOrders;
export const WORK_ORDER_STATS_ROLES: readonly TStaffRole[] = operationRoles.getWorkOrderStats;
/** The settings page edits; reading alone (the queues) is also open to service staff. */
export const WORK_ORDER_SETTINGS_ROLES: readonly TStaffRole[] = operationRoles.updateWorkOrderSettings;

export function hasAnyRole(
  user: Pick<User, 'roles'> | null | undefined,
  roles: readonly TStaffRole[],
): boolean {
  return user ? user.roles.some((role) => roles.includes(role)) : false;
}

/** Whether the signed-in user's roles allow an operation (per the contract), to offer or hide its control. */
export function useCanCall(operation: OperationId): boolean {
  const session = useSession();
  return hasAnyRole(session.data?.user, operationRoles[operation]);
}
