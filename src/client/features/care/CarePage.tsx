import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';
import { CareEventsTab } from './CareEventsTab.tsx';
import { CareRulesTab } from './CareRulesTab.tsx';

/** 客户关怀: the greeting rules and the record of greetings and gifts. */
export default function CarePage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'events' ? 'events' : 'rules';
  return (
    <>
      <PageHeader title={t('care.title')} subtitle={t('care.subtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'rules' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'rules',
              label: <span data-testid="care-tab-rules">{t('care.tab.rules')}</span>,
              children: <CareRulesTab />,
            },
            {
              key: 'events',
              label: <span data-testid="care-tab-events">{t('care.tab.events')}</span>,
              children: <CareEventsTab />,
            },
          ]}
        />
      </Card>
    </>
  );
}
