import { ArrowLeftOutlined, DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { ArticleBody } from '../components/ArticleBody.tsx';
import { FormAlert, PortalEmpty, PortalLoad } from '../components/states.tsx';
import PortalNotFound from '../pages/PortalNotFound.tsx';
import styles from '../portal.module.css';
import { categoryLabel } from './ArticleItem.tsx';
import { useArticleFeedback, usePublicArticle } from './api.ts';

function Feedback({ id }: { id: number }) {
  const { t } = useI18n();
  const feedback = useArticleFeedback(id);
  return (
    <Card className={styles.card} variant="borderless" data-testid="portal-kb-feedback">
      {feedback.isSuccess ? (
        <Typography.Text data-testid="portal-kb-feedback-thanks">
          {feedback.variables ? t('portal.kb.thanksHelpful') : t('portal.kb.thanksUnhelpful')}{' '}
          {feedback.variables ? null : <Link to="/portal/requests/new">{t('portal.nav.newRequest')}</Link>}
        </Typography.Text>
      ) : (
        <>
          <FormAlert error={feedback.error} testId="portal-kb-feedback-error" />
          <Flex align="center" gap={12} wrap>
            <Typography.Text strong>{t('portal.kb.helpful')}</Typography.Text>
            <Button
              icon={<LikeOutlined />}
              loading={feedback.isPending && feedback.variables}
              onClick={() => feedback.mutate(true)}
              data-testid="portal-kb-helpful"
            >
              {t('portal.kb.yes')}
            </Button>
            <Button
              icon={<DislikeOutlined />}
              loading={feedback.isPending && !feedback.variables}
              onClick={() => feedback.mutate(false)}
              data-testid="portal-kb-unhelpful"
            >
              {t('portal.kb.no')}
            </Button>
          </Flex>
        </>
      )}
    </Card>
  );
}

export default function KbArticlePage() {
  const { t, locale } = useI18n();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const article = usePublicArticle(valid ? id : 0);
  const { date } = useDateFormat();
  if (!valid) return <PortalNotFound />;
  return (
    <div style={{ maxWidth: 820, margin: '0 auto' }} data-testid="portal-kb-article">
      <Link to="/portal/kb" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('portal.nav.kb')}
      </Link>
      <PortalLoad
        query={article}
        rows={8}
        notFound={
          <PortalEmpty text={t('portal.kb.notFound')}>
            <Link to="/portal/kb">
              <Button type="primary">{t('portal.nav.kb')}</Button>
            </Link>
          </PortalEmpty>
        }
      >
        {(a) => (
          <Flex vertical gap={16}>
            <Card className={styles.card} variant="borderless">
              <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="portal-kb-title">
                {a.title}
              </Typography.Title>
              <Flex wrap gap={6} className={styles.itemMeta} style={{ marginBottom: 16 }}>
                <span>
                  {[
                    a.categoryName ? categoryLabel(a.categoryName, locale) : null,
                    t('portal.kb.updated', { date: date(a.updatedAt) }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {a.tags.map((tag) => (
                  <Tag key={tag} variant="filled" style={{ marginInlineEnd: 0 }}>
                    {tag}
                  </Tag>
                ))}
              </Flex>
              <ArticleBody html={a.bodyHtml} locale={a.language} title={a.title} />
            </Card>
            <Feedback id={a.id} />
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
              {t('portal.kb.stillNeedHelp')}{' '}
              <Link to="/portal/requests/new">{t('portal.nav.newRequest')}</Link>
            </Typography.Paragraph>
          </Flex>
        )}
      </PortalLoad>
    </div>
  );
}
