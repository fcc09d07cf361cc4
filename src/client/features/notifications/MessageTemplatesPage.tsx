import { Alert, Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useCan } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';
import { OutboundLog } from './OutboundLog.tsx';
import { TemplateList } from './TemplateList.tsx';

/** 消息模板: the texts of every email, SMS and in-app message, and the log of what was sent. */
export default function MessageTemplatesPage() {
  const t = useT();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'log' ? 'log' : 'templates';
  return (
    <>
      <PageHeader title={t('templates.msg.title')} subtitle={t('templates.msg.subtitle')} />
      {can('settings.manage') ? null : (
        <Alert type="info" showIcon title={t('templates.msg.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'templates' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'templates', label: t('templates.msg.tabTemplates'), children: <TemplateList /> },
          {
            key: 'log',
            label: t('templates.msg.tabLog'),
            children: (
              <Card>
                <OutboundLog />
              </Card>
            ),
          },
        ]}
      />
    </>
  );
}
