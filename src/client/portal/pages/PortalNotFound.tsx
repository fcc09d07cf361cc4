import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/context.ts';

export default function PortalNotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('common.notFoundTitle')}
      subTitle={t('common.notFoundText')}
      extra={
        <Link to="/portal">
          <Button type="primary">{t('portal.backHome')}</Button>
        </Link>
      }
      data-testid="portal-not-found"
    />
  );
}
