import { Button, Result, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/context.ts';
import { FormAlert } from '../components/states.tsx';
import { useConfirmPublicRequest } from '../requests/api.ts';
import { AuthCard } from './AuthCard.tsx';

/**
 * The link from the acknowledgement of a public-form request: the owner of the address confirms that
 * they sent it, and only then does it join their customer record and portal history. Confirming is a
 * click, not the visit, so a mail scanner that opens links confirms nothing.
 */
export default function ConfirmRequestPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmPublicRequest();

  if (!token) {
    return (
      <Result
        status="warning"
        title={t('portal.verify.noToken')}
        subTitle={t('portal.verify.noTokenText')}
        data-testid="portal-confirm-request-failed"
      />
    );
  }
  if (confirm.isSuccess) {
    return (
      <Result
        status="success"
        title={t('portal.confirmRequest.okTitle')}
        subTitle={t('portal.confirmRequest.okText')}
        data-testid="portal-confirm-request-ok"
      />
    );
  }
  return (
    <AuthCard
      title={t('portal.confirmRequest.title')}
      subtitle={t('portal.confirmRequest.text')}
      testId="portal-confirm-request"
    >
      <FormAlert error={confirm.error} testId="portal-confirm-request-error" />
      <Button
        type="primary"
        size="large"
        block
        loading={confirm.isPending}
        onClick={() => confirm.mutate(token)}
        data-testid="portal-confirm-request-submit"
      >
        {t('portal.confirmRequest.submit')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('portal.confirmRequest.notMe')}
      </Typography.Paragraph>
    </AuthCard>
  );
}
