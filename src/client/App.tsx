import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { NotFound } from './components/results.tsx';
import { FullPageSpin, RequireAuth, RequirePermission } from './features/auth/RequireAuth.tsx';

const LoginPage = lazy(() => import('./features/auth/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('./features/auth/ChangePasswordPage.tsx'));
const AppLayout = lazy(() => import('./features/layout/AppLayout.tsx'));
const HomePage = lazy(() => import('./features/home/HomePage.tsx'));
const UsersPage = lazy(() => import('./features/users/UsersPage.tsx'));
const RolesPage = lazy(() => import('./features/roles/RolesPage.tsx'));
const DepartmentsPage = lazy(() => import('./features/departments/DepartmentsPage.tsx'));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage.tsx'));
const CalendarPage = lazy(() => import('./features/calendar/CalendarPage.tsx'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.tsx'));
const ProfilePage = lazy(() => import('./features/profile/ProfilePage.tsx'));
const ApiTokensPage = lazy(() => import('./features/profile/ApiTokensPage.tsx'));

function guarded(permission: string, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

/** Routes: /login, /change-password, and the signed-in shell with the workbench and 系统管理 pages. */
export function AppRoutes() {
  return (
    <BrowserRouter>
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireAuth>
                <Outlet />
              </RequireAuth>
            }
          >
            <Route path="/change-password" element={<ChangePasswordPage />} />
            <Route element={<AppLayout />}>
              <Route index element={<HomePage />} />
              <Route path="admin/users" element={guarded('user.read', <UsersPage />)} />
              <Route path="admin/roles" element={guarded('role.read', <RolesPage />)} />
              <Route path="admin/departments" element={guarded('department.read', <DepartmentsPage />)} />
              <Route path="admin/settings" element={guarded('settings.read', <SettingsPage />)} />
              <Route path="admin/calendar" element={guarded('calendar.read', <CalendarPage />)} />
              <Route path="admin/audit" element={guarded('audit.read', <AuditPage />)} />
              <Route path="profile" element={<ProfilePage />} />
              <Route path="profile/api-tokens" element={guarded('api_token.use', <ApiTokensPage />)} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
