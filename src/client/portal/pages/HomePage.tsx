import {
  BookOutlined,
  FormOutlined,
  LoginOutlined,
  ProfileOutlined,
  SearchOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Col, Flex, Input, Row, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/context.ts';
import { PortalEmpty, PortalError } from '../components/states.tsx';
import { ArticleItem, categoryLabel } from '../kb/ArticleItem.tsx';
import { usePublicArticles, usePublicCategories } from '../kb/api.ts';
import styles from '../portal.module.css';
import { usePortalMe } from '../session.ts';

function Tile({
  to,
  icon,
  title,
  text,
  testId,
}: {
  to: string;
  icon: ReactNode;
  title: string;
  text: string;
  testId: string;
}) {
  return (
    <Link to={to} className={styles.action} data-testid={testId}>
      <span className={styles.actionIcon}>{icon}</span>
      <span className={styles.actionTitle}>{title}</span>
      <span className={styles.actionText}>{text}</span>
    </Link>
  );
}

function PopularArticles() {
  const { t, locale } = useI18n();
  const articles = usePublicArticles({}, 6);
  if (articles.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (articles.error) return <PortalError error={articles.error} onRetry={() => void articles.refetch()} />;
  const items = articles.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <PortalEmpty text={t('portal.home.noArticles')} />;
  return (
    <Flex vertical gap={10} data-testid="portal-home-articles">
      {items.map((a) => (
        <ArticleItem key={a.id} article={a} locale={locale} />
      ))}
      <Link to="/portal/kb" style={{ alignSelf: 'flex-end' }}>
        {t('portal.home.allArticles')}
      </Link>
    </Flex>
  );
}

function Categories() {
  const { t, locale } = useI18n();
  const categories = usePublicCategories();
  const top = (categories.data ?? []).filter((c) => c.parentId === null && c.articleCount > 0);
  if (top.length === 0) return null;
  return (
    <div style={{ marginBottom: 24 }}>
      <h2 className={styles.sectionTitle}>{t('portal.home.categories')}</h2>
      <Flex wrap gap={8}>
        {top.map((c) => (
          <Link key={c.id} to={`/portal/kb?category=${c.id}`}>
            <Tag
              style={{
                padding: '6px 14px',
                fontSize: 14,
                borderRadius: 999,
                background: '#fff',
                cursor: 'pointer',
              }}
            >
              {categoryLabel(c.name, locale)} · {c.articleCount}
            </Tag>
          </Link>
        ))}
      </Flex>
    </div>
  );
}

/** 客户服务中心: search the knowledge base, raise or follow a request, sign in or sign up. */
export default function HomePage() {
  const { t } = useI18n();
  const me = usePortalMe();
  const navigate = useNavigate();
  const signedIn = !!me.data;
  return (
    <>
      <section className={styles.hero} data-testid="portal-home">
        <svg className={styles.heroArch} viewBox="0 0 600 200" aria-hidden="true" focusable="false">
          <path d="M-20 190 Q300 -30 620 190" />
          <path d="M90 128 V190 M200 84 V190 M300 72 V190 M400 84 V190 M510 128 V190" />
        </svg>
        <h1 className={styles.heroTitle}>
          {me.data ? t('portal.home.hello', { name: me.data.contact.name }) : t('portal.home.title')}
        </h1>
        <p className={styles.heroText}>{t('portal.home.subtitle')}</p>
        <div className={styles.heroSearch}>
          <Input.Search
            size="large"
            placeholder={t('portal.kb.searchPlaceholder')}
            enterButton={
              <>
                <SearchOutlined /> {t('common.search')}
              </>
            }
            allowClear
            onSearch={(q) =>
              void navigate(q.trim() ? `/portal/kb?q=${encodeURIComponent(q.trim())}` : '/portal/kb')
            }
            data-testid="portal-home-search"
          />
        </div>
      </section>
      <div className={styles.actions}>
        <Tile
          to="/portal/requests/new"
          icon={<FormOutlined />}
          title={t('portal.nav.newRequest')}
          text={t('portal.home.newText')}
          testId="portal-home-new"
        />
        <Tile
          to="/portal/requests"
          icon={<ProfileOutlined />}
          title={t('portal.nav.requests')}
          text={t('portal.home.mineText')}
          testId="portal-home-requests"
        />
        {signedIn ? (
          <Tile
            to="/portal/kb"
            icon={<BookOutlined />}
            title={t('portal.nav.kb')}
            text={t('portal.home.kbText')}
            testId="portal-home-kb"
          />
        ) : (
          <>
            <Tile
              to="/portal/login"
              icon={<LoginOutlined />}
              title={t('portal.nav.login')}
              text={t('portal.home.loginText')}
              testId="portal-home-login"
            />
            <Tile
              to="/portal/register"
              icon={<UserAddOutlined />}
              title={t('portal.nav.register')}
              text={t('portal.home.registerText')}
              testId="portal-home-register"
            />
          </>
        )}
      </div>
      <Row gutter={[24, 24]}>
        <Col xs={24} md={16}>
          <h2 className={styles.sectionTitle}>{t('portal.home.popular')}</h2>
          <PopularArticles />
        </Col>
        <Col xs={24} md={8}>
          <Categories />
          <div className={styles.action} style={{ cursor: 'default' }}>
            <span className={styles.actionTitle}>{t('portal.home.guestTitle')}</span>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('portal.home.guestText')}
            </Typography.Text>
            <Link to="/request" data-testid="portal-home-guest">
              {t('portal.home.guestLink')}
            </Link>
          </div>
        </Col>
      </Row>
    </>
  );
}
