import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { FullPageSpin } from './components/FullPageSpin.tsx';

// Every page is its own chunk; so is the signed-in guard, which the sign-in page and the portal never need.
const loadGuard = () => import('./features/auth/RequireAuth.tsx');
const loadLogin = () => import('./features/auth/LoginPage.tsx');
const loadLayout = () => import('./features/layout/AppLayout.tsx');
const loadPortal = () => import('./portal/PortalApp.tsx');
const RequireAuth = lazy(() => loadGuard().then((m) => ({ default: m.RequireAuth })));
const RequirePermission = lazy(() => loadGuard().then((m) => ({ default: m.RequirePermission })));
const NotFound = lazy(() => import('./components/results.tsx').then((m) => ({ default: m.NotFound })));
const LoginPage = lazy(loadLogin);
const ChangePasswordPage = lazy(() => import('./features/auth/ChangePasswordPage.tsx'));
const AppLayout = lazy(loadLayout);
const HomePage = lazy(() => import('./features/home/HomePage.tsx'));
const UsersPage = lazy(() => import('./features/users/UsersPage.tsx'));
const RolesPage = lazy(() => import('./features/roles/RolesPage.tsx'));
const DepartmentsPage = lazy(() => import('./features/departments/DepartmentsPage.tsx'));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage.tsx'));
const CalendarPage = lazy(() => import('./features/calendar/CalendarPage.tsx'));
const AuditPage = lazy(() => import('./features/audit/AuditPage.tsx'));
const ProfilePage = lazy(() => import('./features/profile/ProfilePage.tsx'));
const ApiTokensPage = lazy(() => import('./features/profile/ApiTokensPage.tsx'));
const TicketTypesPage = lazy(() => import('./features/ticket-config/TicketTypesPage.tsx'));
const SlaPage = lazy(() => import('./features/ticket-config/SlaPage.tsx'));
const AssignmentPage = lazy(() => import('./features/assignment/AssignmentPage.tsx'));
const CannedResponsesPage = lazy(() => import('./features/ticket-config/CannedResponsesPage.tsx'));
const MessageTemplatesPage = lazy(() => import('./features/notifications/MessageTemplatesPage.tsx'));
const MailboxesPage = lazy(() => import('./features/email/MailboxesPage.tsx'));
const KbListPage = lazy(() => import('./features/knowledge/KbListPage.tsx'));
const KbArticlePage = lazy(() => import('./features/knowledge/KbArticlePage.tsx'));
const KbCategoriesPage = lazy(() => import('./features/knowledge/KbCategoriesPage.tsx'));
const TicketsPage = lazy(() => import('./features/tickets/TicketsPage.tsx'));
const TicketPage = lazy(() => import('./features/tickets/TicketPage.tsx'));
const NewTicketPage = lazy(() => import('./features/tickets/NewTicketPage.tsx'));
const CustomersPage = lazy(() => import('./features/customers/CustomersPage.tsx'));
const CustomerPage = lazy(() => import('./features/customers/CustomerPage.tsx'));
const CustomerSettingsPage = lazy(() => import('./features/customers/CustomerSettingsPage.tsx'));
const ImportPage = lazy(() => import('./features/customers/ImportPage.tsx'));
const KeyAccountsPage = lazy(() => import('./features/key-accounts/KeyAccountsPage.tsx'));
const CarePage = lazy(() => import('./features/care/CarePage.tsx'));
const ApprovalsPage = lazy(() => import('./features/approvals/ApprovalsPage.tsx'));
const ApprovalPage = lazy(() => import('./features/approvals/ApprovalPage.tsx'));
const ApprovalRoutesPage = lazy(() => import('./features/approvals/ApprovalRoutesPage.tsx'));
const ApplicationsPage = lazy(() => import('./features/customer-applications/ApplicationsPage.tsx'));
const ApplicationPage = lazy(() => import('./features/customer-applications/ApplicationPage.tsx'));
const ComplaintsPage = lazy(() => import('./features/complaints/ComplaintsPage.tsx'));
const ComplaintPage = lazy(() => import('./features/complaints/ComplaintPage.tsx'));
const CapaBoardPage = lazy(() => import('./features/capas/CapaBoardPage.tsx'));
const CapaPage = lazy(() => import('./features/capas/CapaPage.tsx'));
const ReturnsPage = lazy(() => import('./features/returns/ReturnsPage.tsx'));
const ReturnPage = lazy(() => import('./features/returns/ReturnPage.tsx'));
const ComplaintSettingsPage = lazy(() => import('./features/complaints/ComplaintSettingsPage.tsx'));
const ComplaintAnalysisPage = lazy(() => import('./features/complaint-analysis/ComplaintAnalysisPage.tsx'));
const CallsPage = lazy(() => import('./features/calls/CallsPage.tsx'));
const PortalApp = lazy(loadPortal);
const PublicRequestApp = lazy(() => import('./portal/PublicRequestApp.tsx'));

