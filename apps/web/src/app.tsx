import { operationRoles } from '@cims/api-client';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { AccessPoliciesPage } from './features/access/access-policies-page';
import { APPROVAL_POLICY_READ_ROLES } from './features/approvals/approval-roles';
import { AuditLogPage } from './features/audit/audit-log-page';
import { RequireRoles } from './features/auth/require-roles';
import { RequireSession } from './features/auth/require-session';
import {
  ACCESS_POLICY_READ_ROLES,
  AUDIT_LOG_ROLES,
  CAMPAIGN_EDIT_ROLES,
  CAMPAIGN_ROLES,
  CUSTOMER_CREATE_ROLES,
  DASHBOARD_ROLES,
  DATA_QUALITY_ROLES,
  DUPLICATE_REVIEW_ROLES,
  IMPORT_ROLES,
  SEGMENT_EDIT_ROLES,
  SEGMENT_ROLES,
  TAG_ROLES,
  TASK_ROLES,
  TRIGGER_EDIT_ROLES,
  TRIGGER_ROLES,
  type TStaffRole,
  VALUE_TIER_ROLES,
  WORK_ORDER_ROLES,
  WORK_ORDER_SETTINGS_ROLES,
  WORK_ORDER_STATS_ROLES,
} from './features/auth/roles';
import { SignInPage } from './features/auth/sign-in-page';
import { CustomerDetailPage } from './features/customers/customer-detail-page';
import { CustomerListPage } from './features/customers/customer-list-page';
import { AppShell } from './features/shell/app-shell';
import { NotFoundPage } from './features/shell/not-found-page';
import { createQueryClient } from './lib/query-client';

/**
 * A page loaded on first use and shown only to the roles that may use it. The create and edit pages
 * keep react-hook-form out of the start; the data-quality pages are work most sessions never open.
 */
