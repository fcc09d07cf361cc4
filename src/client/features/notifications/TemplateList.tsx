import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LOCALES } from '../../../shared/locale.ts';
import {
  type MessageTemplateView,
  type TemplateChannel,
  useMessageTemplates,
} from '../../api/notifications.ts';
import { useCan } from '../../api/session.ts';
import { EmptyState, LoadState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { isMessageKey } from '../../i18n/language-pack.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { TemplateModal } from './TemplateModal.tsx';
import { variableHint, variablesIn } from './VariableChips.tsx';

const CHANNELS: TemplateChannel[] = ['email', 'sms', 'in_app'];

/** Every message Qiao sends, grouped by message and channel, with the three languages side by side. */
export function TemplateList() {
  const t = useT();
  const can = useCan();
  const canManage = can('settings.manage');
  const templates = useMessageTemplates();
  const [editing, setEditing] = useState<MessageTemplateView | null>(null);

  const keyTitle = (key: string) => {
    const msg = `templates.key.${key}`;
    return isMessageKey(msg) ? t(msg) : key;
  };
  const channelName = (channel: TemplateChannel) => t(`templates.channel.${channel}`);

  return (
    <LoadState query={templates} rows={8}>
      {(all) => {
        const keys = [...new Set(all.map((x) => x.key))];
        if (keys.length === 0) return <EmptyState text={t('templates.msg.empty')} />;
        const variablesOf = (key: string, channel: TemplateChannel) =>
          variablesIn(
            ...all.filter((x) => x.key === key && x.channel === channel).flatMap((x) => [x.subject, x.body]),
          );
        return (
          <Flex vertical gap={16} data-testid="template-list">
            {keys.map((key) => (
              <Card
                key={key}
                size="small"
                data-testid={`template-${key}`}
                title={
                  <Flex gap={8} align="baseline" wrap>
                    <span>{keyTitle(key)}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
                      {key}
                    </Typography.Text>
                  </Flex>
                }
              >
                {CHANNELS.filter((channel) => all.some((x) => x.key === key && x.channel === channel)).map(
                  (channel) => {
                    const variables = variablesOf(key, channel);
                    return (
                      <div key={channel} style={{ marginBottom: 12 }}>
                        <Flex gap={6} wrap align="center" style={{ marginBottom: 8 }}>
                          <Tag color="purple">{channelName(channel)}</Tag>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('templates.msg.variablesUsed')}
                          </Typography.Text>
                          {variables.length === 0 ? '—' : null}
                          {variables.map((v) => (
                            <Tag key={v} title={variableHint(t, v)} style={{ fontFamily: 'monospace' }}>
                              {v}
                            </Tag>
                          ))}
                        </Flex>
                        <Row gutter={[12, 12]}>
                          {LOCALES.map((locale) => {
                            const tpl = all.find(
                              (x) => x.key === key && x.channel === channel && x.locale === locale,
                            );
                            if (!tpl) return null;
                            return (
                              <Col key={locale} xs={24} lg={8}>
                                <div
                                  style={{
                                    border: '1px solid #eef0f3',
                                    borderRadius: 8,
                                    padding: 12,
                                    height: '100%',
                                    background: tpl.customised ? '#fffbe6' : undefined,
                                  }}
                                  data-testid={`template-${key}-${channel}-${locale}`}
                                >
                                  <Flex justify="space-between" align="center" gap={8}>
                                    <Flex gap={6} align="center">
                                      <Typography.Text strong>{LOCALE_NAMES[locale]}</Typography.Text>
                                      {tpl.customised ? (
                                        <Tag color="gold">{t('templates.msg.customised')}</Tag>
                                      ) : (
                                        <Tag>{t('templates.msg.builtIn')}</Tag>
                                      )}
                                    </Flex>
                                    {canManage ? (
                                      <Button
                                        size="small"
                                        type="link"
                                        icon={<EditOutlined />}
                                        onClick={() => setEditing(tpl)}
                                        data-testid={`template-edit-${key}-${channel}-${locale}`}
                                      >
                                        {t('common.edit')}
                                      </Button>
                                    ) : null}
                                  </Flex>
                                  {tpl.subject !== null ? (
                                    <Typography.Paragraph strong style={{ margin: '8px 0 4px' }}>
                                      {tpl.subject}
                                    </Typography.Paragraph>
                                  ) : null}
                                  <Typography.Paragraph
                                    type="secondary"
                                    ellipsis={{ rows: 4, expandable: 'collapsible' }}
                                    style={{ whiteSpace: 'pre-wrap', marginBottom: 0, fontSize: 13 }}
                                  >
                                    {tpl.body}
                                  </Typography.Paragraph>
                                </div>
                              </Col>
                            );
                          })}
                        </Row>
                      </div>
                    );
                  },
                )}
              </Card>
            ))}
            {editing ? (
              <TemplateModal
                template={editing}
                title={keyTitle(editing.key)}
                channelName={channelName(editing.channel)}
                variables={variablesOf(editing.key, editing.channel)}
                onClose={() => setEditing(null)}
              />
            ) : null}
          </Flex>
        );
      }}
    </LoadState>
  );
}
