import { Flex, Tag } from 'antd';
import { Link } from 'react-router';
import type { Locale } from '../../../shared/locale.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import styles from '../portal.module.css';
import type { KbPublicArticleSummary } from './api.ts';

/** One article in a list: title, a two-line excerpt, and its language when it is not the page's. */
export function ArticleItem({
  article,
  locale,
  categoryName,
}: {
  article: KbPublicArticleSummary;
  locale: Locale;
  categoryName?: string | undefined;
}) {
  return (
    <Link to={`/portal/kb/${article.id}`} className={styles.itemLink} data-testid="portal-article-item">
      <Flex justify="space-between" align="flex-start" gap={8}>
        <span className={styles.itemTitle}>{article.title}</span>
        {article.language !== locale ? (
          <Tag variant="filled" style={{ marginInlineEnd: 0, flexShrink: 0 }}>
            {LOCALE_NAMES[article.language]}
          </Tag>
        ) : null}
      </Flex>
      {article.excerpt ? <p className={styles.excerpt}>{article.excerpt}</p> : null}
      {categoryName ? (
        <div className={styles.itemMeta} style={{ marginTop: 6 }}>
          {categoryName}
        </div>
      ) : null}
    </Link>
  );
}

/** A category's name in the page's language, else in any language it has. */
export function categoryLabel(name: Partial<Record<Locale, string>>, locale: Locale): string {
  return name[locale] || name['zh-CN'] || name['zh-TW'] || name.en || '';
}
