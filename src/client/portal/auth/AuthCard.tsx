import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import styles from '../portal.module.css';

/** The narrow card of the sign-in, sign-up and password pages. */
export function AuthCard({
  title,
  subtitle,
  children,
  testId,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className={styles.narrow} data-testid={testId}>
      <Card className={styles.card} variant="borderless">
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: subtitle ? 4 : 20 }}>
          {title}
        </Typography.Title>
        {subtitle ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
            {subtitle}
          </Typography.Paragraph>
        ) : null}
        {children}
      </Card>
    </div>
  );
}
