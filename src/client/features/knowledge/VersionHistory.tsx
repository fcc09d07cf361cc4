import { EyeOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Modal, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type KbVersionView, useKbVersion, useKbVersions } from '../../api/knowledge.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { ArticlePreview } from './ArticlePreview.tsx';
import { KindTag, VisibilityTag } from './labels.tsx';

/** Every saved version of an article; each can be viewed and, when editing, loaded into the editor. */
export function VersionHistory({
  articleId,
  currentVersion,
  onRestore,
}: {
  articleId: number;
  currentVersion: number;
  onRestore?: (version: KbVersionView) => void;
}) {
  const t = useT();
  const fmt = useDateFormat();
  const versions = useKbVersions(articleId);
  const [viewing, setViewing] = useState<number | undefined>(undefined);
  const list = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);

  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="center">
          <HistoryOutlined />
          {t('kb.versions.title')}
        </Flex>
      }
      data-testid="kb-versions"
    >
      {versions.error ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : list.length === 0 ? (
        <EmptyState text={t('kb.versions.empty')} />
      ) : (
        <Flex vertical gap={8} style={{ maxHeight: 360, overflow: 'auto' }}>
          {list.map((v) => (
            <Flex key={v.version} justify="space-between" align="flex-start" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text strong>v{v.version}</Typography.Text>
                  {v.version === currentVersion ? <Tag color="blue">{t('kb.versions.current')}</Tag> : null}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {fmt.dateTime(v.createdAt)} · {v.authorName ?? '—'}
                </Typography.Text>
                {v.note ? (
                  <Typography.Text style={{ fontSize: 12, display: 'block' }}>{v.note}</Typography.Text>
                ) : null}
              </div>
              <Button
                size="small"
                icon={<EyeOutlined />}
                onClick={() => setViewing(v.version)}
                data-testid={`kb-version-view-${v.version}`}
              >
                {t('kb.versions.view')}
              </Button>
            </Flex>
          ))}
        </Flex>
      )}
      {viewing !== undefined ? (
        <VersionModal
          articleId={articleId}
          version={viewing}
          onClose={() => setViewing(undefined)}
          onRestore={
            onRestore && viewing !== currentVersion
              ? (v) => {
                  setViewing(undefined);
                  onRestore(v);
                }
              : undefined
          }
        />
      ) : null}
    </Card>
  );
}

function VersionModal({
  articleId,
  version,
  onClose,
  onRestore,
}: {
  articleId: number;
  version: number;
  onClose: () => void;
  onRestore: ((v: KbVersionView) => void) | undefined;
}) {
  const t = useT();
  const fmt = useDateFormat();
  const detail = useKbVersion(articleId, version);
  const v = detail.data;
  return (
    <Modal
      open
      width={900}
      title={t('kb.versions.modalTitle', { version })}
      onCancel={onClose}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.close')}</Button>
          {onRestore && v ? (
            <Button type="primary" onClick={() => onRestore(v)} data-testid="kb-version-restore">
              {t('kb.versions.restore')}
            </Button>
          ) : null}
        </Flex>
      }
      data-testid="kb-version-modal"
    >
      {detail.error ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : !v ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={2}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'title', label: t('kb.field.title'), children: v.title, span: 2 },
              { key: 'author', label: t('kb.versions.author'), children: v.authorName ?? '—' },
              { key: 'time', label: t('kb.versions.time'), children: fmt.dateTime(v.createdAt) },
              {
                key: 'kind',
                label: t('kb.list.type'),
                children: (
                  <Flex gap={4} wrap>
                    <KindTag kind={v.kind} />
                    <VisibilityTag visibility={v.visibility} />
                    <Tag variant="filled">{LOCALE_NAMES[v.language]}</Tag>
                  </Flex>
                ),
              },
              { key: 'tags', label: t('kb.field.tags'), children: v.tags.join(', ') || '—' },
              ...(v.note ? [{ key: 'note', label: t('kb.field.note'), children: v.note, span: 2 }] : []),
            ]}
          />
          <ArticlePreview
            html={v.bodyHtml}
            title={v.title}
            lang={v.language}
            height={420}
            testId="kb-version-preview"
          />
        </>
      )}
    </Modal>
  );
}
