import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { AccessPoliciesPage } from './features/access/access-policies-page';
import { AuditLogPage } from './features/audit/audit-log-page';
import { RequireRoles } from './features/auth/require-roles';
import { RequireSession } from './features/auth/require-session';
import { ACCESS_POLICY_READ_ROLES, AUDIT_LOG_ROLES, CUSTOMER_CREATE_ROLES } from './features/auth/roles';
import { SignInPage } from './features/auth/sign-in-page';
import { CustomerDetailPage } from './features/customers/customer-detail-page';
import { CustomerListPage } from './features/customers/customer-list-page';
import { AppShell } from './features/shell/app-shell';
import { NotFoundPage } from './features/shell/not-found-page';
import { createQueryClient } from './lib/query-client';

// The create and edit pages load on first use. The shared zod schemas arrive with the list page anyway
// (its option lists come from them), so the split saves little; it keeps react-hook-form out of the start.
const loadCreatePage = async () => {
  const { CustomerCreatePage } = await import('./features/customers/customer-create-page');
  return {
    Component: () => (
      <RequireRoles roles={CUSTOMER_CREATE_ROLES}>
        <CustomerCreatePage />
      </RequireRoles>
    ),
  };
};
const loadEditPage = async () => ({
  Component: (await import('./features/customers/customer-edit-page')).CustomerEditPage,
});

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
      { path: 'customers/new', lazy: loadCreatePage },
      { path: 'customers/:customerId', element: <CustomerDetailPage /> },
      { path: 'customers/:customerId/edit', lazy: loadEditPage },
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
