import { Alert, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useCan } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';
import { RulesTab } from './RulesTab.tsx';
import { TeamsTab } from './TeamsTab.tsx';

/** 分派规则与团队: who gets new requests (rules, needs ticket.configure) and the teams they go to. */
export default function AssignmentPage() {
  const t = useT();
  const can = useCan();
  const canConfigure = can('ticket.configure');
  const [params, setParams] = useSearchParams();
  const tab = !canConfigure || params.get('tab') === 'teams' ? 'teams' : 'rules';
  return (
    <>
      <PageHeader title={t('ticketAdmin.assignTitle')} subtitle={t('ticketAdmin.assignSubtitle')} />
      {canConfigure ? null : (
        <Alert
          type="info"
          showIcon
          title={t('ticketAdmin.rulesNeedConfigure')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'rules' ? {} : { tab: key }, { replace: true })}
        items={[
          ...(canConfigure
            ? [{ key: 'rules', label: t('ticketAdmin.tabRules'), children: <RulesTab /> }]
            : []),
          { key: 'teams', label: t('ticketAdmin.tabTeams'), children: <TeamsTab /> },
        ]}
      />
    </>
  );
}