/**
 * Starts downloading the shell of the page being opened while the language pack loads, instead of
 * after it: the sign-in page, the portal, or the signed-in guard and layout.
 */
export function preloadShell(pathname: string): void {
  const quiet = (load: () => Promise<unknown>) => void load().catch(() => {});
  if (pathname === '/login') quiet(loadLogin);
  else if (pathname.startsWith('/portal')) quiet(loadPortal);
  else if (pathname !== '/request') {
    quiet(loadGuard);
    quiet(loadLayout);
  }
}

function guarded(permission: string | string[], page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

/** 新客户申请: applicants and approvers (the server scopes what each sees). */
const ADMISSION = ['admission.apply', 'admission.approve'];

/** Routes: /login, /change-password, and the signed-in shell with the workbench and 系统管理 pages. */
export function AppRoutes() {
  return (
    <BrowserRouter>
      <Suspense fallback={<FullPageSpin />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/portal/*" element={<PortalApp />} />
          <Route path="/request" element={<PublicRequestApp />} />
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
              <Route path="tickets" element={guarded('ticket.read', <TicketsPage />)} />
              <Route path="tickets/new" element={guarded('ticket.create', <NewTicketPage />)} />
              <Route path="tickets/:id" element={guarded('ticket.read', <TicketPage />)} />
              <Route path="customers" element={guarded('customer.read', <CustomersPage />)} />
              <Route path="customers/import" element={guarded('customer.import', <ImportPage />)} />
              <Route path="customers/:id" element={guarded('customer.read', <CustomerPage />)} />
              <Route path="key-accounts" element={guarded('customer.read', <KeyAccountsPage />)} />
              <Route path="care" element={guarded('customer.read', <CarePage />)} />
              <Route path="approvals" element={<ApprovalsPage />} />
              <Route path="approvals/:id" element={<ApprovalPage />} />
              <Route path="admission" element={guarded(ADMISSION, <ApplicationsPage />)} />
              <Route path="admission/new" element={guarded('admission.apply', <ApplicationPage />)} />
              <Route path="admission/:id" element={<ApplicationPage />} />
              <Route path="complaints" element={guarded('complaint.read', <ComplaintsPage />)} />
              <Route path="complaints/:id" element={guarded('complaint.read', <ComplaintPage />)} />
              <Route path="capas" element={guarded('capa.read', <CapaBoardPage />)} />
              <Route path="capas/:id" element={guarded('capa.read', <CapaPage />)} />
              <Route path="returns" element={guarded('return.read', <ReturnsPage />)} />
              <Route path="returns/:id" element={guarded('return.read', <ReturnPage />)} />
              <Route
                path="complaint-analysis"
                element={guarded('complaint.read', <ComplaintAnalysisPage />)}
              />
              <Route path="calls" element={guarded('call.read', <CallsPage />)} />
              <Route path="admin/users" element={guarded('user.read', <UsersPage />)} />
              <Route path="admin/roles" element={guarded('role.read', <RolesPage />)} />
              <Route path="admin/departments" element={guarded('department.read', <DepartmentsPage />)} />
              <Route path="admin/settings" element={guarded('settings.read', <SettingsPage />)} />
              <Route path="admin/calendar" element={guarded('calendar.read', <CalendarPage />)} />
              <Route path="admin/audit" element={guarded('audit.read', <AuditPage />)} />
              <Route path="admin/ticket-types" element={guarded('ticket.read', <TicketTypesPage />)} />
              <Route path="admin/sla" element={guarded('ticket.read', <SlaPage />)} />
              <Route path="admin/assignment" element={guarded('ticket.read', <AssignmentPage />)} />
              <Route
                path="admin/canned-responses"
                element={guarded('ticket.update', <CannedResponsesPage />)}
              />
              <Route path="admin/mailboxes" element={guarded('mailbox.manage', <MailboxesPage />)} />
              <Route path="admin/templates" element={guarded('settings.read', <MessageTemplatesPage />)} />
              <Route
                path="admin/customer-settings"
                element={guarded('settings.read', <CustomerSettingsPage />)}
              />
              <Route
                path="admin/complaint-settings"
                element={guarded('settings.read', <ComplaintSettingsPage />)}
              />
              <Route
                path="admin/approval-routes"
                element={guarded('settings.read', <ApprovalRoutesPage />)}
              />
              <Route path="kb" element={guarded('kb.read', <KbListPage />)} />
              <Route path="kb/categories" element={guarded('kb.read', <KbCategoriesPage />)} />
              <Route path="kb/articles/:id" element={guarded('kb.read', <KbArticlePage />)} />
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
