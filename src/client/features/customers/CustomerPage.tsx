import { Alert, Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type CustomerDetail, useCustomer } from '../../api/customers.ts';
import { useCan } from '../../api/session.ts';
import { DetailPage, useRouteId } from '../../components/DetailPage.tsx';
import { useT } from '../../i18n/context.ts';
import { ContactsTab } from './ContactsTab.tsx';
import { CustomerDrawer } from './CustomerDrawer.tsx';
import { CustomerHeader } from './CustomerHeader.tsx';
import { KeyAccountTab } from './KeyAccountTab.tsx';
import { PlanTab } from './PlanTab.tsx';
import { ProfileTab } from './ProfileTab.tsx';
import { RequestsTab } from './RequestsTab.tsx';
import type { Revealed } from './RevealValue.tsx';
import { TimelineTab } from './TimelineTab.tsx';

const TABS = ['profile', 'contacts', 'timeline', 'requests', 'plan', 'keyAccount'] as const;
type TabKey = (typeof TABS)[number];

function CustomerFile({ customer }: { customer: CustomerDetail }) {
  const t = useT();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  // The requests tab reads the request list, which needs ticket.read.
  const tabs = TABS.filter((key) => key !== 'requests' || can('ticket.read'));
  const [editing, setEditing] = useState(false);
  const [revealed, setRevealed] = useState<Revealed>({});
  const wanted = params.get('tab');
  const tab = tabs.find((key) => key === wanted) ?? 'profile';
  const merged = customer.mergedIntoId !== null;

  const content: Record<TabKey, React.ReactNode> = {
    profile: <ProfileTab customer={customer} revealed={revealed} />,
    contacts: <ContactsTab customer={customer} />,
    timeline: <TimelineTab customer={customer} />,
    requests: <RequestsTab customer={customer} />,
    plan: <PlanTab customer={customer} />,
    keyAccount: <KeyAccountTab customer={customer} />,
  };
  return (
    <>
      {merged ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="customer-merged-banner"
          title={t('customers.merged.banner')}
          action={
            <Link to={`/customers/${customer.mergedIntoId}`} data-testid="customer-merged-link">
              <Button size="small" type="primary">
                {t('customers.merged.open')}
              </Button>
            </Link>
          }
        />
      ) : null}
      <CustomerHeader
        customer={customer}
        onEdit={() => setEditing(true)}
        revealed={revealed}
        onRevealed={(field, value) => setRevealed((r) => ({ ...r, [field]: value }))}
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'profile' ? {} : { tab: key }, { replace: true })}
          items={tabs.map((key) => ({
            key,
            label: (
              <span data-testid={`customer-tab-${key}`}>
                {t(`customers.tab.${key}`)}
                {key === 'contacts' ? ` ${customer.contacts.length}` : ''}
                {key === 'requests' && customer.openTickets > 0 ? ` ${customer.openTickets}` : ''}
              </span>
            ),
          }))}
        />
        {content[tab]}
      </Card>
      {merged ? null : (
        <CustomerDrawer open={editing} customer={customer} onClose={() => setEditing(false)} />
      )}
    </>
  );
}

/** 客户详情: the customer file, its contacts, its history and its requests. */
export default function CustomerPage() {
  const t = useT();
  const id = useRouteId();
  const query = useCustomer(id);
  return (
    <DetailPage
      id={id}
      query={query}
      back={{ to: '/customers', label: t('customers.back') }}
      notFound={{
        title: t('customers.notFound'),
        text: t('customers.notFoundText'),
        testId: 'customer-not-found',
      }}
      rows={10}
    >
      {/* A fresh page per customer: revealed numbers and open editors do not follow to another customer. */}
      {(customer) => <CustomerFile key={customer.id} customer={customer} />}
    </DetailPage>
  );
}
