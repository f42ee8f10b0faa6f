import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { RequireSession } from './features/auth/require-session';
import { SignInPage } from './features/auth/sign-in-page';
import { CustomerCreatePage } from './features/customers/customer-create-page';
import { CustomerDetailPage } from './features/customers/customer-detail-page';
import { CustomerEditPage } from './features/customers/customer-edit-page';
import { CustomerListPage } from './features/customers/customer-list-page';
import { AppShell } from './features/shell/app-shell';
import { NotFoundPage } from './features/shell/not-found-page';
import { createQueryClient } from './lib/query-client';

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
      { path: 'customers/new', element: <CustomerCreatePage /> },
      { path: 'customers/:customerId', element: <CustomerDetailPage /> },
      { path: 'customers/:customerId/edit', element: <CustomerEditPage /> },
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
