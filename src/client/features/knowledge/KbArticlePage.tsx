import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { type KbArticleView, useKbArticle } from '../../api/knowledge.ts';
import { useCan } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Forbidden, NotFound } from '../../components/results.tsx';
import { LoadState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { ArticleEditor } from './ArticleEditor.tsx';
import { ArticlePreview } from './ArticlePreview.tsx';
import { KindTag, StatusTag, VisibilityTag } from './labels.tsx';
import { StatusActions } from './StatusActions.tsx';
import { VersionHistory } from './VersionHistory.tsx';

/** /kb/articles/new and /kb/articles/:id — the editor for writers, the rendered article for readers. */
export default function KbArticlePage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const { id } = useParams();
  const isNew = id === 'new';
  const articleId = isNew ? undefined : Number(id) || undefined;
  const article = useKbArticle(articleId);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/kb')} data-testid="kb-back">
      {t('kb.back')}
    </Button>
  );

  if (isNew) {
    if (!can('kb.write')) return <Forbidden />;
    return (
      <>
        <PageHeader title={t('kb.create')} subtitle={t('kb.createSubtitle')} extra={back} />
        <ArticleEditor article={null} canPublish={can('kb.publish')} />
      </>
    );
  }

  if (!articleId) return <NotFound />;
  return (
    <LoadState query={article} rows={12}>
      {(a) => {
        // Changing a live article changes what readers see: that takes the publish permission.
        const editable = can('kb.write') && (a.status !== 'published' || can('kb.publish'));
        return (
          <>
            <PageHeader
              title={a.title}
              subtitle={
                <Flex gap={4} wrap component="span">
                  <StatusTag status={a.status} />
                  <KindTag kind={a.kind} />
                  <VisibilityTag visibility={a.visibility} />
                  <Tag variant="filled">{LOCALE_NAMES[a.language]}</Tag>
                </Flex>
              }
              extra={back}
            />
            {editable ? (
              <ArticleEditor key={a.id} article={a} canPublish={can('kb.publish')} />
            ) : (
              <ArticleReader article={a} canWrite={can('kb.write')} canPublish={can('kb.publish')} />
            )}
          </>
        );
      }}
    </LoadState>
  );
}

function ArticleReader({
  article,
  canWrite,
  canPublish,
}: {
  article: KbArticleView;
  canWrite: boolean;
  canPublish: boolean;
}) {
  const t = useI18n().t;
  return (
    <>
      {canWrite ? (
        <Alert type="info" showIcon title={t('kb.publishedReadOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      {canPublish ? (
        <Flex justify="flex-end" gap={8} style={{ marginBottom: 16 }}>
          <StatusActions article={article} canPublish={canPublish} />
        </Flex>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card style={{ marginBottom: 16 }}>
            {article.tags.length > 0 ? (
              <Flex gap={4} wrap style={{ marginBottom: 12 }}>
                {article.tags.map((tag) => (
                  <Tag key={tag}>#{tag}</Tag>
                ))}
              </Flex>
            ) : null}
            <ArticlePreview html={article.bodyHtml} lang={article.language} height={560} />
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
              {t('kb.readerMeta', {
                author: article.authorName ?? '—',
                version: article.version,
                views: article.viewCount,
              })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <VersionHistory articleId={article.id} currentVersion={article.version} />
        </Col>
      </Row>
    </>
  );
}
