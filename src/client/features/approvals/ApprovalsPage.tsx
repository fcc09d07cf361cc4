import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';
import { InboxTab } from './InboxTab.tsx';
import { MineTab } from './MineTab.tsx';

/** 审批待办: what waits for the caller's decision, and what they asked for. Any signed-in staff user. */
export default function ApprovalsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'mine' ? 'mine' : 'inbox';
  return (
    <>
      <PageHeader title={t('approvals.title')} subtitle={t('approvals.subtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'inbox' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'inbox',
              label: <span data-testid="approvals-tab-inbox">{t('approvals.tab.inbox')}</span>,
              children: <InboxTab />,
            },
            {
              key: 'mine',
              label: <span data-testid="approvals-tab-mine">{t('approvals.tab.mine')}</span>,
              children: <MineTab />,
            },
          ]}
        />
      </Card>
    </>
  );
}