function lazyPage(roles: readonly TStaffRole[] | null, load: () => Promise<ComponentType>) {
  return async () => {
    const Page = await load();
    return {
      Component: () =>
        roles ? (
          <RequireRoles roles={roles}>
            <Page />
          </RequireRoles>
        ) : (
          <Page />
        ),
    };
  };
}

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <CustomerListPage /> },
      { path: 'customers', element: <CustomerListPage /> },
      {
        path: 'dashboard',
        lazy: lazyPage(
          DASHBOARD_ROLES,
          async () => (await import('./features/dashboard/dashboard-page')).DashboardPage,
        ),
      },
      {
        path: 'customers/new',
        lazy: lazyPage(
          CUSTOMER_CREATE_ROLES,
          async () => (await import('./features/customers/customer-create-page')).CustomerCreatePage,
        ),
      },
      { path: 'customers/:customerId', element: <CustomerDetailPage /> },
      {
        path: 'customers/:customerId/edit',
        lazy: lazyPage(
          null,
          async () => (await import('./features/customers/customer-edit-page')).CustomerEditPage,
        ),
      },
      {
        path: 'imports',
        lazy: lazyPage(
          IMPORT_ROLES,
          async () => (await import('./features/imports/imports-page')).ImportsPage,
        ),
      },
      {
        path: 'imports/:importId',
        lazy: lazyPage(
          IMPORT_ROLES,
          async () => (await import('./features/imports/import-detail-page')).ImportDetailPage,
        ),
      },
      {
        path: 'duplicates',
        lazy: lazyPage(
          DUPLICATE_REVIEW_ROLES,
          async () => (await import('./features/duplicates/duplicate-queue-page')).DuplicateQueuePage,
        ),
      },
      {
        path: 'duplicates/merges',
        lazy: lazyPage(
          DUPLICATE_REVIEW_ROLES,
          async () => (await import('./features/duplicates/merge-history-page')).MergeHistoryPage,
        ),
      },
      {
        path: 'duplicates/:candidateId',
        lazy: lazyPage(
          DUPLICATE_REVIEW_ROLES,
          async () => (await import('./features/duplicates/duplicate-compare-page')).DuplicateComparePage,
        ),
      },
      {
        path: 'data-quality',
        lazy: lazyPage(
          DATA_QUALITY_ROLES,
          async () => (await import('./features/data-quality/data-quality-page')).DataQualityPage,
        ),
      },
      {
        path: 'segments',
        lazy: lazyPage(
          SEGMENT_ROLES,
          async () => (await import('./features/segments/segments-page')).SegmentsPage,
        ),
      },
      {
        path: 'segments/new',
        lazy: lazyPage(
          SEGMENT_EDIT_ROLES,
          async () => (await import('./features/segments/segment-form')).SegmentCreatePage,
        ),
      },
      {
        path: 'segments/:segmentId',
        lazy: lazyPage(
          SEGMENT_ROLES,
          async () => (await import('./features/segments/segment-page')).SegmentPage,
        ),
      },
      {
        path: 'segments/:segmentId/edit',
        lazy: lazyPage(
          SEGMENT_EDIT_ROLES,
          async () => (await import('./features/segments/segment-form')).SegmentEditPage,
        ),
      },
      {
        path: 'campaigns',
        lazy: lazyPage(
          CAMPAIGN_ROLES,
          async () => (await import('./features/campaigns/campaigns-page')).CampaignsPage,
        ),
      },
      {
        path: 'campaigns/new',
        lazy: lazyPage(
          CAMPAIGN_EDIT_ROLES,
          async () => (await import('./features/campaigns/campaign-form')).CampaignCreatePage,
        ),
      },
      {
        path: 'campaigns/:campaignId',
        lazy: lazyPage(
          CAMPAIGN_ROLES,
          async () => (await import('./features/campaigns/campaign-page')).CampaignPage,
        ),
      },
      {
        path: 'campaigns/:campaignId/edit',
        lazy: lazyPage(
          CAMPAIGN_EDIT_ROLES,
          async () => (await import('./features/campaigns/campaign-form')).CampaignEditPage,
        ),
      },
      {
        path: 'value-tiers',
        lazy: lazyPage(
          VALUE_TIER_ROLES,
          async () => (await import('./features/value-tiers/value-tiers-page')).ValueTiersPage,
        ),
      },
      {
        path: 'triggers',
        lazy: lazyPage(
          TRIGGER_ROLES,
          async () => (await import('./features/triggers/triggers-page')).TriggersPage,
        ),
      },
      {
        path: 'triggers/new',
        lazy: lazyPage(
          TRIGGER_EDIT_ROLES,
          async () => (await import('./features/triggers/trigger-form')).TriggerCreatePage,
        ),
      },
      {
        path: 'triggers/:triggerId',
        lazy: lazyPage(
          TRIGGER_ROLES,
          async () => (await import('./features/triggers/trigger-page')).TriggerPage,
        ),
      },
      {
        path: 'triggers/:triggerId/edit',
        lazy: lazyPage(
          TRIGGER_EDIT_ROLES,
          async () => (await import('./features/triggers/trigger-form')).TriggerEditPage,
        ),
      },
      {
        path: 'tasks',
        lazy: lazyPage(TASK_ROLES, async () => (await import('./features/tasks/tasks-page')).TasksPage),
      },
      {
        path: 'exports',
        lazy: lazyPage(
          operationRoles.listExports,
          async () => (await import('./features/exports/exports-page')).ExportsPage,
        ),
      },
      {
        path: 'tags',
        lazy: lazyPage(TAG_ROLES, async () => (await import('./features/tags/tags-page')).TagsPage),
      },
      {
        path: 'work-orders',
        lazy: lazyPage(
          WORK_ORDER_ROLES,
          async () => (await import('./features/work-orders/work-orders-page')).WorkOrdersPage,
        ),
      },
      {
        path: 'work-orders/stats',
        lazy: lazyPage(
          WORK_ORDER_STATS_ROLES,
          async () => (await import('./features/work-orders/work-order-stats-page')).WorkOrderStatsPage,
        ),
      },
      {
        path: 'work-orders/settings',
        lazy: lazyPage(
          WORK_ORDER_SETTINGS_ROLES,
          async () => (await import('./features/work-orders/work-order-settings-page')).WorkOrderSettingsPage,
        ),
      },
      {
        path: 'work-orders/:workOrderId',
        lazy: lazyPage(
          WORK_ORDER_ROLES,
          async () => (await import('./features/work-orders/work-order-page')).WorkOrderPage,
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireRoles roles={AUDIT_LOG_ROLES}>
            <AuditLogPage />
          </RequireRoles>
        ),
      },
      {
        path: 'access-policies',
        element: (
          <RequireRoles roles={ACCESS_POLICY_READ_ROLES}>
            <AccessPoliciesPage />
          </RequireRoles>
        ),
      },
      {
        path: 'users',
        lazy: lazyPage(
          ACCESS_POLICY_READ_ROLES,
          async () => (await import('./features/users/users-page')).UsersPage,
        ),
      },
      {
        path: 'approvals',
        lazy: lazyPage(null, async () => (await import('./features/approvals/approvals-page')).ApprovalsPage),
      },
      {
        path: 'approvals/policies',
        lazy: lazyPage(
          APPROVAL_POLICY_READ_ROLES,
          async () => (await import('./features/approvals/approval-policies-page')).ApprovalPoliciesPage,
        ),
      },
      {
        path: 'approvals/:approvalId',
        lazy: lazyPage(null, async () => (await import('./features/approvals/approvals-page')).ApprovalPage),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
