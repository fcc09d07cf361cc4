import { Alert, Card, Descriptions, Tag, Typography } from 'antd';
import type { CapaDetail } from '../../api/capas.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CapaEvidence } from './CapaEvidence.tsx';

/** The last verification of effectiveness (by whom, when, result, note) and the evidence files. */
export function CapaVerificationCard({ capa }: { capa: CapaDetail }) {
  const t = useT();
  const fmt = useDateFormat();
  const v = capa.verification;
  return (
    <Card size="small" title={t('capas.section.verification')} data-testid="capa-verification">
      {v ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          style={{ marginBottom: 12 }}
          items={[
            {
              key: 'result',
              label: t('capas.verify.result'),
              children: (
                <Tag
                  color={v.result === 'effective' ? 'success' : 'error'}
                  data-testid="capa-verification-result"
                >
                  {t(`capas.result.${v.result}`)}
                </Tag>
              ),
            },
            { key: 'by', label: t('capas.verify.by'), children: v.by?.name ?? '—' },
            { key: 'at', label: t('capas.verify.at'), children: fmt.dateTime(v.at) },
            {
              key: 'note',
              label: t('capas.verify.note'),
              span: 'filled',
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{v.note}</span>,
            },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('capas.verify.none')}</Typography.Paragraph>
      )}
      {v?.result === 'not_effective' && capa.status === 'in_progress' ? (
        <Alert
          type="warning"
          showIcon
          title={t('capas.verify.notEffectiveNote')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t('capas.verify.evidence')}
      </Typography.Text>
      <CapaEvidence capa={capa} />
    </Card>
  );
}
